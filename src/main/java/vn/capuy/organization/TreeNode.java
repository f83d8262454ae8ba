package vn.capuy.organization;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of the tree on a date, with the members of its whole subtree by status and the
 * rules it breaks.
 */
public final class TreeNode {

	private final Organization organization;

	private final List<TreeNode> children = new ArrayList<>();

	private MemberCounts own = MemberCounts.ZERO;

	private MemberCounts subtree = MemberCounts.ZERO;

	private final List<RuleFlag> flags = new ArrayList<>();

	TreeNode(Organization organization) {
		this.organization = organization;
	}

	/**
	 * A rule the organisation breaks on the date, with the rule's key, its source
	 * document and the numbers.
	 */
	public record RuleFlag(String messageKey, String ruleKey, String sourceDocument, Object[] arguments) {
	}

	public Organization getOrganization() {
		return this.organization;
	}

	/** The children in name order (read-only: trees are shared between requests). */
	public List<TreeNode> getChildren() {
		return java.util.Collections.unmodifiableList(this.children);
	}

	List<TreeNode> children() {
		return this.children;
	}

	public MemberCounts getOwn() {
		return this.own;
	}

	public MemberCounts getSubtree() {
		return this.subtree;
	}

	public List<RuleFlag> getFlags() {
		return java.util.Collections.unmodifiableList(this.flags);
	}

	List<RuleFlag> flags() {
		return this.flags;
	}

	void setOwn(MemberCounts own) {
		this.own = own;
	}

	void setSubtree(MemberCounts subtree) {
		this.subtree = subtree;
	}

	/** Number of organisations in this subtree, this one included. */
	public int size() {
		int n = 1;
		for (TreeNode child : this.children) {
			n += child.size();
		}
		return n;
	}

	public int flaggedCount() {
		int n = this.flags.isEmpty() ? 0 : 1;
		for (TreeNode child : this.children) {
			n += child.flaggedCount();
		}
		return n;
	}

}
