package vn.capuy.membership;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.CurrentUser;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.PartyDates;

/**
 * Party badges (Huy hiệu Đảng, DOMAIN.md §2.7): the members who reach a milestone of
 * party age by each presentation date of a year, with the early awards allowed to the
 * seriously ill and posthumously, all from the rule book.
 */
@Service
@Transactional(readOnly = true)
public class Badges {

	private final JdbcClient jdbc;

	private final Members members;

	private final RuleBook rules;

	Badges(JdbcClient jdbc, Members members, RuleBook rules) {
		this.jdbc = jdbc;
		this.members = members;
		this.rules = rules;
	}

	/** A member due for a badge at a presentation date. */
	public record Due(long memberId, String fullName, String organizationName, int years, LocalDate reachesOn,
			LocalDate presentedOn, String early) {
	}

	/** The presentation dates of a year, from the rule book. */
	public List<LocalDate> presentationDates(int year) {
		LocalDate on = LocalDate.of(year, 1, 1);
		List<LocalDate> dates = new ArrayList<>();
		for (String md : this.rules.require("badge.presentation-dates", on).value().split(",")) {
			dates.add(MonthDay.parse("--" + md.strip()).atYear(year));
		}
		dates.sort(Comparator.naturalOrder());
		return dates;
	}

	/**
	 * Members in the subtree due a badge at the presentation dates of the year: the first
	 * presentation date on or after the milestone (or up to the early-award months before
	 * it for the seriously ill and the deceased).
	 */
	public List<Due> due(CurrentUser user, Long organizationId, int year) {
		List<LocalDate> dates = presentationDates(year);
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		List<Integer> milestones = new ArrayList<>();
		for (String m : this.rules.require("badge.milestone-years", yearStart).value().split(",")) {
			milestones.add(Integer.parseInt(m.strip()));
		}
		int illMonths = this.rules.integer("badge.early.ill.months", yearStart);
		int illSeniorMonths = this.rules.integer("badge.early.ill.senior.months", yearStart);
		int seniorFrom = this.rules.integer("badge.early.ill.senior.from-years", yearStart);
		int posthumousMonths = this.rules.integer("badge.early.posthumous.months", yearStart);
		record Candidate(long id, String name, String org, String early, LocalDate died, LocalDate decision,
				LocalDate ceremony) {
		}
		LocalDate lastDate = dates.get(dates.size() - 1);
		// one query for the candidates, one for their statuses, one for the badges
		// already awarded: never a query per member
		List<Candidate> candidates = this.jdbc
			.sql("""
					SELECT m.id, m.full_name,
					  (SELECT n.name FROM organization_name n WHERE n.organization_id = ms.organization_id
					    ORDER BY n.valid_from DESC LIMIT 1),
					  (SELECT b.kind FROM badge_early_case b WHERE b.member_id = m.id),
					  (SELECT st.valid_from FROM member_status st WHERE st.member_id = m.id AND st.status = 'DECEASED'
					     AND st.valid_to IS NULL),
					  m.admission_decision_date, m.admission_ceremony_date
					FROM member m
					JOIN membership ms ON ms.member_id = m.id AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
					WHERE ms.organization_id IN (SELECT id FROM organization_visible_ever(:roots, :global))
					  AND (CAST(:org AS bigint) IS NULL OR ms.organization_id IN (SELECT c.descendant_id FROM organization_closure c
					        WHERE c.ancestor_id = :org AND c.valid_to IS NULL))
					  AND EXISTS (SELECT 1 FROM member_status st WHERE st.member_id = m.id AND st.valid_to IS NULL
					        AND st.status IN ('FULL', 'EXEMPT', 'DECEASED'))
					  AND m.admission_decision_date IS NOT NULL
					""")
			.param("d", lastDate)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("org", organizationId)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
					rs.getObject(7, LocalDate.class)))
			.list();
		Long[] ids = candidates.stream().map(Candidate::id).toArray(Long[]::new);
		Map<Long, List<MemberFile.StatusPeriod>> statuses = new HashMap<>();
		Set<String> awarded = new HashSet<>();
		if (ids.length > 0) {
			this.jdbc.sql("""
					SELECT member_id, status, valid_from, valid_to, reason, decision_ref FROM member_status
					WHERE member_id = ANY(:ids) ORDER BY member_id, valid_from
					""").param("ids", ids).query((rs, n) -> {
				statuses.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(new MemberFile.StatusPeriod(MemberStatus.valueOf(rs.getString(2)),
							rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
							rs.getString(6)));
				return null;
			}).list();
			this.jdbc.sql("SELECT member_id, years FROM badge_award WHERE member_id = ANY(:ids)")
				.param("ids", ids)
				.query((rs, n) -> awarded.add(rs.getLong(1) + ":" + rs.getInt(2)))
				.list();
		}
		Map<LocalDate, Members.PartyAgeRule> ageRules = new HashMap<>();
		List<Due> result = new ArrayList<>();
		for (Candidate c : candidates) {
			LocalDate asOf = c.died() != null ? c.died() : lastDate;
			LocalDate start = Members.partyAgeStart(c.decision(), c.ceremony(),
					statuses.getOrDefault(c.id(), List.of()), asOf,
					ageRules.computeIfAbsent(asOf, this.members::partyAgeRule));
			if (start == null) {
				continue;
			}
			for (int m : milestones) {
				if (awarded.contains(c.id() + ":" + m)) {
					continue;
				}
				LocalDate reaches = start.plusYears(m);
				LocalDate eligible = reaches;
				String early = null;
				if (c.died() != null) {
					if (reaches.minusMonths(posthumousMonths).isAfter(c.died())) {
						continue;
					}
					eligible = c.died().isAfter(reaches) ? reaches : c.died();
					early = reaches.isAfter(c.died()) ? "POSTHUMOUS" : null;
				}
				else if ("SERIOUSLY_ILL".equals(c.early())) {
					eligible = reaches.minusMonths(m >= seniorFrom ? illSeniorMonths : illMonths);
					early = "SERIOUSLY_ILL";
				}
				for (LocalDate date : dates) {
					if (!eligible.isAfter(date) && eligible.isAfter(previousPresentation(dates, date))) {
						result.add(new Due(c.id(), c.name(), c.org(), m, reaches, date,
								reaches.isAfter(date) ? early : null));
						break;
					}
				}
			}
		}
		result.sort(Comparator.comparing(Due::presentedOn).thenComparing(Due::years).thenComparing(Due::fullName));
		return result;
	}

	private static LocalDate previousPresentation(List<LocalDate> dates, LocalDate date) {
		int i = dates.indexOf(date);
		if (i > 0) {
			return dates.get(i - 1);
		}
		LocalDate lastOfPrevious = dates.get(dates.size() - 1).minusYears(1);
		return lastOfPrevious;
	}

	/** The list as XLSX. */
	public byte[] xlsx(List<Due> due, List<String> headers) {
		List<List<String>> rows = new ArrayList<>();
		int i = 1;
		for (Due d : due) {
			rows.add(
					List.of(String.valueOf(i++), d.fullName(), d.organizationName() == null ? "" : d.organizationName(),
							String.valueOf(d.years()), PartyDates.shortForm(d.reachesOn()),
							PartyDates.shortForm(d.presentedOn()), d.early() == null ? "" : d.early()));
		}
		return MemberImports.xlsx(headers, rows);
	}

}
