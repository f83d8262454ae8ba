package vn.capuy.directive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;
import vn.capuy.identity.CurrentUser;
import vn.capuy.system.ReviewContribution.AnnexTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annex tables other modules contribute to the drafted review report (study sessions,
 * meetings, working regulations and assignments, grading, inspection and discipline),
 * every row and every cell, against counts written by hand over each module's own tables:
 * the sample's five-year review of Directive 16-CT/TU (2007–2012) and the interim review
 * of Resolution 05-NQ/TU (2021–2025).
 *
 * <p>
 * Scope, as a review means it: an organisation counts for an event when, on the event's
 * date, it lay in the subtree of the review's owner or of one of the owner's predecessors
 * (merged or split committees keep their history).
 */
@FullTest
class AnnexFromModulesTests {

	static final String INTERIM_TITLE = "Sơ kết 5 năm thực hiện Nghị quyết 05-NQ/TU (mẫu)";

	/**
	 * The owner and every organisation it succeeded, transitively: the roots of the
	 * review's subtree.
	 */
	static final String OWNERS = """
			WITH RECURSIVE owners (id) AS (
			  SELECT CAST(:owner AS bigint)
			  UNION SELECT s.predecessor_id FROM organization_succession s JOIN owners o ON s.successor_id = o.id
			)
			""";

	@Autowired
	Reviews reviews;

	@Autowired
	ReviewReport reviewReport;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	/** The condition "organisation {@code org} lay under the owner on {@code day}". */
	static String underOwner(String org, String day) {
		return " EXISTS (SELECT 1 FROM organization_closure c JOIN owners w ON w.id = c.ancestor_id"
				+ " WHERE c.descendant_id = " + org + " AND c.valid_from <= " + day
				+ " AND (c.valid_to IS NULL OR c.valid_to > " + day + ")) ";
	}

	Reviews.Review review(String title) {
		long id = this.jdbc.sql("SELECT id FROM review WHERE title = :t").param("t", title).query(Long.class).single();
		return this.reviews.get(this.system, id);
	}

	static AnnexTable table(List<AnnexTable> annex, String titleKey) {
		List<AnnexTable> found = annex.stream().filter((t) -> t.titleKey().equals(titleKey)).toList();
		assertThat(found).as("one table %s in the annex", titleKey).hasSize(1);
		return found.get(0);
	}

	/** The years of the review with their first and last day inside the period. */
	record Year(int year, LocalDate from, LocalDate to) {
	}

	static List<Year> years(Reviews.Review review) {
		List<Year> years = new ArrayList<>();
		for (int y = review.periodFrom().getYear(); y <= review.periodTo().getYear(); y++) {
			LocalDate a = LocalDate.of(y, 1, 1);
			LocalDate b = LocalDate.of(y, 12, 31);
			years.add(new Year(y, a.isBefore(review.periodFrom()) ? review.periodFrom() : a,
					b.isAfter(review.periodTo()) ? review.periodTo() : b));
		}
		return years;
	}

	static long num(Object cell) {
		assertThat(cell).isInstanceOf(Number.class);
		return ((Number) cell).longValue();
	}

	static long num(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}

	Map<String, Object> row(String sql, Reviews.Review review, Year year) {
		return this.jdbc.sql(OWNERS + sql)
			.param("owner", review.ownerId())
			.param("from", year.from())
			.param("to", year.to())
			.query()
			.singleRow();
	}

	/** The five-year review of 16-CT/TU: every module has figures for 2007–2012. */
	@Test
	void fiveYearReviewOf16CtTu() {
		long[] totals = check(review(DirectiveSample.REVIEW_TITLE));
		assertThat(totals[0]).as("study sessions held").isPositive();
		assertThat(totals[1]).as("meetings held").isPositive();
		assertThat(totals[2]).as("regulations adopted and assignments made").isPositive();
		assertThat(totals[3]).as("grades decided").isPositive();
		assertThat(totals[4]).as("inspections, supervisions and disciplines").isPositive();
	}

