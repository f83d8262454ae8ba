package vn.capuy.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.Members;
import vn.capuy.organization.MemberCounts;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.AlertSource;
import vn.capuy.system.HomeAlert;
import vn.capuy.system.ScopeRef;
import vn.capuy.system.VietnameseText;

/**
 * The rule book's warnings about committees on a date: a cell with enough full members
 * and no cell committee, a cell committee larger than the rule, an organisation with no
 * secretary, a term ended without a congress, a new term without an adopted working
 * regulation after the rule's number of days, a regulation older than the rule's age
 * without review. Shown per organisation and, summed by kind, on the home page.
 */
@Component
public class CommitteeWarnings implements AlertSource {

	/** One warning: where, which rule (key and source), and the numbers. */
	public record Warning(long organizationId, String organizationName, String messageKey, String ruleKey,
			String sourceDocument, List<Object> arguments) {

		public Object[] args() {
			return this.arguments.toArray();
		}

	}

	static final String CELL_COMMITTEE_MISSING = "committee.warning.cell-committee-missing";

	static final String CELL_COMMITTEE_TOO_LARGE = "committee.warning.cell-committee-too-large";

	static final String NO_SECRETARY = "committee.warning.no-secretary";

	static final String TERM_ENDED = "committee.warning.term-ended";

	static final String REGULATION_MISSING = "committee.warning.regulation-missing";

	static final String REGULATION_OLD = "committee.warning.regulation-old";

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final Members members;

	private final RuleBook rules;

