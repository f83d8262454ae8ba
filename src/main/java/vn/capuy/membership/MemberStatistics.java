package vn.capuy.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;

/**
 * The standard statistical forms (Biểu 1–5, DOMAIN.md §11.1) for any subtree, as of a
 * date or over a period. The rows of each form are data ({@code statistics_form_row}):
 * their layouts are unverified and kept editable.
 */
@Service
@Transactional(readOnly = true)
public class MemberStatistics {

	/** The organisations of the subtree (or the whole scope) on a date. */
	private static final String SUBTREE = """
			SELECT v.id FROM organization_visible(:roots, :global, %1$s) v
			WHERE CAST(:org AS bigint) IS NULL OR v.id IN (SELECT c.descendant_id FROM organization_closure c
			  WHERE c.ancestor_id = :org AND c.valid_from <= %1$s AND (c.valid_to IS NULL OR c.valid_to > %1$s))
			""";

	/** Members in the Party placed in the subtree on a date. */
	private static final String IN_PARTY_ON = """
			SELECT ms.member_id FROM membership ms
			JOIN member_status st ON st.member_id = ms.member_id AND st.valid_from <= %1$s
			  AND (st.valid_to IS NULL OR st.valid_to > %1$s) AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT')
			WHERE ms.valid_from <= %1$s AND (ms.valid_to IS NULL OR ms.valid_to > %1$s)
			  AND ms.organization_id IN (%2$s)
			""";

	private final JdbcClient jdbc;

	MemberStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One line of a form. */
	public record Line(int position, String label, String measure, long value) {
	}

	/** The member changes of a period (Biểu 1) as a map of measure to count. */
	public Map<String, Long> memberChanges(CurrentUser user, Long organizationId, LocalDate from, LocalDate to) {
		check(user, organizationId, from, to);
		Map<String, Long> m = new LinkedHashMap<>();
		m.put("opening", count(user, organizationId, from, to, "SELECT count(*) FROM (" + inParty(":before") + ") x"));
		m.put("in.admitted", statusStarts(user, organizationId, from, to, "PROBATIONARY", "ADMITTED"));
		m.put("in.readmitted", statusStarts(user, organizationId, from, to, "PROBATIONARY", "READMITTED"));
		m.put("in.transferred",
				count(user, organizationId, from, to,
						"""
								SELECT count(*) FROM membership ms
								WHERE ms.valid_from BETWEEN :from AND :to AND ms.organization_id IN (%s)
								  AND EXISTS (SELECT 1 FROM member_status st WHERE st.member_id = ms.member_id
								     AND st.valid_from < ms.valid_from AND (st.valid_to IS NULL OR st.valid_to > ms.valid_from)
								     AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT'))
								  AND NOT EXISTS (SELECT 1 FROM membership p WHERE p.member_id = ms.member_id AND p.valid_to = ms.valid_from
								     AND p.organization_id IN (%s))
								"""
							.formatted(subtree("ms.valid_from"), subtree("ms.valid_from - 1"))));
		for (String[] out : new String[][] { { "out.deceased", "DECEASED" }, { "out.removed", "REMOVED" },
				{ "out.expelled", "EXPELLED" }, { "out.resigned", "RESIGNED" } }) {
			m.put(out[0], count(user, organizationId, from, to, """
					SELECT count(*) FROM member_status st JOIN membership ms ON ms.member_id = st.member_id
					  AND ms.valid_from < st.valid_from AND (ms.valid_to IS NULL OR ms.valid_to >= st.valid_from)
					WHERE st.status = '%s' AND st.valid_from BETWEEN :from AND :to
					  AND ms.organization_id IN (%s)
					""".formatted(out[1], subtree("st.valid_from - 1"))));
		}
		m.put("out.transferred",
				count(user, organizationId, from, to,
						"""
								SELECT count(*) FROM membership ms
								WHERE ms.valid_to BETWEEN :from AND :to AND ms.organization_id IN (%s)
								  AND EXISTS (SELECT 1 FROM member_status st WHERE st.member_id = ms.member_id
								     AND st.valid_from < ms.valid_to AND (st.valid_to IS NULL OR st.valid_to >= ms.valid_to)
								     AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT'))
								  AND NOT EXISTS (SELECT 1 FROM membership n WHERE n.member_id = ms.member_id AND n.valid_from = ms.valid_to
								     AND n.organization_id IN (%s))
								"""
							.formatted(subtree("ms.valid_to - 1"), subtree("ms.valid_to"))));
		m.put("closing", count(user, organizationId, from, to, "SELECT count(*) FROM (" + inParty(":to") + ") x"));
		return m;
	}

