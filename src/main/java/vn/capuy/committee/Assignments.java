package vn.capuy.committee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

/**
 * Assignments of committee members (phân công cấp uỷ viên): the fields a member answers
 * for and the subordinate organisations they follow, dated and with their decision; who
 * follows an organisation on a date; and the coverage (subordinates followed by nobody,
 * fields without a member, members overloaded beyond the rule book's count).
 */
@Service
@Transactional(readOnly = true)
public class Assignments {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final Committees committees;

	private final RuleBook rules;

	private final AuditLog audit;

	Assignments(JdbcClient jdbc, OrganizationTree tree, Committees committees, RuleBook rules, AuditLog audit) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.committees = committees;
		this.rules = rules;
		this.audit = audit;
	}

	/** A field a committee member may answer for (an editable list). */
	public record Field(String code, String name, int sortOrder, boolean active) {
	}

	/**
	 * One assignment: a field ({@code fieldCode}) or a followed organisation
	 * ({@code followedOrganizationId}).
	 */
	public record Assignment(long id, String kind, long termId, long organizationId, String organizationName,
			long memberId, String memberName, String fieldCode, String fieldName, Long followedOrganizationId,
			String followedOrganizationName, LocalDate validFrom, LocalDate validTo, String decisionRef) {
	}

	/** The committee member who follows an organisation on a date. */
	public record Follower(long memberId, String memberName, long committeeOrganizationId,
			String committeeOrganizationName, LocalDate since, String decisionRef) {
	}

	/** A request to assign a member a field or an organisation to follow. */
	public record NewAssignment(Long memberId, String fieldCode, Long followedOrganizationId, LocalDate validFrom,
			String decisionRef) {
	}

	/** What the assignments leave uncovered on a date. */
	public record Coverage(LocalDate asOf, List<Organization> unfollowed, List<MissingField> missingFields,
			List<Overloaded> overloaded, int overloadLimit) {
	}

	/** A committee without a member answering for a field. */
	public record MissingField(long organizationId, String organizationName, String fieldCode, String fieldName) {
	}

	/** A committee member with more assignments than the rule book allows. */
	public record Overloaded(long organizationId, String organizationName, long memberId, String memberName,
			int assignments) {
	}

	public List<Field> fields(boolean activeOnly) {
		return this.jdbc.sql("""
				SELECT code, name, sort_order, active FROM assignment_field
				WHERE active OR NOT :activeOnly ORDER BY sort_order, code
				""")
			.param("activeOnly", activeOnly)
			.query((rs, n) -> new Field(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
			.list();
	}

	/** Adds a field to the editable list, or renames and re-orders an existing one. */
	@Transactional
	public void saveField(CurrentUser user, String code, String name, Integer sortOrder) {
		Committees.requireEditor(user);
		if (code == null || !code.strip().matches("[A-Z][A-Z0-9_]*")) {
			throw new InvalidInputException("code", "committee.error.field.code");
		}
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "error.required");
		}
		int order = sortOrder == null ? 100 : sortOrder;
		this.jdbc.sql("""
				INSERT INTO assignment_field (code, name, sort_order) VALUES (:code, :name, :order)
				ON CONFLICT (code) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order,
				  active = true, closed_reason = NULL
				""").param("code", code.strip()).param("name", name.strip()).param("order", order).update();
		this.audit.record(user.username(), "SAVE_FIELD", "assignment_field", code, null, name);
	}

	/** Takes a field off the list (kept for the assignments that name it). */
	@Transactional
	public void retireField(CurrentUser user, String code, String reason) {
		Committees.requireEditor(user);
		int n = this.jdbc.sql("UPDATE assignment_field SET active = false, closed_reason = :reason WHERE code = :code")
			.param("code", code)
			.param("reason", reason == null || reason.isBlank() ? "retired" : reason.strip())
			.update();
		if (n == 0) {
			throw new NotFoundException("field " + code);
		}
		this.audit.record(user.username(), "RETIRE_FIELD", "assignment_field", code, null, reason);
	}

	/**
	 * Assigns a member of the organisation's committee a field or a subordinate
	 * organisation to follow, from a date within the term in force. One transaction,
	 * audited.
	 */
	@Transactional
	public long assign(CurrentUser user, long organizationId, NewAssignment spec) {
		Committees.requireEditor(user);
		if (spec.validFrom() == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		if (spec.memberId() == null) {
			throw new InvalidInputException("memberId", "error.required");
		}
		boolean field = spec.fieldCode() != null && !spec.fieldCode().isBlank();
		boolean follow = spec.followedOrganizationId() != null;
		if (field == follow) {
			throw new InvalidInputException("fieldCode", "committee.error.assignment.one-of");
		}
		Organization org = this.tree.get(user, organizationId, spec.validFrom());
		CommitteeTerm term = this.committees.termOn(organizationId, spec.validFrom())
			.orElseThrow(
					() -> new RuleViolationException("committee.error.position.no-term", org.name(), spec.validFrom()));
		HeldPosition held = this.committees.positionsOfMemberIn(organizationId, spec.memberId(), spec.validFrom())
			.stream()
			.filter((p) -> p.position().executive())
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("memberId", "committee.error.assignment.not-committee-member",
					org.name(), spec.validFrom()));
		long id;
		if (field) {
			String code = spec.fieldCode().strip();
			boolean known = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM assignment_field WHERE code = :c AND active)")
				.param("c", code)
				.query(Boolean.class)
				.single();
			if (!known) {
				throw new InvalidInputException("fieldCode", "committee.error.field.unknown", code);
			}
			boolean overlap = this.jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM field_assignment WHERE organization_id = :org AND field_code = :c
					  AND member_id = :m AND (valid_to IS NULL OR valid_to > :d))
					""")
				.param("org", organizationId)
				.param("c", code)
				.param("m", spec.memberId())
				.param("d", spec.validFrom())
				.query(Boolean.class)
				.single();
			if (overlap) {
				throw new RuleViolationException("committee.error.assignment.overlap", held.memberName());
			}
			id = this.jdbc.sql("""
					INSERT INTO field_assignment (term_id, organization_id, member_id, member_name, field_code,
					  valid_from, valid_to, decision_ref, recorded_by)
					VALUES (:term, :org, :m, :name, :c, :from, :to, :ref, :actor) RETURNING id
					""")
				.param("term", term.id())
				.param("org", organizationId)
				.param("m", spec.memberId())
				.param("name", held.memberName())
				.param("c", code)
				.param("from", spec.validFrom())
				.param("to", term.validTo())
				.param("ref", Committees.blankToNull(spec.decisionRef()))
				.param("actor", user.username())
				.query(Long.class)
				.single();
		}
		else {
			long followed = spec.followedOrganizationId();
			if (!isBelow(user, followed, organizationId, spec.validFrom())) {
				throw new InvalidInputException("followedOrganizationId", "committee.error.assignment.not-subordinate",
						org.name());
			}
			// the previous follower hands over on the date
			this.jdbc.sql("""
					UPDATE follow_assignment SET valid_to = :d, closed_reason = 'HANDED_OVER'
					WHERE followed_organization_id = :f AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
					""").param("d", spec.validFrom()).param("f", followed).update();
			boolean later = this.jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM follow_assignment WHERE followed_organization_id = :f
					  AND valid_from >= :d AND (valid_to IS NULL OR valid_to > :d))
					""").param("f", followed).param("d", spec.validFrom()).query(Boolean.class).single();
			if (later) {
				throw new RuleViolationException("committee.error.assignment.follow-later");
			}
			id = this.jdbc.sql("""
					INSERT INTO follow_assignment (term_id, organization_id, member_id, member_name,
					  followed_organization_id, valid_from, valid_to, decision_ref, recorded_by)
					VALUES (:term, :org, :m, :name, :f, :from, :to, :ref, :actor) RETURNING id
					""")
				.param("term", term.id())
				.param("org", organizationId)
				.param("m", spec.memberId())
				.param("name", held.memberName())
				.param("f", followed)
				.param("from", spec.validFrom())
				.param("to", term.validTo())
				.param("ref", Committees.blankToNull(spec.decisionRef()))
				.param("actor", user.username())
				.query(Long.class)
				.single();
		}
		this.audit.record(user.username(), "ASSIGN", field ? "field_assignment" : "follow_assignment", id, null, spec);
		return id;
	}

	/**
	 * Records an assignment decision: several fields and organisations followed, all from
	 * one date under one decision, checked like {@link #assign}. One transaction,
	 * audited.
	 */
	@Transactional
	public int assignAll(CurrentUser user, long organizationId, LocalDate from, String decisionRef,
			List<NewAssignment> items) {
		Committees.requireEditor(user);
		if (from == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		Organization org = this.tree.get(user, organizationId, from);
		CommitteeTerm term = this.committees.termOn(organizationId, from)
			.orElseThrow(() -> new RuleViolationException("committee.error.position.no-term", org.name(), from));
		Map<Long, String> committee = new HashMap<>();
		for (HeldPosition p : this.committees.positionsIn(organizationId, from)) {
			if (p.position().executive()) {
				committee.put(p.memberId(), p.memberName());
			}
		}
		Set<String> fieldCodes = new HashSet<>(fields(true).stream().map(Field::code).toList());
		Map<Long, Organization> byId = new HashMap<>();
		this.tree.list(user, from).forEach((o) -> byId.put(o.id(), o));
		for (NewAssignment item : items) {
			if (item.memberId() == null || !committee.containsKey(item.memberId())) {
				throw new InvalidInputException("memberId", "committee.error.assignment.not-committee-member",
						org.name(), from);
			}
			boolean field = item.fieldCode() != null;
			if (field == (item.followedOrganizationId() != null)) {
				throw new InvalidInputException("fieldCode", "committee.error.assignment.one-of");
			}
			if (field && !fieldCodes.contains(item.fieldCode())) {
				throw new InvalidInputException("fieldCode", "committee.error.field.unknown", item.fieldCode());
			}
			if (!field) {
				Organization current = byId.get(item.followedOrganizationId());
				boolean below = false;
				while (current != null && current.parentId() != null && !below) {
					below = current.parentId() == organizationId;
					current = byId.get(current.parentId());
				}
				if (!below) {
					throw new InvalidInputException("followedOrganizationId",
							"committee.error.assignment.not-subordinate", org.name());
				}
			}
		}
		Long[] followed = items.stream()
			.map(NewAssignment::followedOrganizationId)
			.filter(java.util.Objects::nonNull)
			.toArray(Long[]::new);
		this.jdbc.sql("""
				UPDATE follow_assignment SET valid_to = :d, closed_reason = 'HANDED_OVER'
				WHERE followed_organization_id = ANY(:f) AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", from).param("f", followed).update();
		for (NewAssignment item : items) {
			boolean field = item.fieldCode() != null;
			this.jdbc.sql(field ? """
					INSERT INTO field_assignment (term_id, organization_id, member_id, member_name, field_code,
					  valid_from, valid_to, decision_ref, recorded_by)
					VALUES (:term, :org, :m, :name, :target, :from, :to, :ref, :actor)
					""" : """
					INSERT INTO follow_assignment (term_id, organization_id, member_id, member_name,
					  followed_organization_id, valid_from, valid_to, decision_ref, recorded_by)
					VALUES (:term, :org, :m, :name, :target, :from, :to, :ref, :actor)
					""")
				.param("term", term.id())
				.param("org", organizationId)
				.param("m", item.memberId())
				.param("name", committee.get(item.memberId()))
				.param("target", field ? item.fieldCode() : item.followedOrganizationId())
				.param("from", from)
				.param("to", term.validTo())
				.param("ref", Committees.blankToNull(decisionRef))
				.param("actor", user.username())
				.update();
		}
		this.audit.record(user.username(), "ASSIGN_ALL", "committee_term", term.id(), null,
				Map.of("organizationId", organizationId, "from", from, "items", items));
		return items.size();
	}

	/** Ends an assignment on a date with a reason. */
	@Transactional
	public void close(CurrentUser user, String kind, long id, LocalDate date, String reason) {
		Committees.requireEditor(user);
		String table = "FIELD".equals(kind) ? "field_assignment" : "follow_assignment";
		if (date == null) {
			throw new InvalidInputException("date", "error.required");
		}
		Long org = this.jdbc.sql("SELECT organization_id FROM " + table + " WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("assignment " + id));
		if (!this.tree.visibleEver(user, org)) {
			throw new NotFoundException("assignment " + id);
		}
		int n = this.jdbc.sql("UPDATE " + table + """
				 SET valid_to = :d, closed_reason = :reason
				WHERE id = :id AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
				""")
			.param("d", date)
			.param("reason", reason == null || reason.isBlank() ? "closed" : reason.strip())
			.param("id", id)
			.update();
		if (n == 0) {
			throw new InvalidInputException("date", "committee.error.close.after", date);
		}
		this.audit.record(user.username(), "CLOSE_ASSIGNMENT", table, id, null, date);
	}

	private static final String SELECT = """
			SELECT * FROM (
			  SELECT 'FIELD' AS kind, a.id, a.term_id, a.organization_id, a.member_id, a.member_name, a.field_code,
			         f.name AS field_name, NULL::bigint AS followed_id, a.valid_from, a.valid_to, a.decision_ref
			  FROM field_assignment a JOIN assignment_field f ON f.code = a.field_code
			  UNION ALL
			  SELECT 'FOLLOW', a.id, a.term_id, a.organization_id, a.member_id, a.member_name, NULL, NULL,
			         a.followed_organization_id, a.valid_from, a.valid_to, a.decision_ref
			  FROM follow_assignment a
			) x
			""";

	/**
	 * Assignments in force on the date in the caller's scope, optionally of one
	 * committee, by committee then member.
	 */
	public List<Assignment> on(CurrentUser user, LocalDate date, Long organizationId) {
		Map<Long, String> names = names(user, date);
		return this.jdbc.sql(SELECT + """
				WHERE x.valid_from <= :d AND (x.valid_to IS NULL OR x.valid_to > :d)
				  AND x.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				  AND (CAST(:org AS bigint) IS NULL OR x.organization_id = :org)
				ORDER BY x.organization_id, x.member_name COLLATE vi_vn, x.kind, x.field_code, x.followed_id
				""")
			.param("d", date)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("org", organizationId)
			.query((rs, n) -> {
				Long followed = (Long) rs.getObject("followed_id");
				return new Assignment(rs.getLong("id"), rs.getString("kind"), rs.getLong("term_id"),
						rs.getLong("organization_id"), names.get(rs.getLong("organization_id")),
						rs.getLong("member_id"), rs.getString("member_name"), rs.getString("field_code"),
						rs.getString("field_name"), followed, followed == null ? null : names.get(followed),
						rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
						rs.getString("decision_ref"));
			})
			.list();
	}

	/**
	 * The superior's committee member who follows the organisation on the date, for any
	 * caller of the system (the meeting module notifies them before each meeting).
	 */
	public Optional<Follower> followerOf(long organizationId, LocalDate date) {
		return this.jdbc
			.sql("""
					SELECT a.member_id, a.member_name, a.organization_id,
					       (SELECT n.name FROM organization_name n WHERE n.organization_id = a.organization_id
					        AND n.valid_from <= :d AND (n.valid_to IS NULL OR n.valid_to > :d)) AS committee_name,
					       a.valid_from, a.decision_ref
					FROM follow_assignment a
					WHERE a.followed_organization_id = :org AND a.valid_from <= :d AND (a.valid_to IS NULL OR a.valid_to > :d)
					""")
			.param("org", organizationId)
			.param("d", date)
			.query((rs, n) -> new Follower(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getString(6)))
			.optional();
	}

	/**
	 * The follower of an organisation the caller may see on the date; 404 when it is
	 * outside the caller's scope.
	 */
	public Optional<Follower> followerOf(CurrentUser user, long organizationId, LocalDate date) {
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		return followerOf(organizationId, date);
	}

	/** The coverage of the assignments on the date, in the caller's scope. */
	public Coverage coverage(CurrentUser user, LocalDate date) {
		List<Organization> orgs = this.tree.list(user, date);
		Map<Long, Organization> byId = new HashMap<>();
		orgs.forEach((o) -> byId.put(o.id(), o));
		Set<Long> followed = new HashSet<>(this.jdbc.sql("""
				SELECT followed_organization_id FROM follow_assignment
				WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", date).query(Long.class).list());
		List<Organization> unfollowed = orgs.stream()
			.filter((o) -> needsFollower(o, byId) && !followed.contains(o.id()))
			.sorted((a, b) -> vn.capuy.system.VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
		List<Field> fields = fields(true);
		Map<Long, Set<String>> covered = new HashMap<>();
		for (Assignment a : on(user, date, null)) {
			if ("FIELD".equals(a.kind())) {
				covered.computeIfAbsent(a.organizationId(), (k) -> new HashSet<>()).add(a.fieldCode());
			}
		}
		Set<Long> withTerm = new HashSet<>(this.jdbc.sql("""
				SELECT organization_id FROM committee_term
				WHERE congress_date <= :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", date).query(Long.class).list());
		List<MissingField> missing = new ArrayList<>();
		orgs.stream()
			.filter((o) -> assignsFields(o.type()) && withTerm.contains(o.id()))
			.sorted((a, b) -> vn.capuy.system.VietnameseText.collator().compare(a.name(), b.name()))
			.forEach((o) -> {
				for (Field f : fields) {
					if (!covered.getOrDefault(o.id(), Set.of()).contains(f.code())) {
						missing.add(new MissingField(o.id(), o.name(), f.code(), f.name()));
					}
				}
			});
		int limit = this.rules.integer("committee.assignment.overload-count", date);
		List<Overloaded> overloaded = this.jdbc.sql(SELECT + """
				WHERE x.valid_from <= :d AND (x.valid_to IS NULL OR x.valid_to > :d)
				  AND x.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				""" + "")
			.param("d", date)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new long[] { rs.getLong("organization_id"), rs.getLong("member_id") })
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy((k) -> k[0] + ":" + k[1],
					java.util.stream.Collectors.counting()))
			.entrySet()
			.stream()
			.filter((e) -> e.getValue() > limit)
			.map((e) -> {
				long org = Long.parseLong(e.getKey().split(":")[0]);
				long member = Long.parseLong(e.getKey().split(":")[1]);
				String memberName = this.jdbc.sql("""
						SELECT member_name FROM committee_position WHERE member_id = :m ORDER BY valid_from DESC LIMIT 1
						""").param("m", member).query(String.class).optional().orElse("");
				return new Overloaded(org, byId.containsKey(org) ? byId.get(org).name() : "", member, memberName,
						e.getValue().intValue());
			})
			.sorted((a, b) -> Integer.compare(b.assignments(), a.assignments()))
			.toList();
		return new Coverage(date, unfollowed, missing, overloaded, limit);
	}

	/**
	 * An organisation whose superior is a committee in the caller's view needs a member
	 * of that committee following it (party groups do not).
	 */
	static boolean needsFollower(Organization o, Map<Long, Organization> byId) {
		if (o.type() == OrganizationType.TO_DANG || o.type() == OrganizationType.DANG_BO_TINH || o.parentId() == null) {
			return false;
		}
		Organization parent = byId.get(o.parentId());
		return parent != null && parent.type() != OrganizationType.DANG_BO_TINH;
	}

	/** Committees that divide fields among their members (not the cells). */
	static boolean assignsFields(OrganizationType type) {
		return type == OrganizationType.DANG_BO_CAP_TREN_CO_SO || type == OrganizationType.DANG_BO_CO_SO
				|| type == OrganizationType.DANG_BO_BO_PHAN;
	}

	/** Whether {@code id} is below {@code ancestor} in the tree on the date. */
	private boolean isBelow(CurrentUser user, long id, long ancestor, LocalDate date) {
		Organization current = this.tree.find(user, id, date).orElse(null);
		int guard = 0;
		while (current != null && current.parentId() != null && guard++ < 50) {
			if (current.parentId() == ancestor) {
				return true;
			}
			current = this.tree.find(user, current.parentId(), date).orElse(null);
		}
		return false;
	}

	private Map<Long, String> names(CurrentUser user, LocalDate date) {
		Map<Long, String> names = new HashMap<>();
		this.tree.list(user, date).forEach((o) -> names.put(o.id(), o.name()));
		return names;
	}

}
