package vn.capuy.sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator at the tiny scale, each run in a database of its own (so the shared test
 * database keeps only the sample): counts as the scale says, realistic cell sizes,
 * deterministic by seed, refuses to run twice.
 */
@FullTest
class DataGeneratorTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	JdbcClient jdbc;

	@Test
	void tinyScaleWritesTheTreeAndMembersItSaysAndClosureCoversEveryCell() {
		DataSource db = freshDatabase();
		DataGenerator.Result result = new DataGenerator(db).generate(GeneratorScale.TINY, 7, (p) -> {
		});
		JdbcClient sql = JdbcClient.create(db);
		assertThat(sql.sql("SELECT count(*) FROM member").query(Integer.class).single()).isEqualTo(result.members())
			.isBetween(140, 170);
		assertThat(sql.sql("SELECT count(*) FROM organization WHERE code LIKE 'GEN-%'").query(Integer.class).single())
			.isEqualTo(result.organizations())
			.isEqualTo(1 + 1 + 4 + 10);
		List<Integer> sizes = sql.sql("""
				SELECT count(*) FROM membership WHERE valid_to IS NULL GROUP BY organization_id
				""").query(Integer.class).list();
		assertThat(sizes).allSatisfy((n) -> assertThat(n).isBetween(1, 70));
		// every cell is in the root's subtree today
		assertThat(sql.sql("""
				SELECT count(*) FROM organization o WHERE o.type IN ('CHI_BO_CO_SO', 'CHI_BO_TRUC_THUOC')
				  AND NOT EXISTS (SELECT 1 FROM organization_closure c JOIN organization r ON r.id = c.ancestor_id
				    AND r.type = 'DANG_BO_TINH' WHERE c.descendant_id = o.id AND c.valid_to IS NULL)
				""").query(Integer.class).single()).isZero();
		// every member has exactly one status today and statuses never overlap (the
		// database refuses overlaps)
		assertThat(sql.sql("""
				SELECT count(*) FROM member m WHERE (SELECT count(*) FROM member_status s WHERE s.member_id = m.id
				  AND s.valid_to IS NULL) <> 1
				""").query(Integer.class).single()).isZero();
		// five years of meetings: every cell's monthly meeting (60) and quarterly
		// thematic one
		// (20), counts that add up
		int cells = sql.sql("SELECT count(*) FROM organization WHERE code LIKE 'GEN-%' AND type LIKE 'CHI_BO%'")
			.query(Integer.class)
			.single();
		assertThat(sql.sql("SELECT count(*) FROM meeting WHERE created_by = 'generator'").query(Integer.class).single())
			.isEqualTo(result.meetings())
			.isEqualTo(cells * (60 + 20));
		assertThat(sql.sql("""
				SELECT count(*) FROM meeting WHERE status = 'HELD'
				  AND present_count + late_count + excused_count + unexcused_count <> expected_count
				""").query(Integer.class).single()).isZero();
		assertThat(sql.sql("SELECT count(*) FROM meeting WHERE status = 'NOT_HELD'").query(Integer.class).single())
			.isPositive();
		// a published campaign per whole year; each member in the Party at the year's end
		// reviewed exactly once in it
		assertThat(sql.sql("SELECT count(*) FROM grading_review").query(Integer.class).single())
			.isEqualTo(result.gradingReviews());
		assertThat(sql.sql("SELECT count(*) FROM grading_campaign WHERE status = 'PUBLISHED'")
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(
				sql.sql("""
						SELECT count(*) FROM grading_campaign gc
						JOIN membership ms ON ms.valid_from <= gc.period_to AND (ms.valid_to IS NULL OR ms.valid_to > gc.period_to)
						JOIN member_status st ON st.member_id = ms.member_id AND st.valid_from <= gc.period_to
						  AND (st.valid_to IS NULL OR st.valid_to > gc.period_to) AND st.status IN ('FULL', 'PROBATIONARY')
						WHERE (SELECT count(*) FROM grading_review r WHERE r.campaign_id = gc.id
						         AND r.member_id = ms.member_id) <> 1
						""")
					.query(Integer.class)
					.single())
			.isZero();
		assertThat(sql.sql("""
				SELECT count(*) FILTER (WHERE decided_grade = 'HTXS') * 100 / count(*) FROM grading_review
				""").query(Integer.class).single()).isBetween(5, 20);
		assertThatThrownBy(() -> new DataGenerator(db).generate(GeneratorScale.TINY, 7, (p) -> {
		})).hasMessageContaining("error.generator.already");
	}

	@Test
	void theSameSeedGivesTheSameData() {
		String first = fingerprint(generated(11));
		String second = fingerprint(generated(11));
		String other = fingerprint(generated(12));
		assertThat(first).isEqualTo(second).isNotEqualTo(other);
	}

	private DataSource generated(long seed) {
		DataSource db = freshDatabase();
		new DataGenerator(db).generate(GeneratorScale.TINY, seed, (p) -> {
		});
		return db;
	}

	private static String fingerprint(DataSource db) {
		return JdbcClient.create(db)
			.sql("""
					SELECT md5(string_agg(full_name || date_of_birth || admission_decision_date, ',' ORDER BY id - (SELECT min(id) FROM member)))
					FROM member
					""")
			.query(String.class)
			.single();
	}

	private DataSource freshDatabase() {
		String name = "capuy_gen_" + DATABASES.incrementAndGet() + "_" + System.nanoTime();
		this.jdbc.sql("CREATE DATABASE " + name).update();
		DataSource db = this.postgres.getDatabase("postgres", name);
		Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
		return db;
	}

}
