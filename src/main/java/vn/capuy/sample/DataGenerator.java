package vn.capuy.sample;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills a database with a realistic synthetic committee at a named scale, deterministic
 * by seed, written with PostgreSQL {@code COPY} (through staging tables, so the identity
 * columns keep their sequences). Names, ages, party ages and cell sizes follow real
 * distributions (cells from 3 to 60 members, most 10–25), not uniform noise. Every
 * generated organisation has a code starting with {@code GEN-} so generated data can be
 * told apart.
 */
@Component
public class DataGenerator {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

	private static final int BATCH = 50_000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	DataGenerator(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** What was written. */
	public record Result(int organizations, int members, int statusRows, int placementRows, int meetings,
			int gradingReviews) {
	}

	/** Generates the scale; progress in percent. Refuses to run twice on one database. */
	public Result generate(GeneratorScale scale, long seed, IntConsumer progress) {
		boolean already = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM organization WHERE code LIKE 'GEN-%')")
			.query(Boolean.class)
			.single();
		if (already) {
			throw new vn.capuy.system.RuleViolationException("error.generator.already");
		}
		// members refer to the catalogues (ethnic groups, religions), seeded here when
		// the generator runs first
		vn.capuy.membership.ReferenceData.of(this.dataSource).seed();
		Random random = new Random(seed);
		LocalDate start = TODAY.minusYears(scale.historyYears);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Tree tree = organizations(connection, copy, scale, random, start);
			progress.accept(10);
			Result result = members(connection, copy, scale, random, start, tree, progress);
			connection.commit();
			// the organisation module's published function derives the dated closure from
			// the links
			this.jdbc.sql("SELECT organization_closure_rebuild()").query().singleRow();
			progress.accept(96);
			int meetings = scale.monthlyHistory ? meetings(start) : 0;
			progress.accept(98);
			int reviews = grading(start);
			// statistics of the new rows now, as a database in service has them (else the
			// first queries are planned for empty tables until autovacuum comes by)
			this.jdbc.sql("ANALYZE").update();
			progress.accept(100);
			return new Result(tree.count, result.members(), result.statusRows(), result.placementRows(), meetings,
					reviews);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("generation failed: " + ex.getMessage(), ex);
		}
	}

	/** The generated tree: the cells members go into. */
	private record Tree(int count, long[] cells) {
	}

	private Tree organizations(Connection connection, CopyManager copy, GeneratorScale scale, Random random,
			LocalDate start) throws SQLException, IOException {
		int total = scale.provinces + scale.committees + scale.grassroots + scale.cells;
		long first = reserve(connection, "organization", total);
		StringBuilder orgs = new StringBuilder();
		StringBuilder names = new StringBuilder();
		StringBuilder links = new StringBuilder();
		long next = first;
		String from = start.minusYears(20).toString();
		List<Long> provinces = new ArrayList<>();
		for (int p = 0; p < scale.provinces; p++) {
			long id = next++;
			provinces.add(id);
			row(orgs, id, "DANG_BO_TINH", "GEN-P" + p, from);
			row(names, id, "Đảng bộ tỉnh Mô phỏng " + (p + 1),
					vn.capuy.system.VietnameseText.fold("Đảng bộ tỉnh Mô phỏng " + (p + 1)), from);
			row(links, id, "\\N", from);
		}
		List<Long> committees = new ArrayList<>();
		for (int c = 0; c < scale.committees; c++) {
			long id = next++;
			committees.add(id);
			String name = scale.committees == 1 ? "Đảng bộ các cơ quan Đảng tỉnh (mô phỏng)"
					: "Đảng bộ xã Mô phỏng " + (c + 1);
			row(orgs, id, "DANG_BO_CAP_TREN_CO_SO", "GEN-C" + c, from);
			row(names, id, name, vn.capuy.system.VietnameseText.fold(name), from);
			row(links, id, String.valueOf(provinces.get(c % provinces.size())), from);
		}
		// grassroots: 60% committees with subordinate cells, 40% grassroots cells
		int committeesWithCells = (int) Math.round(scale.grassroots * 0.6);
		int grassrootsCells = scale.grassroots - committeesWithCells;
		int subordinateCells = Math.max(0, scale.cells - grassrootsCells);
		long[] cells = new long[grassrootsCells + subordinateCells];
		int cellIndex = 0;
		List<Long> grassrootsCommittees = new ArrayList<>();
		String[] agencies = { "Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Văn phòng",
				"Ban Tuyên giáo", "Trường Trung học phổ thông", "Bệnh viện", "Trung tâm Y tế", "Công ty" };
		for (int g = 0; g < scale.grassroots; g++) {
			long id = next++;
			boolean isCommittee = g < committeesWithCells;
			String agency = agencies[random.nextInt(agencies.length)] + " " + (g + 1);
			String name = (isCommittee ? "Đảng bộ " : "Chi bộ ") + agency;
			row(orgs, id, isCommittee ? "DANG_BO_CO_SO" : "CHI_BO_CO_SO", "GEN-G" + g, from);
			row(names, id, name, vn.capuy.system.VietnameseText.fold(name), from);
			row(links, id, String.valueOf(committees.get(g % committees.size())), from);
			if (isCommittee) {
				grassrootsCommittees.add(id);
			}
			else {
				cells[cellIndex++] = id;
			}
		}
		for (int s = 0; s < subordinateCells; s++) {
			long id = next++;
			long parent = grassrootsCommittees.get(s % grassrootsCommittees.size());
			String name = "Chi bộ Phòng " + (s + 1);
			row(orgs, id, "CHI_BO_TRUC_THUOC", "GEN-S" + s, from);
			row(names, id, name, vn.capuy.system.VietnameseText.fold(name), from);
			row(links, id, String.valueOf(parent), from);
			cells[cellIndex++] = id;
		}
		int count = (int) (next - first);
		copyVia(connection, copy, "organization", "id bigint, type text, code text, valid_from date",
				"id, type, code, valid_from", orgs);
		copyVia(connection, copy, "organization_name",
				"organization_id bigint, name text, search_key text, valid_from date",
				"organization_id, name, search_key, valid_from", names);
		copyVia(connection, copy, "organization_link", "organization_id bigint, parent_id bigint, valid_from date",
				"organization_id, parent_id, valid_from", links);
		return new Tree(count, java.util.Arrays.copyOf(cells, cellIndex));
	}

	private Result members(Connection connection, CopyManager copy, GeneratorScale scale, Random random,
			LocalDate start, Tree tree, IntConsumer progress) throws SQLException, IOException {
		// cell sizes: a skewed distribution from 3 to 60, scaled to the member total
		int[] sizes = new int[tree.cells().length];
		double[] weights = new double[sizes.length];
		double sum = 0;
		for (int i = 0; i < sizes.length; i++) {
			weights[i] = Math.max(3, Math.min(60, 8 + Math.abs(random.nextGaussian() * 12)));
			sum += weights[i];
		}
		int assigned = 0;
		for (int i = 0; i < sizes.length; i++) {
			sizes[i] = Math.max(3, (int) Math.round(weights[i] / sum * scale.members));
			assigned += sizes[i];
		}
		int members = assigned;
		long first = reserve(connection, "member", members);
		SampleNames names = new SampleNames(random, new HashSet<>());
		StringBuilder memberRows = new StringBuilder();
		StringBuilder placementRows = new StringBuilder();
		StringBuilder statusRows = new StringBuilder();
		int statuses = 0;
		int placements = 0;
		long id = first;
		int written = 0;
		for (int c = 0; c < sizes.length; c++) {
			for (int k = 0; k < sizes[c]; k++) {
				SampleNames.Person person = names.next();
				int age = 22 + (int) Math.min(45, Math.abs(random.nextGaussian() * 12) + random.nextInt(10));
				LocalDate born = TODAY.minusYears(age).minusDays(random.nextInt(365));
				LocalDate admitted = born.plusYears(19 + random.nextInt(Math.max(1, age - 20)))
					.plusDays(random.nextInt(200));
				if (admitted.isAfter(TODAY.minusMonths(2))) {
					admitted = TODAY.minusMonths(2 + random.nextInt(10));
				}
				LocalDate full = admitted.plusYears(1);
				boolean probationary = full.isAfter(TODAY);
				String card = String.format("%08d", 10_000_000 + (id - first));
				memberRows.append(id)
					.append('\t')
					.append(person.fullName())
					.append('\t')
					.append(vn.capuy.system.VietnameseText.fold(person.fullName()))
					.append('\t')
					.append(person.sex().name())
					.append('\t')
					.append(born)
					.append('\t')
					.append("01")
					.append('\t')
					.append(admitted)
					.append('\t')
					.append(admitted)
					.append('\t')
					.append(probationary ? "\\N" : full.toString())
					.append('\t')
					.append(card)
					.append('\n');
				LocalDate placed = admitted.isBefore(start) ? start : admitted;
				long cell = tree.cells()[c];
				// five years of history: some transfers between cells, some ends of
				// membership
				int fate = random.nextInt(100);
				if (fate < 4 && placed.isBefore(TODAY.minusYears(1))) {
					LocalDate moved = placed.plusDays(180 + random.nextInt(365));
					long other = tree.cells()[random.nextInt(tree.cells().length)];
					placementRows.append(id)
						.append('\t')
						.append(cell)
						.append('\t')
						.append(placed)
						.append('\t')
						.append(moved)
						.append('\t')
						.append("REGISTERED\n");
					placementRows.append(id)
						.append('\t')
						.append(other)
						.append('\t')
						.append(moved)
						.append("\t\\N\t")
						.append("TRANSFERRED\n");
					placements += 2;
				}
				else {
					placementRows.append(id)
						.append('\t')
						.append(cell)
						.append('\t')
						.append(placed)
						.append("\t\\N\t")
						.append("REGISTERED\n");
					placements++;
				}
				if (probationary) {
					statusRows.append(id).append("\tPROBATIONARY\t").append(admitted).append("\t\\N\n");
					statuses++;
				}
				else {
					statusRows.append(id)
						.append("\tPROBATIONARY\t")
						.append(admitted)
						.append('\t')
						.append(full)
						.append('\n');
					statuses++;
					if (fate >= 96 && full.isBefore(TODAY.minusYears(1))) {
						LocalDate ended = TODAY.minusDays(30 + random.nextInt(365 * scale.historyYears));
						if (ended.isAfter(full)) {
							statusRows.append(id)
								.append("\tFULL\t")
								.append(full)
								.append('\t')
								.append(ended)
								.append('\n');
							statusRows.append(id)
								.append('\t')
								.append(fate == 99 ? "REMOVED" : "DECEASED")
								.append('\t')
								.append(ended)
								.append("\t\\N\n");
							statuses += 2;
						}
						else {
							statusRows.append(id).append("\tFULL\t").append(full).append("\t\\N\n");
							statuses++;
						}
					}
					else {
						String status = age > 70 && random.nextInt(3) == 0 ? "EXEMPT" : "FULL";
						if ("EXEMPT".equals(status)) {
							LocalDate exempt = TODAY.minusDays(random.nextInt(365 * 3) + 1);
							if (exempt.isAfter(full)) {
								statusRows.append(id)
									.append("\tFULL\t")
									.append(full)
									.append('\t')
									.append(exempt)
									.append('\n');
								statusRows.append(id).append("\tEXEMPT\t").append(exempt).append("\t\\N\n");
								statuses += 2;
							}
							else {
								statusRows.append(id).append("\tFULL\t").append(full).append("\t\\N\n");
								statuses++;
							}
						}
						else {
							statusRows.append(id).append("\tFULL\t").append(full).append("\t\\N\n");
							statuses++;
						}
					}
				}
				id++;
				written++;
				if (written % BATCH == 0) {
					flushMembers(connection, copy, memberRows, placementRows, statusRows);
					progress.accept(10 + (int) (85L * written / members));
				}
			}
		}
		flushMembers(connection, copy, memberRows, placementRows, statusRows);
		return new Result(0, members, statuses, placements, 0, 0);
	}

	private void flushMembers(Connection connection, CopyManager copy, StringBuilder members, StringBuilder placements,
			StringBuilder statuses) throws SQLException, IOException {
		copyVia(connection, copy, "member",
				"id bigint, full_name text, search_key text, sex text, date_of_birth date, ethnicity_code text, "
						+ "admission_decision_date date, admission_ceremony_date date, full_membership_date date, "
						+ "party_card_number text",
				"id, full_name, search_key, sex, date_of_birth, ethnicity_code, admission_decision_date, "
						+ "admission_ceremony_date, full_membership_date, party_card_number",
				members);
		copyVia(connection, copy, "membership",
				"member_id bigint, organization_id bigint, valid_from date, valid_to date, reason text",
				"member_id, organization_id, valid_from, valid_to, reason", placements);
		copyVia(connection, copy, "member_status", "member_id bigint, status text, valid_from date, valid_to date",
				"member_id, status, valid_from, valid_to", statuses);
	}

	/**
	 * The cells' meetings over the years of history: the monthly regular meeting (held
	 * around the 3rd, some late, some not held) and the quarterly thematic one, with
	 * attendance counts (no per-member rows). Pseudo-random by a hash of cell and month,
	 * so the same tree gives the same meetings. Written in SQL in the database: nothing
	 * crosses the wire.
	 */
	private int meetings(LocalDate start) {
		return this.jdbc
			.sql("""
					WITH cell AS (
					  SELECT o.id, count(ms.member_id) AS size
					  FROM organization o JOIN membership ms ON ms.organization_id = o.id AND ms.valid_to IS NULL
					  WHERE o.code LIKE 'GEN-%' AND o.type IN ('CHI_BO_CO_SO', 'CHI_BO_TRUC_THUOC')
					  GROUP BY o.id
					), slot AS (
					  SELECT c.id, c.size, k.kind, k.period, k.due,
					         abs(hashtext(c.id::text || k.period || k.kind)) AS h
					  FROM cell c
					  CROSS JOIN LATERAL (
					    SELECT 'REGULAR' AS kind, to_char(m, 'YYYY-MM') AS period, (m + 2)::date AS due
					    FROM generate_series(date_trunc('month', CAST(:start AS date))::date,
					                         date_trunc('month', CAST(:today AS date))::date - 1, interval '1 month') g(m0)
					    CROSS JOIN LATERAL (SELECT g.m0::date AS m) mm
					    UNION ALL
					    SELECT 'THEMATIC', to_char(q, 'YYYY') || '-Q' || extract(quarter FROM q), (q + 60 + 14)::date
					    FROM generate_series(date_trunc('quarter', CAST(:start AS date))::date,
					                         date_trunc('quarter', CAST(:today AS date))::date - 1, interval '3 months') g(q0)
					    CROSS JOIN LATERAL (SELECT g.q0::date AS q) qq
					  ) k
					), counted AS (
					  SELECT s.*, (s.h % 100) < 94 AS held,
					         (s.h / 100) % (s.size / 5 + 1) AS absent,
					         least((s.h / 10000) % 3, s.size) AS late0
					  FROM slot s
					)
					INSERT INTO meeting (organization_id, kind, period, scheduled_on, planned_on, held_on, status,
					                     not_held_reason, title, expected_count, present_count, late_count,
					                     excused_count, unexcused_count, exempt_count, created_by)
					SELECT id, kind, period, due, due,
					       CASE WHEN held THEN due + ((h / 1000000) % 10 = 0)::int * 5 END,
					       CASE WHEN held THEN 'HELD' ELSE 'NOT_HELD' END,
					       CASE WHEN NOT held THEN 'Trùng lịch công tác (mô phỏng)' END,
					       CASE WHEN kind = 'REGULAR' THEN 'Sinh hoạt chi bộ thường kỳ tháng ' || period
					            ELSE 'Sinh hoạt chuyên đề ' || period END,
					       size,
					       CASE WHEN held THEN size - absent - least(late0, size - absent) END,
					       CASE WHEN held THEN least(late0, size - absent) END,
					       CASE WHEN held THEN absent - absent / 3 END,
					       CASE WHEN held THEN absent / 3 END,
					       CASE WHEN held THEN 0 END,
					       'generator'
					FROM counted
					""")
			.param("start", start)
			.param("today", TODAY)
			.update();
	}

	/**
	 * A yearly grading campaign per generated province for each whole year of history,
	 * published: every member in the Party at the year's end reviewed by their grassroots
	 * organisation, every grassroots organisation and cell by the level above; grades in
	 * the usual proportions (about 12 % excellent, 78 % good, 8 % done, 2 % not done),
	 * pseudo-random by a hash of subject and year.
	 */
	private int grading(LocalDate start) {
		int written = 0;
		for (int year = start.getYear(); year < TODAY.getYear(); year++) {
			LocalDate end = LocalDate.of(year, 12, 31);
			if (end.isBefore(start)) {
				continue;
			}
			List<Long> campaigns = this.jdbc.sql("""
					INSERT INTO grading_campaign (root_organization_id, period_kind, period_from, period_to, title,
					                              rules_on, opened_on, self_deadline, appraisal_deadline,
					                              decision_deadline, status, published_on, created_by)
					SELECT o.id, 'YEAR', make_date(:y, 1, 1), :end,
					       'Kiểm điểm, đánh giá, xếp loại chất lượng năm ' || :y || ' (mô phỏng)',
					       :end, make_date(:y, 12, 1), make_date(:y, 12, 10), make_date(:y, 12, 20), :end,
					       'PUBLISHED', make_date(:y + 1, 1, 15), 'generator'
					FROM organization o WHERE o.code LIKE 'GEN-P%'
					RETURNING id
					""").param("y", year).param("end", end).query(Long.class).list();
			for (Long campaign : campaigns) {
				written += this.jdbc
					.sql("""
							WITH org AS (
							  SELECT o.id, o.type, n.name, l.parent_id
							  FROM grading_campaign gc
							  JOIN organization_closure c ON c.ancestor_id = gc.root_organization_id
							    AND c.valid_from <= gc.period_to AND (c.valid_to IS NULL OR c.valid_to > gc.period_to)
							  JOIN organization o ON o.id = c.descendant_id
							  JOIN organization_name n ON n.organization_id = o.id AND n.valid_from <= gc.period_to
							    AND (n.valid_to IS NULL OR n.valid_to > gc.period_to)
							  LEFT JOIN organization_link l ON l.organization_id = o.id AND l.valid_from <= gc.period_to
							    AND (l.valid_to IS NULL OR l.valid_to > gc.period_to)
							  WHERE gc.id = :campaign
							), subject AS (
							  SELECT 'MEMBER' AS kind, NULL AS collective, cell.id AS organization_id, m.id AS member_id,
							         m.full_name AS subject_name, cell.name AS organization_name,
							         CASE WHEN cell.type = 'CHI_BO_CO_SO' THEN cell.id ELSE cell.parent_id END AS deciding,
							         'MAU_2B' AS form, abs(hashtext(m.id::text || :y)) AS h
							  FROM member m
							  JOIN membership ms ON ms.member_id = m.id AND ms.valid_from <= :end
							    AND (ms.valid_to IS NULL OR ms.valid_to > :end)
							  JOIN member_status st ON st.member_id = m.id AND st.valid_from <= :end
							    AND (st.valid_to IS NULL OR st.valid_to > :end) AND st.status IN ('FULL', 'PROBATIONARY')
							  JOIN org cell ON cell.id = ms.organization_id
							  UNION ALL
							  SELECT 'ORGANIZATION', 'ORGANIZATION', o.id, NULL, o.name, o.name, o.parent_id, 'MAU_01',
							         abs(hashtext(o.id::text || :y || 'o'))
							  FROM org o
							  WHERE o.type IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO', 'CHI_BO_TRUC_THUOC') AND o.parent_id IS NOT NULL
							), graded AS (
							  SELECT s.*, CASE WHEN s.h % 100 < 12 THEN 'HTXS' WHEN s.h % 100 < 90 THEN 'HTT'
							                   WHEN s.h % 100 < 98 THEN 'HTNV' ELSE 'KHTNV' END AS grade
							  FROM subject s WHERE s.deciding IS NOT NULL
							)
							INSERT INTO grading_review (campaign_id, subject_kind, collective, organization_id, member_id,
							                            subject_name, organization_name, deciding_organization_id, form,
							                            step, self_grade, proposed_grade, decided_grade, decided_on)
							SELECT :campaign, kind, collective, organization_id, member_id, subject_name, organization_name,
							       deciding, form, 'PUBLISHED', grade, grade, grade, :end
							FROM graded
							""")
					.param("campaign", campaign)
					.param("y", year)
					.param("end", end)
					.update();
			}
		}
		return written;
	}

	/**
	 * COPY into a temporary staging table, then one INSERT into the real table: identity
	 * columns declared {@code GENERATED ALWAYS} accept explicit ids only with
	 * {@code OVERRIDING SYSTEM VALUE}, which COPY lacks.
	 */
	private static void copyVia(Connection connection, CopyManager copy, String table, String columns, String names,
			StringBuilder rows) throws SQLException, IOException {
		if (rows.length() == 0) {
			return;
		}
		String staging = "gen_" + table;
		try (var statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (" + columns + ") ON COMMIT DROP");
			statement.execute("TRUNCATE " + staging);
		}
		copy.copyIn("COPY " + staging + " (" + names + ") FROM STDIN", new StringReader(rows.toString()));
		try (var statement = connection.createStatement()) {
			String overriding = names.startsWith("id,") ? " OVERRIDING SYSTEM VALUE" : "";
			statement.execute(
					"INSERT INTO " + table + " (" + names + ")" + overriding + " SELECT " + names + " FROM " + staging);
		}
		rows.setLength(0);
	}

	/**
	 * Reserves a block of ids from the table's identity sequence and returns the first.
	 */
	private static long reserve(Connection connection, String table, int count) throws SQLException {
		try (var statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT setval(pg_get_serial_sequence('" + table
						+ "', 'id'), greatest((SELECT coalesce(max(id), 0) FROM " + table
						+ "), nextval(pg_get_serial_sequence('" + table + "', 'id'))) + " + count + ") - " + count
						+ " + 1")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			out.append(values[i]);
		}
		out.append('\n');
	}

}
