package vn.capuy.membership;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.ScopeRef;

/**
 * The roll of members in the Party placed in an organisation's subtree on a date, in one
 * query, for modules that work on every member at once (fee ledgers): who, where, status,
 * sex, date of birth and the date their party age counts from.
 */
@Component
public class MemberRoll {

	private final JdbcClient jdbc;

	private final RuleBook rules;

	MemberRoll(JdbcClient jdbc, RuleBook rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	/** One member on the roll. */
	public record Entry(long memberId, String fullName, long organizationId, MemberStatus status, Sex sex,
			LocalDate dateOfBirth, LocalDate partyAgeFrom) {
	}

	/**
	 * Members in the Party (probationary, full, exempt) placed on the date in the subtree
	 * of {@code organizationId}, limited to the scope.
	 */
	public List<Entry> on(ScopeRef scope, long organizationId, LocalDate date) {
		boolean ceremony = "ADMISSION_CEREMONY".equals(this.rules.inForce("member.party-age.counts-from", date)
			.map((r) -> r.value().strip())
			.orElse("ADMISSION_DECISION"));
		return this.jdbc.sql("""
				SELECT m.id, m.full_name, ms.organization_id, st.status, m.sex, m.date_of_birth,
				       CASE WHEN :ceremony THEN m.admission_ceremony_date ELSE m.admission_decision_date END AS age_from
				FROM membership ms
				JOIN member m ON m.id = ms.member_id
				JOIN member_status st ON st.member_id = m.id AND st.valid_from <= :d
				  AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT')
				  AND ms.organization_id IN (SELECT c.descendant_id FROM organization_closure c
				    WHERE c.ancestor_id = :org AND c.valid_from <= :d AND (c.valid_to IS NULL OR c.valid_to > :d))
				  AND ms.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				ORDER BY ms.organization_id, m.id
				""")
			.param("ceremony", ceremony)
			.param("d", date)
			.param("org", organizationId)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3),
					MemberStatus.valueOf(rs.getString(4)), Sex.valueOf(rs.getString(5)),
					rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
			.list();
	}

}
