package vn.capuy.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.ibm.icu.text.Collator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.CurrentUser;
import vn.capuy.rulebook.Rule;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.VietnameseText;

/**
 * Reads the organisation tree as it stood on any date, always restricted in SQL to the
 * caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationTree {

	/**
	 * Organisations on a date with their name and parent on that date, limited to the
	 * caller's scope. A caller who sees everything sees the organisations existing on the
	 * date (as {@code organization_visible} says), tested directly: listing all 11,000 of
	 * a province to find one took 12 ms, the direct test 0.6 ms.
	 */
	static final String ON_DATE = """
			SELECT o.id, n.name, o.type, l.parent_id, a.name AS agency_name, o.valid_from, o.valid_to,
			       o.closed_reason, o.version
			FROM organization o
			JOIN organization_name n ON n.organization_id = o.id
			  AND n.valid_from <= :d AND (n.valid_to IS NULL OR n.valid_to > :d)
			LEFT JOIN organization_link l ON l.organization_id = o.id
			  AND l.valid_from <= :d AND (l.valid_to IS NULL OR l.valid_to > :d)
			LEFT JOIN agency a ON a.id = o.agency_id
			WHERE ((:global AND o.valid_from <= :d AND (o.valid_to IS NULL OR o.valid_to > :d))
			       OR (NOT :global AND o.id IN (SELECT id FROM organization_visible(:roots, false, :d))))
			""";

	private final JdbcClient jdbc;

	private final RuleBook rules;

	private final ObjectProvider<MemberCountsProvider> counts;

	private final vn.capuy.system.DataVersion.Cache<TreeKey, List<TreeNode>> trees;

	OrganizationTree(JdbcClient jdbc, RuleBook rules, ObjectProvider<MemberCountsProvider> counts,
			vn.capuy.system.DataVersion versions,
			@org.springframework.beans.factory.annotation.Value("${capuy.summaries.cached-trees:16}") int cachedTrees) {
		this.trees = versions.cache(cachedTrees);
		this.jdbc = jdbc;
		this.rules = rules;
		this.counts = counts;
	}

	/** The caller's organisations on the date, unordered. */
	public List<Organization> list(CurrentUser user, LocalDate date) {
		return this.jdbc.sql(ON_DATE)
			.param("d", date)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(OrganizationTree::map)
			.list();
	}

	/**
	 * How many organisations the caller sees on the date, counted up to {@code cap + 1}:
	 * enough to choose between a full drop-down list and a search box.
	 */
	public int countVisible(CurrentUser user, LocalDate date, int cap) {
		return this.jdbc
			.sql("SELECT count(*) FROM (SELECT 1 FROM organization_visible(:roots, :global, :d) LIMIT :cap) v")
			.param("d", date)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("cap", cap + 1)
			.query(Integer.class)
			.single();
	}

	/**
	 * The caller's organisations on the date whose name on that date holds every word
	 * typed (folded: case, diacritics, {@code đ}), in Vietnamese order, at most
	 * {@code limit}.
	 */
	public List<Organization> findByName(CurrentUser user, LocalDate date, String text, int limit) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		int w = 0;
		for (String word : VietnameseText.fold(text).split("[^\\p{L}\\p{N}]+")) {
			if (word.isEmpty()) {
				continue;
			}
			where.append(" AND n.search_key LIKE :w").append(w);
			params.put("w" + w, "%" + word.replace("\\", "").replace("%", "").replace("_", "") + "%");
			w++;
		}
		if (w == 0) {
			return List.of();
		}
		params.put("d", date);
		params.put("roots", user.scopeRootArray());
		params.put("global", user.global());
		params.put("limit", limit);
		return this.jdbc.sql(ON_DATE + where + " ORDER BY n.name COLLATE vi_vn, o.id LIMIT :limit")
			.params(params)
			.query(OrganizationTree::map)
			.list();
	}

	/**
	 * The tree on the date, roots first, children sorted by Vietnamese collation, with
	 * member counts (own and subtree) and the rule flags of each node. Read-only and kept
	 * in memory per scope and date under the data version ({@code DataVersion}): computed
	 * again after any committed write.
	 */
	public List<TreeNode> tree(CurrentUser user, LocalDate date) {
		List<Long> roots = java.util.Arrays.stream(user.scopeRootArray()).sorted().toList();
		return this.trees.get(new TreeKey(roots, user.global(), date), () -> build(user, date));
	}

	/** What a tree depends on: the scope and the date. */
	record TreeKey(List<Long> roots, boolean global, LocalDate date) {
	}

	private List<TreeNode> build(CurrentUser user, LocalDate date) {
		List<Organization> all = list(user, date);
		Map<Long, TreeNode> nodes = new LinkedHashMap<>();
		for (Organization org : all) {
			nodes.put(org.id(), new TreeNode(org));
		}
		List<TreeNode> roots = new ArrayList<>();
		for (TreeNode node : nodes.values()) {
			Long parent = node.getOrganization().parentId();
			if (parent != null && nodes.containsKey(parent)) {
				nodes.get(parent).children().add(node);
			}
			else {
				roots.add(node);
			}
		}
		Map<Long, MemberCounts> own = this.counts.getObject().countsOn(date, nodes.keySet());
		Collator collator = VietnameseText.collator();
		Comparator<TreeNode> byName = Comparator.comparing((TreeNode n) -> n.getOrganization().name(), collator);
		RuleSet ruleSet = RuleSet.on(this.rules, date);
		for (TreeNode root : roots) {
			finish(root, own, byName, ruleSet);
		}
		roots.sort(byName);
		return java.util.Collections.unmodifiableList(roots);
	}

	private MemberCounts finish(TreeNode node, Map<Long, MemberCounts> own, Comparator<TreeNode> byName,
			RuleSet ruleSet) {
		MemberCounts mine = own.getOrDefault(node.getOrganization().id(), MemberCounts.ZERO);
		node.setOwn(mine);
		MemberCounts total = mine;
		node.children().sort(byName);
		for (TreeNode child : node.getChildren()) {
			total = total.plus(finish(child, own, byName, ruleSet));
		}
		node.setSubtree(total);
		ruleSet.flag(node);
		return total;
	}

	/**
	 * One organisation on a date, or 404 when it does not exist then or is outside the
	 * caller's scope.
	 */
	public Organization get(CurrentUser user, long id, LocalDate date) {
		return find(user, id, date).orElseThrow(() -> new NotFoundException("organization " + id));
	}

	/**
	 * The named organisations on the date that the caller sees (those outside the scope,
	 * or not existing then, are absent): one query, however many ids.
	 */
	public List<Organization> listOf(CurrentUser user, java.util.Collection<Long> ids, LocalDate date) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(ON_DATE + " AND o.id = ANY(:ids)")
			.param("d", date)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("ids", ids.toArray(Long[]::new))
			.query(OrganizationTree::map)
			.list();
	}

	public Optional<Organization> find(CurrentUser user, long id, LocalDate date) {
		return this.jdbc.sql(ON_DATE + " AND o.id = :id")
			.param("d", date)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("id", id)
			.query(OrganizationTree::map)
			.optional();
	}

	/** Whether the caller may ever see the organisation (at any date of its life). */
	public boolean visibleEver(CurrentUser user, long id) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM organization_visible_ever(:roots, :global) v WHERE v.id = :id)
				""")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * An organisation at the last date of its life the caller may see (for the history
	 * page of a dissolved or merged organisation), or 404.
	 */
	public Organization getLatestVisible(CurrentUser user, long id) {
		if (!visibleEver(user, id)) {
			throw new NotFoundException("organization " + id);
		}
		LocalDate last = this.jdbc.sql("""
				SELECT coalesce(valid_to - 1, CURRENT_DATE) FROM organization WHERE id = :id
				""").param("id", id).query(LocalDate.class).single();
		LocalDate from = this.jdbc.sql("SELECT valid_from FROM organization WHERE id = :id")
			.param("id", id)
			.query(LocalDate.class)
			.single();
		LocalDate at = last.isBefore(from) ? from : last;
		return this.jdbc.sql("""
				SELECT o.id, n.name, o.type, l.parent_id, a.name AS agency_name, o.valid_from, o.valid_to,
				       o.closed_reason, o.version
				FROM organization o
				JOIN organization_name n ON n.organization_id = o.id
				  AND n.valid_from <= :d AND (n.valid_to IS NULL OR n.valid_to > :d)
				LEFT JOIN organization_link l ON l.organization_id = o.id
				  AND l.valid_from <= :d AND (l.valid_to IS NULL OR l.valid_to > :d)
				LEFT JOIN agency a ON a.id = o.agency_id
				WHERE o.id = :id
				""").param("d", at).param("id", id).query(OrganizationTree::map).single();
	}

	/**
	 * One entry of an organisation's history: renames, moves, merges, splits,
	 * dissolution.
	 */
	public record HistoryEntry(LocalDate date, String kind, Long relatedId, String relatedName, String detail,
			String decisionRef, String actor) {
	}

	/**
	 * The history of an organisation the caller may see, oldest first, with related
	 * organisations named.
	 */
	public List<HistoryEntry> history(CurrentUser user, long id) {
		if (!visibleEver(user, id)) {
			throw new NotFoundException("organization " + id);
		}
		return this.jdbc.sql("""
				SELECT e.on_date, e.kind, e.related_id,
				       (SELECT n.name FROM organization_name n WHERE n.organization_id = e.related_id
				        ORDER BY (n.valid_from <= e.on_date) DESC, n.valid_from DESC LIMIT 1) AS related_name,
				       e.detail, e.decision_ref, e.actor
				FROM organization_event e WHERE e.organization_id = :id ORDER BY e.on_date, e.id
				""")
			.param("id", id)
			.query((rs, n) -> new HistoryEntry(rs.getObject(1, LocalDate.class), rs.getString(2),
					(Long) rs.getObject(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** A predecessor or successor of an organisation. */
	public record Relative(long id, String name, String kind, LocalDate date) {
	}

	public List<Relative> predecessors(long id) {
		return relatives("predecessor_id", "successor_id", id);
	}

	public List<Relative> successors(long id) {
		return relatives("successor_id", "predecessor_id", id);
	}

	private List<Relative> relatives(String otherColumn, String thisColumn, long id) {
		// column names are two fixed literals chosen above, never user input
		return this.jdbc.sql("""
				SELECT s.%1$s, s.kind, s.on_date,
				       (SELECT n.name FROM organization_name n WHERE n.organization_id = s.%1$s
				        ORDER BY n.valid_from DESC LIMIT 1)
				FROM organization_succession s WHERE s.%2$s = :id ORDER BY s.on_date
				""".formatted(otherColumn, thisColumn))
			.param("id", id)
			.query((rs, n) -> new Relative(rs.getLong(1), rs.getString(4), rs.getString(2),
					rs.getObject(3, LocalDate.class)))
			.list();
	}

	/** Names over time. */
	public record NameVersion(String name, LocalDate validFrom, LocalDate validTo, String decisionRef) {
	}

	public List<NameVersion> names(long id) {
		return this.jdbc.sql("""
				SELECT name, valid_from, valid_to, decision_ref FROM organization_name WHERE organization_id = :id
				ORDER BY valid_from
				""")
			.param("id", id)
			.query((rs, n) -> new NameVersion(rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getString(4)))
			.list();
	}

	static Organization map(ResultSet rs, int row) throws SQLException {
		return new Organization(rs.getLong("id"), rs.getString("name"), OrganizationType.valueOf(rs.getString("type")),
				(Long) rs.getObject("parent_id"), rs.getString("agency_name"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("closed_reason"), rs.getInt("version"));
	}

	/**
	 * The size rules of DOMAIN.md §1.3, read once per request from the rule book for the
	 * date.
	 */
	record RuleSet(Optional<Rule> minFull, Optional<Rule> maxCell) {

		static RuleSet on(RuleBook rules, LocalDate date) {
			return new RuleSet(rules.inForce("organization.party-organization.min-full-members", date),
					rules.inForce("organization.grassroots-cell.max-members", date));
		}

		void flag(TreeNode node) {
			OrganizationType type = node.getOrganization().type();
			MemberCounts counts = node.getSubtree();
			if (type.isCell() && this.minFull.isPresent()) {
				int min = Integer.parseInt(this.minFull.get().value());
				if (counts.fullIncludingExempt() < min) {
					node.flags()
						.add(new TreeNode.RuleFlag("organization.flag.too-few-full-members", this.minFull.get().key(),
								this.minFull.get().sourceDocument(),
								new Object[] { counts.fullIncludingExempt(), min }));
				}
			}
			if (type == OrganizationType.CHI_BO_CO_SO && this.maxCell.isPresent()) {
				int max = Integer.parseInt(this.maxCell.get().value());
				if (counts.total() >= max) {
					node.flags()
						.add(new TreeNode.RuleFlag("organization.flag.grassroots-cell-too-large",
								this.maxCell.get().key(), this.maxCell.get().sourceDocument(),
								new Object[] { counts.total(), max }));
				}
			}
		}

	}

}
