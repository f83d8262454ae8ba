package vn.capuy.committee;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;

/**
 * Functions and tasks by type of organisation: an editable checklist per type (the
 * shipped default is marked unverified), each organisation's yearly self-check, and the
 * items marked not done.
 */
@Service
@Transactional(readOnly = true)
public class FunctionChecklists {

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final AuditLog audit;

	FunctionChecklists(JdbcClient jdbc, OrganizationTree tree, AuditLog audit) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.audit = audit;
	}

	/** An item of a type's checklist. */
	public record Item(long id, OrganizationType type, String text, int sortOrder, String sourceDocument,
			boolean verified, LocalDate validFrom, LocalDate validTo) {
	}

	/** An item with an organisation's answer for a year (null: not answered). */
	public record Answer(Item item, Boolean done, String note) {
	}

	/** An item an organisation marked not done. */
	public record NotDone(long organizationId, String organizationName, int year, String text, String note) {
	}

	/** The items of a type in force on a date. */
	public List<Item> items(OrganizationType type, LocalDate date) {
		return this.jdbc.sql("""
				SELECT id, organization_type, text, sort_order, source_document, verified, valid_from, valid_to
				FROM function_checklist_item
				WHERE organization_type = :type AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
				ORDER BY sort_order, id
				""").param("type", type.name()).param("d", date).query((rs, n) -> item(rs)).list();
	}

	private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Item(rs.getLong(1), OrganizationType.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
				rs.getString(5), rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class));
	}

	/** Adds an item to a type's checklist from a date. */
	@Transactional
	public long addItem(CurrentUser user, OrganizationType type, String text, Integer sortOrder, String source,
			boolean verified, LocalDate from) {
		Committees.requireEditor(user);
		if (type == null) {
			throw new InvalidInputException("type", "error.required");
		}
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text", "error.required");
		}
		if (source == null || source.isBlank()) {
			throw new InvalidInputException("sourceDocument", "error.rule.source.required");
		}
		long id = this.jdbc.sql("""
				INSERT INTO function_checklist_item (organization_type, text, sort_order, source_document, verified,
				  valid_from, recorded_by)
				VALUES (:type, :text, :order, :source, :verified, :from, :actor) RETURNING id
				""")
			.param("type", type.name())
			.param("text", text.strip())
			.param("order", sortOrder == null ? 100 : sortOrder)
			.param("source", source.strip())
			.param("verified", verified)
			.param("from", from == null ? LocalDate.of(2004, 1, 1) : from)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ADD_CHECKLIST_ITEM", "function_checklist_item", id, null, text);
		return id;
	}

	/** Takes an item off its checklist from a date. */
	@Transactional
	public void closeItem(CurrentUser user, long itemId, LocalDate date, String reason) {
		Committees.requireEditor(user);
		if (date == null) {
			throw new InvalidInputException("date", "error.required");
		}
		int n = this.jdbc.sql("""
				UPDATE function_checklist_item SET valid_to = :d, closed_reason = :reason
				WHERE id = :id AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
				""")
			.param("d", date)
			.param("reason", reason == null || reason.isBlank() ? "closed" : reason.strip())
			.param("id", itemId)
			.update();
		if (n == 0) {
			throw new NotFoundException("checklist item " + itemId);
		}
		this.audit.record(user.username(), "CLOSE_CHECKLIST_ITEM", "function_checklist_item", itemId, null, date);
	}

	/**
	 * An organisation's self-check for a year: each item of its type in force at the end
	 * of the year (or today) with its answer.
	 */
	public List<Answer> selfCheck(CurrentUser user, long organizationId, int year, LocalDate date) {
		Organization org = this.tree.find(user, organizationId, date)
			.orElseGet(() -> this.tree.getLatestVisible(user, organizationId));
		Map<Long, Object[]> answers = new HashMap<>();
		this.jdbc.sql("""
				SELECT item_id, done, note FROM function_self_check WHERE organization_id = :org AND year = :year
				""")
			.param("org", organizationId)
			.param("year", year)
			.query((rs, n) -> answers.put(rs.getLong(1), new Object[] { rs.getBoolean(2), rs.getString(3) }))
			.list();
		return items(org.type(), date).stream().map((i) -> {
			Object[] a = answers.get(i.id());
			return new Answer(i, a == null ? null : (Boolean) a[0], a == null ? null : (String) a[1]);
		}).toList();
	}

	/** Records an organisation's answers for a year (item id → done), audited. */
	@Transactional
	public void recordSelfCheck(CurrentUser user, long organizationId, int year, Map<Long, Boolean> done,
			Map<Long, String> notes) {
		Committees.requireEditor(user);
		LocalDate on = LocalDate.of(year, 12, 31);
		Organization org = this.tree.find(user, organizationId, on)
			.orElseGet(() -> this.tree.getLatestVisible(user, organizationId));
		List<Long> allowed = items(org.type(), on).stream().map(Item::id).toList();
		for (Map.Entry<Long, Boolean> e : done.entrySet()) {
			if (!allowed.contains(e.getKey())) {
				throw new InvalidInputException("itemId", "committee.error.checklist.item", e.getKey());
			}
			this.jdbc.sql("""
					INSERT INTO function_self_check (organization_id, year, item_id, done, note, recorded_by)
					VALUES (:org, :year, :item, :done, :note, :actor)
					ON CONFLICT (organization_id, year, item_id) DO UPDATE SET done = excluded.done,
					  note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = now()
					""")
				.param("org", organizationId)
				.param("year", year)
				.param("item", e.getKey())
				.param("done", e.getValue())
				.param("note", notes == null ? null : Committees.blankToNull(notes.get(e.getKey())))
				.param("actor", user.username())
				.update();
		}
		this.audit.record(user.username(), "SELF_CHECK", "function_self_check", organizationId, null,
				Map.of("year", year, "answers", done));
	}

	/** Items marked not done for a year in the caller's scope. */
	public List<NotDone> notDone(CurrentUser user, int year) {
		LocalDate on = LocalDate.of(year, 12, 31);
		Map<Long, String> names = new HashMap<>();
		this.tree.list(user, on).forEach((o) -> names.put(o.id(), o.name()));
		return this.jdbc.sql("""
				SELECT c.organization_id, c.year, i.text, c.note FROM function_self_check c
				JOIN function_checklist_item i ON i.id = c.item_id
				WHERE c.year = :year AND NOT c.done
				  AND c.organization_id IN (SELECT id FROM organization_visible(:roots, :global, :d))
				ORDER BY c.organization_id, i.sort_order
				""")
			.param("year", year)
			.param("d", on)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query((rs, n) -> new NotDone(rs.getLong(1), names.get(rs.getLong(1)), rs.getInt(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/** Per organisation: items answered done and items in its checklist, for a year. */
	Map<Long, int[]> doneCounts(List<Organization> orgs, int year, LocalDate date) {
		Map<Long, int[]> result = new HashMap<>();
		Map<OrganizationType, Integer> totals = new HashMap<>();
		for (Organization o : orgs) {
			int total = totals.computeIfAbsent(o.type(), (t) -> items(t, date).size());
			result.put(o.id(), new int[] { 0, total });
		}
		if (orgs.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				SELECT c.organization_id, count(*) FROM function_self_check c
				JOIN function_checklist_item i ON i.id = c.item_id
				  AND i.valid_from <= :d AND (i.valid_to IS NULL OR i.valid_to > :d)
				WHERE c.year = :year AND c.done AND c.organization_id = ANY(:orgs)
				GROUP BY c.organization_id
				""")
			.param("year", year)
			.param("d", date)
			.param("orgs", orgs.stream().map(Organization::id).toArray(Long[]::new))
			.query((rs, n) -> {
				result.get(rs.getLong(1))[0] = rs.getInt(2);
				return null;
			})
			.list();
		return result;
	}

}