	/**
	 * The interim review of 05-NQ/TU by today's merged committee, whose predecessors
	 * include the bloc: the 2025 split gave cells to another committee, whose grades of
	 * that year are not the review's. The sample records no study session in 2021–2025,
	 * so that table is empty (checked against the count all the same).
	 */
	@Test
	void interimReviewOf05NqTu() {
		long[] totals = check(review(INTERIM_TITLE));
		assertThat(totals[0]).as("study sessions held").isZero();
		assertThat(totals[1]).as("meetings held").isPositive();
		assertThat(totals[2]).as("regulations adopted and assignments made").isPositive();
		assertThat(totals[3]).as("grades decided").isPositive();
		assertThat(totals[4]).as("inspections, supervisions and disciplines").isPositive();
	}

	/**
	 * Drafts the review and checks the modules' tables cell by cell; the totals counted
	 * per table, in the order study, meetings, committee, grading, inspection.
	 */
	long[] check(Reviews.Review review) {
		List<AnnexTable> annex = this.reviewReport.draft(this.system, review.id()).annex();
		return new long[] { studyAttendance(review, table(annex, "document.review.study")),
				meetings(review, table(annex, "meeting.annex.title")),
				regulationsAndAssignments(review, table(annex, "committee.annex.title")),
				grading(review, table(annex, "grading.annex.title")),
				inspections(review, table(annex, "inspection.annex.title")) };
	}

