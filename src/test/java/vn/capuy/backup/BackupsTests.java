package vn.capuy.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;
import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of the sample committee restored into an empty installation of the same
 * version holds the same rows in every table, checked by counts and checksums computed
 * independently on both databases.
 */
@FullTest
class BackupsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSampleRoundTripsThroughABackupIntoAnEmptyInstallation() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		Backups.Manifest manifest = new Backups(this.dataSource).backup(zip);
		assertThat(manifest.rows()).containsKeys("organization", "member", "membership", "rule", "audit_log");
		assertThat(manifest.rows().get("member")).isGreaterThan(4000);

		String name = "capuy_restore_" + System.nanoTime();
		this.jdbc.sql("CREATE DATABASE " + name).update();
		DataSource target = this.postgres.getDatabase("postgres", name);
		Flyway.configure().dataSource(target).locations("classpath:db/migration").load().migrate();
		new Backups(target).restore(new ByteArrayInputStream(zip.toByteArray()));

		Map<String, String> source = fingerprints(this.dataSource);
		Map<String, String> restored = fingerprints(target);
		// the scheduler records a row per minute in scheduled_run on the live database
		// while the test runs: that table is compared with the backup's own count instead
		String scheduled = "scheduled_run";
		assertThat(restored.remove(scheduled)).startsWith(manifest.rows().get(scheduled) + ":");
		source.remove(scheduled);
		// the versions of in-memory figures move on by one in a restore (Backups.restore)
		for (String versionTable : List.of("data_version", "member_count_version")) {
			long before = JdbcClient.create(this.dataSource)
				.sql("SELECT version FROM " + versionTable)
				.query(Long.class)
				.single();
			long after = JdbcClient.create(target)
				.sql("SELECT version FROM " + versionTable)
				.query(Long.class)
				.single();
			assertThat(after).as(versionTable).isEqualTo(before + 1);
			source.remove(versionTable);
			restored.remove(versionTable);
		}
		assertThat(restored).isEqualTo(source);
		// identity sequences continue after the restored rows
		long next = JdbcClient.create(target)
			.sql("INSERT INTO agency (name, search_key) VALUES ('x', 'x') RETURNING id")
			.query(Long.class)
			.single();
		long max = JdbcClient.create(this.dataSource)
			.sql("SELECT coalesce(max(id), 0) FROM agency")
			.query(Long.class)
			.single();
		assertThat(next).isGreaterThan(max);
		// and the audit log is append-only again
		assertThat(JdbcClient.create(target)
			.sql("SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_log_no_update'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRestoreIntoAnInstallationWithDataIsRefused() {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		new Backups(this.dataSource).backup(zip);
		assertThatThrownBy(() -> new Backups(this.dataSource).restore(new ByteArrayInputStream(zip.toByteArray())))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("error.backup.not-empty");
	}

	@Test
	void aFileThatIsNotABackupIsRefusedClearly() {
		assertThatThrownBy(() -> new Backups(this.dataSource).restore(new ByteArrayInputStream("not a zip".getBytes())))
			.isInstanceOf(RuleViolationException.class);
	}

	private static Map<String, String> fingerprints(DataSource db) throws Exception {
		Map<String, String> result = new LinkedHashMap<>();
		try (Connection connection = db.getConnection()) {
			for (String table : Backups.tables(connection)) {
				long count = JdbcClient.create(db)
					.sql("SELECT count(*) FROM \"" + table + "\"")
					.query(Long.class)
					.single();
				String sum = JdbcClient.create(db)
					.sql("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"" + table + "\" t")
					.query(String.class)
					.single();
				result.put(table, count + ":" + sum);
			}
		}
		return result;
	}

}
