package vn.capuy.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.system.ReviewContribution;
import vn.capuy.system.ScopeRef;

/**
 * The member register's figures for reviews: members by status at the start of the period
 * and at the end of each year, and admissions per year, for a scope, counted in SQL.
 */
@Component
public class MembershipFigures implements ReviewContribution {

	private final JdbcClient jdbc;

	MembershipFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 20;
	}

	/** Members of the scope on a date by status: full, probationary, exempt. */
	public int[] membersOn(ScopeRef scope, LocalDate date) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE st.status = 'FULL'), count(*) FILTER (WHERE st.status = 'PROBATIONARY'),
				       count(*) FILTER (WHERE st.status = 'EXEMPT')
				FROM membership ms
				JOIN member_status st ON st.member_id = ms.member_id AND st.valid_from <= :d
				  AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND ms.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				""")
			.param("d", date)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
			.single();
	}

	/**
	 * Members admitted in the year (admission decision within it) whose placement on the
	 * decision date was in the scope.
	 */
	public int admissions(ScopeRef scope, LocalDate from, LocalDate toExclusive) {
		return this.jdbc
			.sql("""
					SELECT count(DISTINCT m.id) FROM member m
					JOIN membership ms ON ms.member_id = m.id AND ms.valid_from <= greatest(m.admission_decision_date, ms.valid_from)
					WHERE m.admission_decision_date >= :from AND m.admission_decision_date < :to
					  AND ms.valid_from <= coalesce(m.admission_ceremony_date, m.admission_decision_date) + 366
					  AND ms.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
					  AND NOT EXISTS (SELECT 1 FROM membership earlier WHERE earlier.member_id = m.id
					                  AND earlier.valid_from < ms.valid_from)
					""")
			.param("from", from)
			.param("to", toExclusive)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query(Integer.class)
			.single();
	}

	@Override
	public List<AnnexTable> tables(ScopeRef scope, LocalDate from, LocalDate to) {
		List<List<Object>> members = new ArrayList<>();
		List<List<Object>> admissions = new ArrayList<>();
		int[] start = membersOn(scope, from);
		members.add(List.of(from.toString(), start[0], start[1], start[2], start[0] + start[1] + start[2]));
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			LocalDate end = LocalDate.of(year, 12, 31).isAfter(to) ? to : LocalDate.of(year, 12, 31);
			int[] counts = membersOn(scope, end);
			members.add(List.of(end.toString(), counts[0], counts[1], counts[2], counts[0] + counts[1] + counts[2]));
			LocalDate yearStart = LocalDate.of(year, 1, 1).isBefore(from) ? from : LocalDate.of(year, 1, 1);
			admissions.add(List.of(String.valueOf(year), admissions(scope, yearStart, end.plusDays(1))));
		}
		return List.of(
				new AnnexTable("review.annex.members",
						List.of("common.date", "status.FULL", "status.PROBATIONARY", "status.EXEMPT",
								"review.annex.total"),
						members),
				new AnnexTable("review.annex.admissions", List.of("field.year", "review.annex.admitted"), admissions));
	}

}
