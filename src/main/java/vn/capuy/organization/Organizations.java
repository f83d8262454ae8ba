package vn.capuy.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.VietnameseText;

/**
 * The restructuring operations on the tree. Each runs on a date, records the decision and
 * the acting user, keeps every earlier state (nothing is deleted), and is one
 * transaction: the members move with their organisations in it, and the closure table is
 * rebuilt before it commits.
 */
@Service
@Transactional
public class Organizations {

	private static final int MAX_NAME = 300;

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final ObjectProvider<MemberCountsProvider> counts;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	Organizations(JdbcClient jdbc, OrganizationTree tree, ObjectProvider<MemberCountsProvider> counts,
			ApplicationEventPublisher events, AuditLog audit) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.counts = counts;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * A new organisation: its type, name, parent (null only for a provincial
	 * organisation) and agency.
	 */
	public record NewOrganization(OrganizationType type, String name, Long parentId, String agencyName) {
	}

	/** Creates an organisation on the date under its parent. */
	public long create(CurrentUser user, NewOrganization spec, LocalDate date, String decisionRef) {
		requireEditor(user);
		requireDate(date);
		long id = insert(user, spec, date, decisionRef);
		event(id, "CREATED", date, spec.parentId(), null, decisionRef, user);
		rebuildClosure();
		this.audit.record(user.username(), "CREATE", "organization", id, null, spec);
		return id;
	}

	/** Renames an organisation from the date; the old name stays in its history. */
	public void rename(CurrentUser user, long id, String newName, LocalDate date, String decisionRef) {
		requireEditor(user);
		requireDate(date);
		Organization org = requireInScope(user, id, date);
		String name = requireName(newName);
		if (name.equals(org.name())) {
			throw new InvalidInputException("name", "error.organization.rename.same");
		}
		closeRow("organization_name", id, date);
		this.jdbc.sql("""
				INSERT INTO organization_name (organization_id, name, search_key, valid_from, decision_ref)
				VALUES (:id, :name, :key, :from, :ref)
				""")
			.param("id", id)
			.param("name", name)
			.param("key", VietnameseText.fold(name))
			.param("from", date)
			.param("ref", decisionRef)
			.update();
		event(id, "RENAMED", date, null, org.name() + " → " + name, decisionRef, user);
		this.audit.record(user.username(), "RENAME", "organization", id, org.name(), name);
	}

