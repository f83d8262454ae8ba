package vn.capuy.directive;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.NotFoundException;

/**
 * Who may see and do what in this module, decided in SQL from the caller's scope: a
 * committee's records are seen by those who see the committee and by the organisations
 * below it (they report on them); an organisation's report only by those who see the
 * organisation. Outside scope answers 404; a role that may not act answers 403.
 */
@Component
class DirectiveScope {

	/**
	 * SQL condition: the caller sees some organisation of the owner's subtree
	 * ({@code :roots}, {@code :global} bound).
	 */
	static final String PARTICIPATES = """
			(CAST(:global AS boolean) OR EXISTS (SELECT 1 FROM organization_closure c
			        WHERE c.ancestor_id = %s
			          AND c.descendant_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)))
			""";

	/** SQL condition: the caller sees the organisation. */
	static final String SEES = "(CAST(:global AS boolean) OR %s IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v))";

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	DirectiveScope(JdbcClient jdbc, OrganizationTree tree) {
		this.jdbc = jdbc;
		this.tree = tree;
	}

	static String participates(String column) {
		return PARTICIPATES.formatted(column);
	}

	static String sees(String column) {
		return SEES.formatted(column);
	}

	/** Whether the caller sees the organisation; a global caller sees every one. */
	boolean sees(CurrentUser user, long organizationId) {
		return user.global() || this.tree.visibleEver(user, organizationId);
	}

	boolean participates(CurrentUser user, long ownerId) {
		if (user.global()) {
			return true;
		}
		return this.jdbc.sql("SELECT " + participates(":owner"))
			.param("owner", ownerId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Boolean.class)
			.single();
	}

	/** The committee's staff and leaders, seeing the committee. */
	void requireCommittee(CurrentUser user, long ownerId) {
		if (!sees(user, ownerId)) {
			throw new NotFoundException("organization " + ownerId);
		}
		if (!(user.has(Role.OFFICE) || user.has(Role.ORGANIZATION_BOARD) || user.has(Role.LEADER))) {
			throw new AccessDeniedException("committee work");
		}
	}

	/** Whether the caller acts for the committee (may accept and return reports). */
	boolean actsForCommittee(CurrentUser user, long ownerId) {
		return sees(user, ownerId)
				&& (user.has(Role.OFFICE) || user.has(Role.ORGANIZATION_BOARD) || user.has(Role.LEADER));
	}

	/** Someone who writes for the organisation (its secretary, clerk, or the office). */
	void requireReporter(CurrentUser user, long organizationId) {
		if (!sees(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		if (!user.editsRegister()) {
			throw new AccessDeniedException("reports");
		}
	}

	/** The scope of a committee itself, to count its subtree whoever asks. */
	static CurrentUser ownerScope(long ownerId) {
		return new CurrentUser(0, "scope", "scope", Set.of(), Set.of(ownerId), false, "NONE");
	}

	/**
	 * The grassroots organisations under the owner on the date that the caller sees: the
	 * ones that report.
	 */
	List<Organization> reporters(CurrentUser user, long ownerId, LocalDate date) {
		Set<Long> visible = new java.util.HashSet<>();
		if (!user.global()) {
			for (Organization org : this.tree.list(user, date)) {
				visible.add(org.id());
			}
		}
		return this.tree.list(ownerScope(ownerId), date)
			.stream()
			.filter((o) -> o.type().isGrassroots() && (user.global() || visible.contains(o.id())))
			.sorted((a, b) -> vn.capuy.system.VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
	}

	/** The committees above grassroots the caller sees on the date (owners of plans). */
	List<Organization> committees(CurrentUser user, LocalDate date) {
		return this.tree.list(user, date)
			.stream()
			.filter((o) -> o.type() == vn.capuy.organization.OrganizationType.DANG_BO_CAP_TREN_CO_SO
					|| o.type() == vn.capuy.organization.OrganizationType.DANG_BO_CO_SO)
			.sorted((a, b) -> vn.capuy.system.VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
	}

	/**
	 * Names of the organisations of the owner's subtree on each date asked, one tree read
	 * per date; an organisation not found there gets its name on the date, or its latest.
	 */
	java.util.function.BiFunction<Long, LocalDate, String> names(long ownerId) {
		java.util.Map<LocalDate, java.util.Map<Long, String>> byDate = new java.util.HashMap<>();
		return (org, date) -> {
			java.util.Map<Long, String> names = byDate.computeIfAbsent(date, (d) -> {
				java.util.Map<Long, String> map = new java.util.HashMap<>();
				this.tree.list(ownerScope(ownerId), d).forEach((o) -> map.put(o.id(), o.name()));
				return map;
			});
			String name = names.get(org);
			return name != null ? name : name(org, date);
		};
	}

	/** An organisation's name on a date, or its latest name. */
	String name(long organizationId, LocalDate date) {
		// scoped to the organisation itself: one closure lookup instead of the whole tree
		return this.tree.find(ownerScope(organizationId), organizationId, date)
			.orElseGet(() -> this.tree.getLatestVisible(CurrentUser.system(), organizationId))
			.name();
	}

}
