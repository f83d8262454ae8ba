package vn.capuy.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.MemberCounts;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.organization.TreeNode;
import vn.capuy.system.AlertSource;
import vn.capuy.system.DataVersion;
import vn.capuy.system.HomeAlert;

/**
 * The figures of the home page for the caller's scope on a date: organisations by type,
 * members by status, and the alerts (rules broken today; later modules add reports due,
 * meetings not held, deadlines near).
 */
@Service
public class HomeFigures {

	private final OrganizationTree tree;

	private final List<AlertSource> sources;

	private final DataVersion.Cache<Key, Figures> kept;

	HomeFigures(OrganizationTree tree, List<AlertSource> sources, DataVersion versions,
			@Value("${capuy.summaries.cached-scopes:256}") int cachedScopes) {
		this.tree = tree;
		this.sources = sources;
		this.kept = versions.cache(cachedScopes);
	}

	/** What the figures depend on: the scope and the date (not the user). */
	record Key(List<Long> roots, boolean global, LocalDate date) {
	}

	/** An alert: what is wrong, where, with the rule's source. */
	public record Alert(long organizationId, String organizationName, TreeNode.RuleFlag flag) {
	}

	/** The figures of one scope on one date. */
	public record Figures(LocalDate date, Map<OrganizationType, Integer> organizationsByType, int organizations,
			MemberCounts members, List<Alert> alerts, List<HomeAlert> moduleAlerts) {
	}

	/**
	 * The figures of the caller's scope on the date, kept in memory under the data
	 * version ({@link DataVersion}): computed again after any write anywhere, never
	 * stale.
	 */
	public Figures on(CurrentUser user, LocalDate date) {
		List<Long> roots = Arrays.stream(user.scope().roots()).sorted().toList();
		return this.kept.get(new Key(roots, user.scope().global(), date), () -> compute(user, date));
	}

	private Figures compute(CurrentUser user, LocalDate date) {
		List<TreeNode> roots = this.tree.tree(user, date);
		Map<OrganizationType, Integer> byType = new EnumMap<>(OrganizationType.class);
		List<Alert> alerts = new ArrayList<>();
		MemberCounts members = MemberCounts.ZERO;
		for (TreeNode root : roots) {
			walk(root, byType, alerts);
			members = members.plus(root.getSubtree());
		}
		int organizations = byType.values().stream().mapToInt(Integer::intValue).sum();
		List<HomeAlert> moduleAlerts = new ArrayList<>();
		for (AlertSource source : this.sources) {
			moduleAlerts.addAll(source.alerts(user.scope(), date));
		}
		moduleAlerts.sort(java.util.Comparator.comparing(HomeAlert::severity)
			.thenComparing(HomeAlert::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		return new Figures(date, Collections.unmodifiableMap(byType), organizations, members,
				Collections.unmodifiableList(alerts), Collections.unmodifiableList(moduleAlerts));
	}

	private void walk(TreeNode node, Map<OrganizationType, Integer> byType, List<Alert> alerts) {
		byType.merge(node.getOrganization().type(), 1, Integer::sum);
		for (TreeNode.RuleFlag flag : node.getFlags()) {
			alerts.add(new Alert(node.getOrganization().id(), node.getOrganization().name(), flag));
		}
		for (TreeNode child : node.getChildren()) {
			walk(child, byType, alerts);
		}
	}

}