	/** Every measure of every form for the subtree and period. */
	public Map<String, Long> measures(CurrentUser user, Long organizationId, LocalDate from, LocalDate to) {
		Map<String, Long> m = new LinkedHashMap<>(memberChanges(user, organizationId, from, to));
		String newMembers = """
				SELECT mb.* FROM member_status st JOIN member mb ON mb.id = st.member_id
				JOIN membership ms ON ms.member_id = st.member_id AND ms.valid_from <= st.valid_from
				  AND (ms.valid_to IS NULL OR ms.valid_to > st.valid_from)
				WHERE st.status = 'PROBATIONARY' AND st.reason = 'ADMITTED' AND st.valid_from BETWEEN :from AND :to
				  AND ms.organization_id IN (%s)
				""".formatted(subtree("st.valid_from"));
		m.put("new.total", count(user, organizationId, from, to, "SELECT count(*) FROM (" + newMembers + ") x"));
		m.put("new.women",
				count(user, organizationId, from, to, "SELECT count(*) FROM (" + newMembers + ") x WHERE sex = 'NU'"));
		m.put("new.minority", count(user, organizationId, from, to, "SELECT count(*) FROM (" + newMembers
				+ ") x WHERE ethnicity_code IS NOT NULL AND ethnicity_code <> '01'"));
		m.put("new.religious", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + newMembers + ") x WHERE religion_code IS NOT NULL"));
		m.put("new.under30", count(user, organizationId, from, to, "SELECT count(*) FROM (" + newMembers
				+ ") x WHERE x.date_of_birth + interval '30 years' > x.admission_decision_date"));
		String all = "SELECT mb.*, (SELECT st.status FROM member_status st WHERE st.member_id = mb.id AND st.valid_from <= :to"
				+ " AND (st.valid_to IS NULL OR st.valid_to > :to)) AS status FROM member mb WHERE mb.id IN ("
				+ inParty(":to") + ")";
		m.put("all.total", count(user, organizationId, from, to, "SELECT count(*) FROM (" + all + ") x"));
		m.put("all.women",
				count(user, organizationId, from, to, "SELECT count(*) FROM (" + all + ") x WHERE sex = 'NU'"));
		m.put("all.probationary", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + all + ") x WHERE status = 'PROBATIONARY'"));
		m.put("all.age.under30", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + all + ") x WHERE x.date_of_birth + interval '30 years' > :to"));
		m.put("all.age.30to50", count(user, organizationId, from, to, "SELECT count(*) FROM (" + all
				+ ") x WHERE x.date_of_birth + interval '30 years' <= :to AND x.date_of_birth + interval '50 years' > :to"));
		m.put("all.age.over50", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + all + ") x WHERE x.date_of_birth + interval '50 years' <= :to"));
		for (String t : new String[] { "SO_CAP", "TRUNG_CAP" }) {
			m.put("all.theory." + t, count(user, organizationId, from, to,
					"SELECT count(*) FROM (" + all + ") x WHERE political_theory = '" + t + "'"));
		}
		m.put("all.theory.high", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + all + ") x WHERE political_theory IN ('CAO_CAP', 'CU_NHAN')"));
		m.put("all.minority", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + all + ") x WHERE ethnicity_code IS NOT NULL AND ethnicity_code <> '01'"));
		m.put("all.religious", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + all + ") x WHERE religion_code IS NOT NULL"));
		String orgs = "SELECT o.type FROM organization o WHERE o.id IN (" + subtree(":to") + ")";
		m.put("org.grassroots", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + orgs + ") x WHERE type IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO')"));
		m.put("org.subcells", count(user, organizationId, from, to,
				"SELECT count(*) FROM (" + orgs + ") x WHERE type = 'CHI_BO_TRUC_THUOC'"));
		m.put("members.in-committees", count(user, organizationId, from, to, """
				SELECT count(*) FROM membership ms WHERE ms.member_id IN (%s)
				  AND ms.valid_from <= :to AND (ms.valid_to IS NULL OR ms.valid_to > :to)
				  AND EXISTS (SELECT 1 FROM organization_closure c JOIN organization o ON o.id = c.ancestor_id
				     WHERE c.descendant_id = ms.organization_id AND o.type = 'DANG_BO_CO_SO'
				       AND c.valid_from <= :to AND (c.valid_to IS NULL OR c.valid_to > :to))
				""".formatted(inParty(":to"))));
		m.put("members.in-grassroots-cells", count(user, organizationId, from, to, """
				SELECT count(*) FROM membership ms JOIN organization o ON o.id = ms.organization_id
				WHERE ms.member_id IN (%s) AND o.type = 'CHI_BO_CO_SO'
				  AND ms.valid_from <= :to AND (ms.valid_to IS NULL OR ms.valid_to > :to)
				""".formatted(inParty(":to"))));
		return m;
	}

	/** One form's lines, in the form's order. */
	public List<Line> form(CurrentUser user, String formCode, Long organizationId, LocalDate from, LocalDate to) {
		record Row(int position, String label, String measure) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT position, label, measure FROM statistics_form_row WHERE form_code = :f ORDER BY position")
			.param("f", formCode)
			.query((rs, n) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
		if (rows.isEmpty()) {
			throw new NotFoundException("form " + formCode);
		}
		Map<String, Long> values = measures(user, organizationId, from, to);
		List<Line> lines = new ArrayList<>();
		for (Row r : rows) {
			lines.add(new Line(r.position(), r.label(), r.measure(), values.getOrDefault(r.measure(), 0L)));
		}
		return lines;
	}

	public List<String> formCodes() {
		return this.jdbc.sql("SELECT DISTINCT form_code FROM statistics_form_row ORDER BY form_code")
			.query(String.class)
			.list();
	}

	private long statusStarts(CurrentUser user, Long org, LocalDate from, LocalDate to, String status, String reason) {
		return count(user, org, from, to, """
				SELECT count(*) FROM member_status st JOIN membership ms ON ms.member_id = st.member_id
				  AND ms.valid_from <= st.valid_from AND (ms.valid_to IS NULL OR ms.valid_to > st.valid_from)
				WHERE st.status = '%s' AND st.reason = '%s' AND st.valid_from BETWEEN :from AND :to
				  AND ms.organization_id IN (%s)
				""".formatted(status, reason, subtree("st.valid_from")));
	}

	private static String subtree(String date) {
		return SUBTREE.formatted(date);
	}

	private static String inParty(String date) {
		return IN_PARTY_ON.formatted(date, subtree(date));
	}

	private long count(CurrentUser user, Long org, LocalDate from, LocalDate to, String sql) {
		return this.jdbc.sql(sql)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("org", org)
			.param("from", from)
			.param("to", to)
			.param("before", from.minusDays(1))
			.query(Long.class)
			.single();
	}

	private void check(CurrentUser user, Long org, LocalDate from, LocalDate to) {
		if (from == null) {
			throw new InvalidInputException("from", "error.required");
		}
		if (to == null) {
			throw new InvalidInputException("to", "error.required");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "statistics.error.period");
		}
		if (org != null && !user.global()
				&& !this.jdbc
					.sql("SELECT EXISTS (SELECT 1 FROM organization_visible_ever(:roots, :global) v WHERE v.id = :org)")
					.param("roots", user.scopeRootArray())
					.param("global", user.global())
					.param("org", org)
					.query(Boolean.class)
					.single()) {
			throw new NotFoundException("organization " + org);
		}
	}

}