	CommitteeWarnings(JdbcClient jdbc, OrganizationTree tree, Members members, RuleBook rules) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.members = members;
		this.rules = rules;
	}

	/**
	 * Whether an organisation of the type has a committee or secretary of its own that
	 * this module tracks (the province is the client's superior, and party groups have
	 * only a leader).
	 */
	static boolean tracked(OrganizationType type) {
		return type != OrganizationType.DANG_BO_TINH && type != OrganizationType.TO_DANG;
	}

	/** Whether an organisation of the type adopts a working regulation for its term. */
	static boolean adoptsWorkingRegulation(OrganizationType type) {
		return tracked(type) && type != OrganizationType.CHI_BO_TRUC_THUOC;
	}

	/** The warnings of one organisation on a date; 404 outside the caller's scope. */
	public List<Warning> of(CurrentUser user, long organizationId, LocalDate date) {
		Optional<Organization> org = this.tree.find(user, organizationId, date);
		if (org.isEmpty()) {
			this.tree.getLatestVisible(user, organizationId);
			return List.of();
		}
		return compute(List.of(org.get()), date);
	}

	/** The warnings of every organisation in the caller's scope on a date. */
	public List<Warning> all(CurrentUser user, LocalDate date) {
		return compute(this.tree.list(user, date), date);
	}

	@Override
	public List<HomeAlert> alerts(ScopeRef scope, LocalDate today) {
		CurrentUser caller = new CurrentUser(0, "alerts", "", Set.of(), Set.of(scope.roots()), scope.global(), "NONE");
		Map<String, Integer> byKind = new LinkedHashMap<>();
		for (Warning w : all(caller, today)) {
			byKind.merge(w.messageKey(), 1, Integer::sum);
		}
		List<HomeAlert> alerts = new ArrayList<>();
		byKind.forEach((key, count) -> alerts
			.add(new HomeAlert(key + ".summary", new Object[] { count }, "/committees/warnings?asOf=" + today, today,
					(NO_SECRETARY.equals(key) || CELL_COMMITTEE_MISSING.equals(key)) ? HomeAlert.Severity.HIGH
							: HomeAlert.Severity.MEDIUM)));
		return alerts;
	}

	List<Warning> compute(Collection<Organization> candidates, LocalDate date) {
		List<Organization> orgs = candidates.stream()
			.filter((o) -> tracked(o.type()))
			.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
		List<Warning> warnings = new ArrayList<>();
		if (orgs.isEmpty()) {
			return warnings;
		}
		Long[] ids = orgs.stream().map(Organization::id).toArray(Long[]::new);
		Map<Long, int[]> positions = positionFigures(ids, date);
		Map<Long, CommitteeTerm> latestTerms = latestTerms(ids, date);
		List<Long> cells = orgs.stream().filter((o) -> o.type().isCell()).map(Organization::id).toList();
		Map<Long, MemberCounts> counts = this.members.countsOn(date, cells);
		Optional<Rule> minFull = this.rules.inForce("organization.cell-committee.min-full-members", date);
		Optional<Rule> maxSize = this.rules.inForce("committee.cell-committee.max-members", date);
		Optional<Rule> dueDays = this.rules.inForce("committee.working-regulation.due-days", date);
		Optional<Rule> reviewMonths = this.rules.inForce("committee.regulation.review-months", date);
		Set<Long> adoptedThisTerm = new HashSet<>();
		Map<Long, List<Object[]>> oldRegulations = new HashMap<>();
		regulationFigures(ids, date, latestTerms, reviewMonths, adoptedThisTerm, oldRegulations);
		for (Organization o : orgs) {
			int[] p = positions.getOrDefault(o.id(), new int[3]);
			// p[0]: secretaries, p[1]: committee members, p[2]: cell committee size
			if (o.type().isCell()) {
				int full = counts.getOrDefault(o.id(), MemberCounts.ZERO).fullIncludingExempt();
				if (minFull.isPresent() && full >= integer(minFull.get()) && p[1] == 0) {
					warnings.add(warning(o, CELL_COMMITTEE_MISSING, minFull.get(), full, integer(minFull.get())));
				}
				if (maxSize.isPresent() && p[2] > integer(maxSize.get())) {
					warnings.add(warning(o, CELL_COMMITTEE_TOO_LARGE, maxSize.get(), p[2], integer(maxSize.get())));
				}
			}
			if (p[0] == 0) {
				warnings.add(new Warning(o.id(), o.name(), NO_SECRETARY, null, null, List.of()));
			}
			CommitteeTerm term = latestTerms.get(o.id());
			// no later congress as of the date (a later one closes the term after the
			// date)
			if (term != null && (term.validTo() == null || term.validTo().isAfter(date))
					&& term.plannedEnd().isBefore(date)) {
				warnings.add(new Warning(o.id(), o.name(), TERM_ENDED, null, null,
						printable(term.label(), term.plannedEnd())));
			}
			if (term != null && term.inForceOn(date) && dueDays.isPresent() && adoptsWorkingRegulation(o.type())
					&& !adoptedThisTerm.contains(o.id())) {
				LocalDate due = term.congressDate().plusDays(integer(dueDays.get()));
				if (date.isAfter(due)) {
					warnings.add(warning(o, REGULATION_MISSING, dueDays.get(), term.label(), due));
				}
			}
			for (Object[] old : oldRegulations.getOrDefault(o.id(), List.of())) {
				warnings
					.add(warning(o, REGULATION_OLD, reviewMonths.get(), old[0], old[1], integer(reviewMonths.get())));
			}
		}
		return warnings;
	}

	private Map<Long, int[]> positionFigures(Long[] ids, LocalDate date) {
		Map<Long, int[]> result = new HashMap<>();
		this.jdbc.sql("""
				SELECT organization_id,
				       count(*) FILTER (WHERE position = 'SECRETARY'),
				       count(*) FILTER (WHERE position = 'COMMITTEE_MEMBER'),
				       count(DISTINCT member_id) FILTER (WHERE position IN ('SECRETARY', 'DEPUTY_SECRETARY',
				                                                            'COMMITTEE_MEMBER'))
				FROM committee_position
				WHERE organization_id = ANY(:ids) AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				GROUP BY organization_id
				""")
			.param("ids", ids)
			.param("d", date)
			.query((rs, n) -> result.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4) }))
			.list();
		return result;
	}

	/** The latest term begun on or before the date, per organisation. */
	private Map<Long, CommitteeTerm> latestTerms(Long[] ids, LocalDate date) {
		Map<Long, CommitteeTerm> result = new HashMap<>();
		this.jdbc.sql(Committees.TERM_COLUMNS + """
				WHERE organization_id = ANY(:ids) AND congress_date <= :d
				ORDER BY organization_id, congress_date
				""")
			.param("ids", ids)
			.param("d", date)
			.query(Committees::mapTerm)
			.list()
			.forEach((t) -> result.put(t.organizationId(), t));
		return result;
	}

	private void regulationFigures(Long[] ids, LocalDate date, Map<Long, CommitteeTerm> terms,
			Optional<Rule> reviewMonths, Set<Long> adoptedThisTerm, Map<Long, List<Object[]>> old) {
		List<Regulations.Regulation> inForce = this.jdbc
			.sql("""
					SELECT r.id, r.organization_id, r.term_id, r.kind, r.counterpart, r.counterpart_name, r.symbol, r.title,
					       r.version_no, r.amends_id, r.adopted_on, r.valid_to, r.closed_reason, r.attachment_name, r.document_id,
					       (SELECT max(v.reviewed_on) FROM regulation_review v WHERE v.regulation_id = r.id
					        AND v.reviewed_on <= :d) AS last_review
					FROM regulation r
					WHERE r.organization_id = ANY(:ids) AND r.adopted_on <= :d AND (r.valid_to IS NULL OR r.valid_to > :d)
					ORDER BY r.adopted_on
					""")
			.param("ids", ids)
			.param("d", date)
			.query(Regulations::map)
			.list();
		for (Regulations.Regulation r : inForce) {
			CommitteeTerm term = terms.get(r.organizationId());
			if (r.kind() == Regulations.Kind.WORKING && term != null && term.inForceOn(date)
					&& !r.adoptedOn().isBefore(term.congressDate())) {
				adoptedThisTerm.add(r.organizationId());
			}
			if (reviewMonths.isPresent() && r.ageFrom().plusMonths(integer(reviewMonths.get())).isBefore(date)) {
				old.computeIfAbsent(r.organizationId(), (k) -> new ArrayList<>())
					.add(new Object[] { r.symbol(), r.ageFrom() });
			}
		}
	}

	private static Warning warning(Organization o, String key, Rule rule, Object... args) {
		return new Warning(o.id(), o.name(), key, rule.key(), rule.sourceDocument(), printable(args));
	}

	/** Arguments as a message prints them: dates the way forms write them. */
	private static List<Object> printable(Object... args) {
		List<Object> out = new ArrayList<>();
		for (Object a : args) {
			out.add(a instanceof LocalDate d ? vn.capuy.system.PartyDates.shortForm(d) : a);
		}
		return out;
	}

	private static int integer(Rule rule) {
		return Integer.parseInt(rule.value().strip());
	}

}