	/**
	 * Study sessions held in each year by organisations under the owner on the day, the
	 * organisations that held them, the members expected (attendance rows) and present,
	 * and the rate; a row only for a year with a session.
	 */
	long studyAttendance(Reviews.Review review, AnnexTable study) {
		List<List<Object>> expected = new ArrayList<>();
		long sessions = 0;
		for (Year y : years(review)) {
			Map<String, Object> sql = row("""
					SELECT (SELECT count(*) FROM study_session s
					        WHERE s.held_on BETWEEN :from AND :to AND""" + underOwner("s.organization_id", "s.held_on")
					+ """
							) AS sessions,
							(SELECT count(*) FROM (SELECT DISTINCT s.organization_id FROM study_session s
							 WHERE s.held_on BETWEEN :from AND :to AND""" + underOwner("s.organization_id", "s.held_on")
					+ """
							) o) AS organizations,
							(SELECT count(*) FROM study_attendance a JOIN study_session s ON s.id = a.session_id
							 WHERE s.held_on BETWEEN :from AND :to AND""" + underOwner("s.organization_id", "s.held_on")
					+ """
							) AS invited,
							(SELECT count(*) FROM study_attendance a JOIN study_session s ON s.id = a.session_id
							 WHERE a.present AND s.held_on BETWEEN :from AND :to AND"""
					+ underOwner("s.organization_id", "s.held_on") + """
							       ) AS present
							""", review, y);
			long n = num(sql, "sessions");
			if (n == 0) {
				continue;
			}
			long invited = num(sql, "invited");
			long present = num(sql, "present");
			String rate = invited == 0 ? ""
					: BigDecimal.valueOf(100 * present)
						.divide(BigDecimal.valueOf(invited), 1, RoundingMode.HALF_UP)
						.toPlainString()
						.replace('.', ',');
			expected.add(List.of(String.valueOf(y.year()), n, num(sql, "organizations"), invited, present, rate));
			sessions += n;
		}
		assertThat(study.columnKeys()).hasSize(6);
		assertThat(study.rows()).as("study sessions per year").hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			List<Object> row = study.rows().get(i);
			List<Object> want = expected.get(i);
			assertThat(row.get(0)).isEqualTo(want.get(0));
			for (int c = 1; c <= 4; c++) {
				assertThat(num(row.get(c))).as("study %s column %s", want.get(0), study.columnKeys().get(c))
					.isEqualTo(want.get(c));
			}
			assertThat(row.get(5)).as("study %s attendance rate", want.get(0)).isEqualTo(want.get(5));
		}
		return sessions;
	}

	/**
	 * Meetings scheduled in each year by organisations under the owner on the day:
	 * required by the calendar (those with a period), held, held on or before the
	 * scheduled day, thematic meetings held, and attendance (present or late over
	 * expected at meetings held).
	 */
	long meetings(Reviews.Review review, AnnexTable meetings) {
		List<Year> years = years(review);
		assertThat(meetings.rows()).as("one row per year").hasSize(years.size());
		long held = 0;
		for (int i = 0; i < years.size(); i++) {
			Year y = years.get(i);
			String in = " m.scheduled_on BETWEEN :from AND :to AND" + underOwner("m.organization_id", "m.scheduled_on");
			Map<String, Object> sql = row("SELECT (SELECT count(*) FROM meeting m WHERE m.period IS NOT NULL AND" + in
					+ ") AS required, (SELECT count(*) FROM meeting m WHERE m.status = 'HELD' AND" + in
					+ ") AS held, (SELECT count(*) FROM meeting m WHERE m.status = 'HELD' AND m.held_on <= m.scheduled_on AND"
					+ in
					+ ") AS on_time, (SELECT count(*) FROM meeting m WHERE m.status = 'HELD' AND m.kind = 'THEMATIC' AND"
					+ in + ") AS thematic, (SELECT sum(m.expected_count) FROM meeting m WHERE m.status = 'HELD' AND"
					+ in
					+ ") AS expected, (SELECT sum(coalesce(m.present_count, 0) + coalesce(m.late_count, 0)) FROM meeting m"
					+ " WHERE m.status = 'HELD' AND" + in + ") AS attended", review, y);
			List<Object> row = meetings.rows().get(i);
			assertThat(row.get(0)).isEqualTo(String.valueOf(y.year()));
			assertThat(num(row.get(1))).as("meetings required in %s", y.year()).isEqualTo(num(sql, "required"));
			assertThat(num(row.get(2))).as("meetings held in %s", y.year()).isEqualTo(num(sql, "held"));
			assertThat(num(row.get(3))).as("meetings held on time in %s", y.year()).isEqualTo(num(sql, "on_time"));
			assertThat(num(row.get(4))).as("thematic meetings held in %s", y.year()).isEqualTo(num(sql, "thematic"));
			Object expected = sql.get("expected");
			String rate = expected == null || ((Number) expected).longValue() == 0 ? "—"
					: BigDecimal.valueOf(100 * num(sql, "attended"))
						.divide(BigDecimal.valueOf(((Number) expected).longValue()), 1, RoundingMode.HALF_UP)
						.toPlainString() + "%";
			assertThat(row.get(5)).as("attendance in %s", y.year()).isEqualTo(rate);
			held += num(sql, "held");
		}
		return held;
	}

	/**
	 * Working regulations (committee's and inspection committee's) adopted in each year,
	 * and assignments (fields, organisations followed) that started in each year, by
	 * organisations under the owner on the day.
	 */
	long regulationsAndAssignments(Reviews.Review review, AnnexTable committee) {
		List<Year> years = years(review);
		assertThat(committee.rows()).as("one row per year").hasSize(years.size());
		long total = 0;
		for (int i = 0; i < years.size(); i++) {
			Year y = years.get(i);
			Map<String, Object> sql = row("""
					SELECT (SELECT count(*) FROM regulation r WHERE r.kind <> 'COORDINATION'
					          AND r.adopted_on BETWEEN :from AND :to AND"""
					+ underOwner("r.organization_id", "r.adopted_on")
					+ """
							) AS regulations,
							       (SELECT count(*) FROM field_assignment f WHERE f.valid_from BETWEEN :from AND :to AND"""
					+ underOwner("f.organization_id", "f.valid_from")
					+ """
							) AS fields,
							       (SELECT count(*) FROM follow_assignment f WHERE f.valid_from BETWEEN :from AND :to AND"""
					+ underOwner("f.organization_id", "f.valid_from") + """
							) AS follows
							""", review, y);
			List<Object> row = committee.rows().get(i);
			assertThat(row.get(0)).isEqualTo(String.valueOf(y.year()));
			assertThat(num(row.get(1))).as("working regulations adopted in %s", y.year())
				.isEqualTo(num(sql, "regulations"));
			assertThat(num(row.get(2))).as("assignments made in %s", y.year())
				.isEqualTo(num(sql, "fields") + num(sql, "follows"));
			total += num(sql, "regulations") + num(sql, "fields") + num(sql, "follows");
		}
		return total;
	}

	/**
	 * Grades decided in yearly campaigns whose year ends in the period, per year and kind
	 * of subject (organisations first), for organisations under the owner at the year's
	 * end; a row only where a grade was decided.
	 */
	long grading(Reviews.Review review, AnnexTable grading) {
		List<List<Object>> expected = new ArrayList<>();
		long decided = 0;
		String[] grades = { "HTXS", "HTT", "HTNV", "KHTNV" };
		for (Year y : years(review)) {
			for (String kind : new String[] { "ORGANIZATION", "MEMBER" }) {
				List<Object> want = new ArrayList<>();
				want.add(String.valueOf(y.year()));
				want.add("grading.kind." + kind);
				long sum = 0;
				for (String grade : grades) {
					long n = this.jdbc
						.sql(OWNERS + """
								SELECT count(*) FROM grading_review r JOIN grading_campaign g ON g.id = r.campaign_id
								WHERE g.period_kind = 'YEAR' AND g.period_to BETWEEN :from AND :to
								  AND r.subject_kind = :kind AND r.decided_grade = :grade AND"""
								+ underOwner("r.organization_id", "g.period_to"))
						.param("owner", review.ownerId())
						.param("from", y.from())
						.param("to", y.to())
						.param("kind", kind)
						.param("grade", grade)
						.query(Long.class)
						.single();
					want.add(n);
					sum += n;
				}
				if (sum > 0) {
					expected.add(want);
					decided += sum;
				}
			}
		}
		assertThat(grading.rows()).as("grading rows").hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			List<Object> row = grading.rows().get(i);
			List<Object> want = expected.get(i);
			assertThat(row.get(0)).isEqualTo(want.get(0));
			assertThat(row.get(1)).isEqualTo(want.get(1));
			for (int c = 2; c < 6; c++) {
				assertThat(num(row.get(c))).as("%s %s %s", want.get(0), want.get(1), grades[c - 2])
					.isEqualTo(want.get(c));
			}
		}
		return decided;
	}

	/**
	 * Inspection cases (not supervisions) and supervisions opened in each year by
	 * organisations under the owner on the day, and discipline decisions taken in it and
	 * not annulled.
	 */
	long inspections(Reviews.Review review, AnnexTable inspection) {
		List<Year> years = years(review);
		assertThat(inspection.rows()).as("one row per year").hasSize(years.size());
		long total = 0;
		for (int i = 0; i < years.size(); i++) {
			Year y = years.get(i);
			String opened = " c0.opened_on BETWEEN :from AND :to AND"
					+ underOwner("c0.handling_organization_id", "c0.opened_on");
			Map<String, Object> sql = row(
					"SELECT (SELECT count(*) FROM inspection_case c0 WHERE c0.kind NOT LIKE '%SUPERVISION' AND" + opened
							+ ") AS inspections, (SELECT count(*) FROM inspection_case c0 WHERE c0.kind LIKE '%SUPERVISION' AND"
							+ opened
							+ ") AS supervisions, (SELECT count(*) FROM discipline_decision d WHERE d.status <> 'ANNULLED'"
							+ " AND d.decision_date BETWEEN :from AND :to AND"
							+ underOwner("d.deciding_organization_id", "d.decision_date") + ") AS disciplines",
					review, y);
			List<Object> row = inspection.rows().get(i);
			assertThat(row.get(0)).isEqualTo(String.valueOf(y.year()));
			assertThat(num(row.get(1))).as("inspections in %s", y.year()).isEqualTo(num(sql, "inspections"));
			assertThat(num(row.get(2))).as("supervisions in %s", y.year()).isEqualTo(num(sql, "supervisions"));
			assertThat(num(row.get(3))).as("disciplines in %s", y.year()).isEqualTo(num(sql, "disciplines"));
			total += num(sql, "inspections") + num(sql, "supervisions") + num(sql, "disciplines");
		}
		return total;
	}

}