	/** Moves an organisation, with its subtree, under another parent from the date. */
	public void move(CurrentUser user, long id, long newParentId, LocalDate date, String decisionRef) {
		requireEditor(user);
		requireDate(date);
		Organization org = requireInScope(user, id, date);
		Organization parent = requireParent(user, org.type(), newParentId, date);
		if (org.parentId() != null && org.parentId() == newParentId) {
			throw new InvalidInputException("parentId", "error.organization.move.same-parent");
		}
		boolean cycle = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM organization_closure WHERE ancestor_id = :id AND descendant_id = :parent
				  AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d))
				""").param("id", id).param("parent", newParentId).param("d", date).query(Boolean.class).single();
		if (cycle) {
			throw new InvalidInputException("parentId", "error.organization.move.cycle");
		}
		relink(id, parent.id(), date, decisionRef);
		event(id, "MOVED", date, parent.id(), org.parentId() == null ? null : String.valueOf(org.parentId()),
				decisionRef, user);
		rebuildClosure();
		this.audit.record(user.username(), "MOVE", "organization", id, org.parentId(), newParentId);
	}

	/**
	 * Merges several organisations into a new one on the date: their child organisations
	 * and their members move to it, they close, and each is recorded as its predecessor.
	 */
	public long merge(CurrentUser user, List<Long> predecessorIds, NewOrganization successor, LocalDate date,
			String decisionRef) {
		requireEditor(user);
		requireDate(date);
		if (predecessorIds == null || predecessorIds.size() < 2) {
			throw new InvalidInputException("predecessorIds", "error.organization.merge.two");
		}
		List<Organization> predecessors = new ArrayList<>();
		for (Long pid : predecessorIds) {
			predecessors.add(requireInScope(user, pid, date));
		}
		long successorId = insert(user, successor, date, decisionRef);
		for (Organization predecessor : predecessors) {
			for (Long child : activeChildren(predecessor.id(), date)) {
				relink(child, successorId, date, decisionRef);
				event(child, "MOVED", date, successorId, null, decisionRef, user);
			}
			close(predecessor.id(), date, "MERGED");
			succession(predecessor.id(), successorId, "MERGE", date, decisionRef);
			event(predecessor.id(), "MERGED_INTO", date, successorId, null, decisionRef, user);
			event(successorId, "MERGED_FROM", date, predecessor.id(), null, decisionRef, user);
		}
		this.events.publishEvent(new OrganizationEvents.OrganizationsMerged(List.copyOf(predecessorIds), successorId,
				date, decisionRef, user.username()));
		rebuildClosure();
		this.audit.record(user.username(), "MERGE", "organization", successorId, predecessorIds, successor);
		return successorId;
	}

	/**
	 * Splits an organisation into new ones under its parent on the date. Child
	 * organisations and members go to the part the maps name (by index into
	 * {@code parts}), the others to the first part; the original closes.
	 */
	public List<Long> split(CurrentUser user, long id, List<NewOrganization> parts, Map<Long, Integer> childToPart,
			Map<Long, Integer> memberToPart, LocalDate date, String decisionRef) {
		requireEditor(user);
		requireDate(date);
		Organization org = requireInScope(user, id, date);
		if (parts == null || parts.isEmpty()) {
			throw new InvalidInputException("parts", "error.organization.split.parts");
		}
		List<Long> partIds = new ArrayList<>();
		for (NewOrganization part : parts) {
			NewOrganization placed = new NewOrganization(part.type(), part.name(), org.parentId(), part.agencyName());
			partIds.add(insert(user, placed, date, decisionRef));
		}
		Map<Long, Integer> childMap = childToPart == null ? Map.of() : childToPart;
		for (Long child : activeChildren(id, date)) {
			int index = childMap.getOrDefault(child, 0);
			if (index < 0 || index >= partIds.size()) {
				throw new InvalidInputException("childToPart", "error.organization.split.part-index", index);
			}
			long target = partIds.get(index);
			Organization childOrg = requireInScope(user, child, date);
			OrganizationType parentType = parts.get(index).type();
			if (!childOrg.type().mayBeUnder(parentType)) {
				throw new InvalidInputException("childToPart", "error.organization.parent-type", childOrg.name(),
						parentType);
			}
			relink(child, target, date, decisionRef);
			event(child, "MOVED", date, target, null, decisionRef, user);
		}
		Map<Long, Long> members = new HashMap<>();
		if (memberToPart != null) {
			memberToPart.forEach((member, index) -> {
				if (index < 0 || index >= partIds.size()) {
					throw new InvalidInputException("memberToPart", "error.organization.split.part-index", index);
				}
				members.put(member, partIds.get(index));
			});
		}
		close(id, date, "SPLIT");
		for (Long part : partIds) {
			succession(id, part, "SPLIT", date, decisionRef);
			event(id, "SPLIT_INTO", date, part, null, decisionRef, user);
			event(part, "SPLIT_FROM", date, id, null, decisionRef, user);
		}
		this.events.publishEvent(new OrganizationEvents.OrganizationSplit(id, List.copyOf(partIds), partIds.get(0),
				members, date, decisionRef, user.username()));
		rebuildClosure();
		this.audit.record(user.username(), "SPLIT", "organization", id, org, parts);
		return partIds;
	}

	/**
	 * Dissolves an organisation on the date; refused while it still has organisations or
	 * members under it.
	 */
	public void dissolve(CurrentUser user, long id, LocalDate date, String reason, String decisionRef) {
		requireEditor(user);
		requireDate(date);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.organization.dissolve.reason");
		}
		Organization org = requireInScope(user, id, date);
		if (!activeChildren(id, date).isEmpty()) {
			throw new RuleViolationException("error.organization.dissolve.children");
		}
		MemberCounts remaining = this.counts.getObject()
			.countsOn(date, List.of(id))
			.getOrDefault(id, MemberCounts.ZERO);
		if (remaining.total() > 0) {
			throw new RuleViolationException("error.organization.dissolve.members", remaining.total());
		}
		close(id, date, VietnameseText.clean(reason));
		event(id, "DISSOLVED", date, null, VietnameseText.clean(reason), decisionRef, user);
		rebuildClosure();
		this.audit.record(user.username(), "DISSOLVE", "organization", id, org, reason);
	}

	/**
	 * Rebuilds the dated closure table from the links; bulk loaders call it once at the
	 * end.
	 */
	public void rebuildClosure() {
		this.jdbc.sql("SELECT organization_closure_rebuild()").query().singleRow();
	}

	private long insert(CurrentUser user, NewOrganization spec, LocalDate date, String decisionRef) {
		if (spec.type() == null) {
			throw new InvalidInputException("type", "error.required");
		}
		String name = requireName(spec.name());
		if (spec.parentId() == null) {
			if (!spec.type().mayBeUnder(null)) {
				throw new InvalidInputException("parentId", "error.organization.parent.required");
			}
			if (!user.global()) {
				throw new NotFoundException("root organization");
			}
		}
		else {
			requireParent(user, spec.type(), spec.parentId(), date);
		}
		Long agencyId = agency(spec.agencyName());
		long id = this.jdbc.sql("""
				INSERT INTO organization (type, agency_id, valid_from) VALUES (:type, :agency, :from) RETURNING id
				""")
			.param("type", spec.type().name())
			.param("agency", agencyId)
			.param("from", date)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO organization_name (organization_id, name, search_key, valid_from, decision_ref)
				VALUES (:id, :name, :key, :from, :ref)
				""")
			.param("id", id)
			.param("name", name)
			.param("key", VietnameseText.fold(name))
			.param("from", date)
			.param("ref", decisionRef)
			.update();
		this.jdbc.sql("""
				INSERT INTO organization_link (organization_id, parent_id, valid_from, decision_ref)
				VALUES (:id, :parent, :from, :ref)
				""")
			.param("id", id)
			.param("parent", spec.parentId())
			.param("from", date)
			.param("ref", decisionRef)
			.update();
		return id;
	}

	private Long agency(String agencyName) {
		String name = VietnameseText.clean(agencyName);
		if (name == null || name.isEmpty()) {
			return null;
		}
		String key = VietnameseText.fold(name);
		return this.jdbc.sql("SELECT id FROM agency WHERE search_key = :key LIMIT 1")
			.param("key", key)
			.query(Long.class)
			.optional()
			.orElseGet(() -> this.jdbc.sql("INSERT INTO agency (name, search_key) VALUES (:n, :k) RETURNING id")
				.param("n", name)
				.param("k", key)
				.query(Long.class)
				.single());
	}

	private void relink(long id, long parentId, LocalDate date, String decisionRef) {
		closeRow("organization_link", id, date);
		this.jdbc.sql("""
				INSERT INTO organization_link (organization_id, parent_id, valid_from, decision_ref)
				VALUES (:id, :parent, :from, :ref)
				""").param("id", id).param("parent", parentId).param("from", date).param("ref", decisionRef).update();
	}

	/**
	 * Closes the open dated row of a table at the date; a later change already recorded
	 * is refused. A row opened on the same date (an earlier step of the same day's
	 * restructuring, such as the merger of 1 July 2025 moving a committee to the new
	 * province and then merging it) is replaced rather than closed to an empty period.
	 */
	private void closeRow(String table, long id, LocalDate date) {
		boolean later = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE organization_id = :id AND valid_from > :d)")
			.param("id", id)
			.param("d", date)
			.query(Boolean.class)
			.single();
		if (later) {
			throw new RuleViolationException("error.organization.later-change", date);
		}
		this.jdbc.sql("DELETE FROM " + table + " WHERE organization_id = :id AND valid_from = :d")
			.param("id", id)
			.param("d", date)
			.update();
		this.jdbc.sql("UPDATE " + table + " SET valid_to = :d WHERE organization_id = :id AND valid_to IS NULL")
			.param("d", date)
			.param("id", id)
			.update();
	}

	private void close(long id, LocalDate date, String reason) {
		int closed = this.jdbc.sql("""
				UPDATE organization SET valid_to = :d, closed_reason = :reason, version = version + 1
				WHERE id = :id AND valid_to IS NULL AND valid_from < :d
				""").param("d", date).param("reason", reason).param("id", id).update();
		if (closed != 1) {
			throw new RuleViolationException("error.organization.later-change", date);
		}
		closeRow("organization_name", id, date);
		closeRow("organization_link", id, date);
	}

	private List<Long> activeChildren(long id, LocalDate date) {
		return this.jdbc.sql("""
				SELECT l.organization_id FROM organization_link l JOIN organization o ON o.id = l.organization_id
				WHERE l.parent_id = :id AND l.valid_from <= :d AND (l.valid_to IS NULL OR l.valid_to > :d)
				  AND o.valid_from <= :d AND (o.valid_to IS NULL OR o.valid_to > :d)
				ORDER BY l.organization_id
				""").param("id", id).param("d", date).query(Long.class).list();
	}

	private void succession(long predecessor, long successor, String kind, LocalDate date, String decisionRef) {
		this.jdbc.sql("""
				INSERT INTO organization_succession (predecessor_id, successor_id, kind, on_date, decision_ref)
				VALUES (:p, :s, :kind, :d, :ref)
				""")
			.param("p", predecessor)
			.param("s", successor)
			.param("kind", kind)
			.param("d", date)
			.param("ref", decisionRef)
			.update();
	}

	private void event(long id, String kind, LocalDate date, Long related, String detail, String decisionRef,
			CurrentUser user) {
		this.jdbc.sql("""
				INSERT INTO organization_event (organization_id, kind, on_date, related_id, detail, decision_ref, actor)
				VALUES (:id, :kind, :d, :related, :detail, :ref, :actor)
				""")
			.param("id", id)
			.param("kind", kind)
			.param("d", date)
			.param("related", related)
			.param("detail", detail)
			.param("ref", decisionRef)
			.param("actor", user.username())
			.update();
	}

	private Organization requireInScope(CurrentUser user, long id, LocalDate date) {
		Organization org = this.tree.get(user, id, date);
		if (!org.activeOn(date)) {
			throw new NotFoundException("organization " + id);
		}
		return org;
	}

	private Organization requireParent(CurrentUser user, OrganizationType type, long parentId, LocalDate date) {
		Organization parent = this.tree.find(user, parentId, date)
			.orElseThrow(() -> new InvalidInputException("parentId", "error.organization.parent.not-found"));
		if (!type.mayBeUnder(parent.type())) {
			throw new InvalidInputException("parentId", "error.organization.parent-type", parent.name(), type);
		}
		return parent;
	}

	private static void requireEditor(CurrentUser user) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("register edits");
		}
	}

	private static void requireDate(LocalDate date) {
		if (date == null) {
			throw new InvalidInputException("date", "error.required");
		}
	}

	private static String requireName(String raw) {
		String name = VietnameseText.clean(raw);
		if (name == null || name.isEmpty()) {
			throw new InvalidInputException("name", "error.required");
		}
		if (name.length() > MAX_NAME) {
			throw new InvalidInputException("name", "error.too-long", MAX_NAME);
		}
		return name;
	}

	/** Ordered map helper for callers building split maps. */
	public static Map<Long, Integer> assign(List<Long> ids, int part) {
		Map<Long, Integer> map = new LinkedHashMap<>();
		ids.forEach((id) -> map.put(id, part));
		return map;
	}

}
