package vn.capuy.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.massorg.MassOrganizations;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.ReviewContribution;
import vn.capuy.system.ScopeRef;
import vn.capuy.system.VietnameseText;

/**
 * How far each organisation's leadership methods are in place on a date, and the totals
 * of the caller's scope: working regulation adopted this term, committee members with
 * assignments, who follows it, coordination regulation in force, secretary as agency
 * head, mass organisations led, checklist done. Also the module's figures for reviews.
 */
@Component
public class LeadershipCoverage implements ReviewContribution {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final FunctionChecklists checklists;

	private final MassOrganizations massOrganizations;

	LeadershipCoverage(JdbcClient jdbc, OrganizationTree tree, FunctionChecklists checklists,
			MassOrganizations massOrganizations) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.checklists = checklists;
		this.massOrganizations = massOrganizations;
	}

	/** One organisation's coverage on a date. */
	public record Row(long organizationId, String organizationName, String type, Long parentId, boolean hasTerm,
			boolean hasWorkingRegulation, boolean coordinationRegulationInForce, Boolean secretaryIsAgencyHead,
			Long followedByMemberId, String followedBy, int committeeMembers, int committeeMembersWithAssignments,
			int subordinates, int subordinatesFollowed, int massOrganizationsLed, int checklistDone,
			int checklistItems) {
	}

	/** The totals of the scope. */
	public record Totals(int organizations, int withTerm, int withWorkingRegulation, int withCoordinationRegulation,
			int secretaryIsAgencyHead, int followed, int needingFollower, int committeeMembers,
			int committeeMembersWithAssignments, int massOrganizationsLed, int checklistDone, int checklistItems) {
	}

	/** The coverage of the scope on a date. */
	public record Report(LocalDate asOf, List<Row> rows, Totals totals) {
	}

	public Report report(CurrentUser user, LocalDate date) {
		List<Organization> all = this.tree.list(user, date);
		Map<Long, Organization> byId = new HashMap<>();
		all.forEach((o) -> byId.put(o.id(), o));
		List<Organization> orgs = all.stream()
			.filter((o) -> CommitteeWarnings.tracked(o.type()))
			.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
		if (orgs.isEmpty()) {
			return new Report(date, List.of(), new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
		}
		Long[] ids = orgs.stream().map(Organization::id).toArray(Long[]::new);
		Map<Long, LocalDate> termStart = new HashMap<>();
		this.jdbc.sql("""
				SELECT organization_id, congress_date FROM committee_term
				WHERE organization_id = ANY(:ids) AND congress_date <= :d AND (valid_to IS NULL OR valid_to > :d)
				""")
			.param("ids", ids)
			.param("d", date)
			.query((rs, n) -> termStart.put(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.list();
		Set<Long> working = new HashSet<>();
		Set<Long> coordination = new HashSet<>();
		this.jdbc.sql("""
				SELECT organization_id, kind, adopted_on FROM regulation
				WHERE organization_id = ANY(:ids) AND adopted_on <= :d AND (valid_to IS NULL OR valid_to > :d)
				  AND kind IN ('WORKING', 'COORDINATION')
				""").param("ids", ids).param("d", date).query((rs, n) -> {
			long org = rs.getLong(1);
			LocalDate adopted = rs.getObject(3, LocalDate.class);
			if ("COORDINATION".equals(rs.getString(2))) {
				coordination.add(org);
			}
			else if (termStart.containsKey(org) && !adopted.isBefore(termStart.get(org))) {
				working.add(org);
			}
			return null;
		}).list();
		Map<Long, Boolean> agencyHead = new HashMap<>();
		this.jdbc.sql("""
				SELECT organization_id, is_agency_head FROM secretary_agency_head
				WHERE organization_id = ANY(:ids) AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				""")
			.param("ids", ids)
			.param("d", date)
			.query((rs, n) -> agencyHead.put(rs.getLong(1), rs.getBoolean(2)))
			.list();
		Map<Long, Object[]> followers = new HashMap<>();
		this.jdbc.sql("""
				SELECT followed_organization_id, member_id, member_name FROM follow_assignment
				WHERE followed_organization_id = ANY(:ids) AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				""")
			.param("ids", ids)
			.param("d", date)
			.query((rs, n) -> followers.put(rs.getLong(1), new Object[] { rs.getLong(2), rs.getString(3) }))
			.list();
		Map<Long, int[]> members = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT p.organization_id, count(DISTINCT p.member_id),
					       count(DISTINCT p.member_id) FILTER (WHERE EXISTS (
					         SELECT 1 FROM field_assignment f WHERE f.organization_id = p.organization_id
					           AND f.member_id = p.member_id AND f.valid_from <= :d AND (f.valid_to IS NULL OR f.valid_to > :d))
					         OR EXISTS (
					         SELECT 1 FROM follow_assignment a WHERE a.organization_id = p.organization_id
					           AND a.member_id = p.member_id AND a.valid_from <= :d AND (a.valid_to IS NULL OR a.valid_to > :d)))
					FROM committee_position p
					WHERE p.organization_id = ANY(:ids) AND p.valid_from <= :d AND (p.valid_to IS NULL OR p.valid_to > :d)
					  AND p.position IN ('SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_MEMBER', 'COMMITTEE_MEMBER')
					GROUP BY p.organization_id
					""")
			.param("ids", ids)
			.param("d", date)
			.query((rs, n) -> members.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) }))
			.list();
		Map<Long, Integer> massLed = this.massOrganizations.ledCounts(user.scope(), date);
		Map<Long, int[]> checklist = this.checklists.doneCounts(orgs, date.getYear(), date);
		Map<Long, int[]> subordinates = new HashMap<>();
		for (Organization o : all) {
			if (o.parentId() != null && Assignments.needsFollower(o, byId)) {
				int[] s = subordinates.computeIfAbsent(o.parentId(), (k) -> new int[2]);
				s[0]++;
				if (followers.containsKey(o.id())) {
					s[1]++;
				}
			}
		}
		List<Row> rows = new ArrayList<>();
		int withTerm = 0;
		int withWorking = 0;
		int withCoordination = 0;
		int heads = 0;
		int followed = 0;
		int needing = 0;
		int committeeMembers = 0;
		int withAssignments = 0;
		int mass = 0;
		int done = 0;
		int items = 0;
		for (Organization o : orgs) {
			Object[] follower = followers.get(o.id());
			int[] m = members.getOrDefault(o.id(), new int[2]);
			int[] s = subordinates.getOrDefault(o.id(), new int[2]);
			int[] c = checklist.getOrDefault(o.id(), new int[2]);
			Row row = new Row(o.id(), o.name(), o.type().name(), o.parentId(), termStart.containsKey(o.id()),
					working.contains(o.id()), coordination.contains(o.id()), agencyHead.get(o.id()),
					follower == null ? null : (Long) follower[0], follower == null ? null : (String) follower[1], m[0],
					m[1], s[0], s[1], massLed.getOrDefault(o.id(), 0), c[0], c[1]);
			rows.add(row);
			withTerm += row.hasTerm() ? 1 : 0;
			withWorking += row.hasWorkingRegulation() ? 1 : 0;
			withCoordination += row.coordinationRegulationInForce() ? 1 : 0;
			heads += Boolean.TRUE.equals(row.secretaryIsAgencyHead()) ? 1 : 0;
			if (Assignments.needsFollower(o, byId)) {
				needing++;
				followed += follower != null ? 1 : 0;
			}
			committeeMembers += m[0];
			withAssignments += m[1];
			mass += row.massOrganizationsLed();
			done += c[0];
			items += c[1];
		}
		return new Report(date, rows, new Totals(orgs.size(), withTerm, withWorking, withCoordination, heads, followed,
				needing, committeeMembers, withAssignments, mass, done, items));
	}

	@Override
	public int order() {
		return 50;
	}

	/**
	 * Per year of the period: working regulations adopted (committee and inspection
	 * committee) and assignments made (fields and organisations followed), in the scope.
	 */
	@Override
	public List<AnnexTable> tables(ScopeRef scope, LocalDate from, LocalDate to) {
		List<List<Object>> rows = new ArrayList<>();
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			LocalDate start = LocalDate.of(year, 1, 1).isBefore(from) ? from : LocalDate.of(year, 1, 1);
			LocalDate end = LocalDate.of(year, 12, 31).isAfter(to) ? to : LocalDate.of(year, 12, 31);
			rows.add(List.of(String.valueOf(year), regulationsAdopted(scope, start, end.plusDays(1)),
					assignmentsMade(scope, start, end.plusDays(1))));
		}
		return List.of(new AnnexTable("committee.annex.title",
				List.of("field.year", "committee.annex.regulations", "committee.annex.assignments"), rows));
	}

	/** Working regulations adopted in [from, to) by organisations of the scope. */
	public int regulationsAdopted(ScopeRef scope, LocalDate from, LocalDate toExclusive) {
		return this.jdbc.sql("""
				SELECT count(*) FROM regulation r
				WHERE r.kind IN ('WORKING', 'INSPECTION_WORKING') AND r.adopted_on >= :from AND r.adopted_on < :to
				  AND r.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v
				                            WHERE v.valid_from <= r.adopted_on
				                              AND (v.valid_to IS NULL OR v.valid_to > r.adopted_on))
				""")
			.param("from", from)
			.param("to", toExclusive)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query(Integer.class)
			.single();
	}

	/**
	 * Assignments (fields and organisations followed) made in [from, to) in the scope.
	 */
	public int assignmentsMade(ScopeRef scope, LocalDate from, LocalDate toExclusive) {
		return this.jdbc.sql("""
				SELECT count(*) FROM (
				  SELECT organization_id, valid_from FROM field_assignment
				  UNION ALL SELECT organization_id, valid_from FROM follow_assignment
				) a
				WHERE a.valid_from >= :from AND a.valid_from < :to
				  AND a.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v
				                            WHERE v.valid_from <= a.valid_from
				                              AND (v.valid_to IS NULL OR v.valid_to > a.valid_from))
				""")
			.param("from", from)
			.param("to", toExclusive)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query(Integer.class)
			.single();
	}

}
