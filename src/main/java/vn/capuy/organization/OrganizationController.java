package vn.capuy.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Pages of the organisation tree: the tree on any date, an organisation's page with its
 * history, and the forms of the restructuring operations (post, redirect, get).
 */
@Controller
class OrganizationController {

	private final OrganizationTree tree;

	private final Organizations organizations;

	private final Today today;

	OrganizationController(OrganizationTree tree, Organizations organizations, Today today) {
		this.tree = tree;
		this.organizations = organizations;
		this.today = today;
	}

	@GetMapping("/organizations")
	String tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		List<TreeNode> roots = this.tree.tree(CurrentUser.get(), date);
		MemberCounts total = roots.stream().map(TreeNode::getSubtree).reduce(MemberCounts.ZERO, MemberCounts::plus);
		model.addAttribute("asOf", date);
		model.addAttribute("roots", roots);
		model.addAttribute("total", total);
		model.addAttribute("organizationCount", roots.stream().mapToInt(TreeNode::size).sum());
		model.addAttribute("flaggedCount", roots.stream().mapToInt(TreeNode::flaggedCount).sum());
		return "organization/tree";
	}

	/**
	 * The children of one node of the tree (htmx loads them when the node is opened, so
	 * the tree page renders two levels, not thousands of organisations).
	 */
	@GetMapping("/organizations/{id}/children")
	String children(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		CurrentUser user = CurrentUser.get();
		this.tree.get(user, id, date);
		TreeNode node = findNode(this.tree.tree(user, date), id);
		model.addAttribute("nodes", node == null ? List.of() : node.getChildren());
		model.addAttribute("asOf", date);
		return "organization/tree :: children";
	}

	@GetMapping("/organizations/{id}")
	String organization(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		CurrentUser user = CurrentUser.get();
		LocalDate date = asOf != null ? asOf : this.today.date();
		Organization org = this.tree.find(user, id, date).orElseGet(() -> this.tree.getLatestVisible(user, id));
		LocalDate shownOn = org.activeOn(date) ? date
				: (org.validTo() != null ? org.validTo().minusDays(1) : org.validFrom());
		List<TreeNode> subtree = this.tree.tree(user, shownOn);
		TreeNode node = findNode(subtree, id);
		model.addAttribute("org", org);
		model.addAttribute("asOf", date);
		model.addAttribute("shownOn", shownOn);
		model.addAttribute("active", org.activeOn(date));
		model.addAttribute("node", node);
		model.addAttribute("parent",
				org.parentId() == null ? null : this.tree.find(user, org.parentId(), shownOn).orElse(null));
		model.addAttribute("names", this.tree.names(id));
		model.addAttribute("history", this.tree.history(user, id));
		model.addAttribute("predecessors", this.tree.predecessors(id));
		model.addAttribute("successors", this.tree.successors(id));
		model.addAttribute("types", OrganizationType.values());
		model.addAttribute("possibleParents",
				this.tree.list(user, shownOn)
					.stream()
					.filter((o) -> o.id() != id && org.type().mayBeUnder(o.type()))
					.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
					.toList());
		model.addAttribute("siblings",
				this.tree.list(user, shownOn)
					.stream()
					.filter((o) -> o.id() != id && o.type() == org.type()
							&& java.util.Objects.equals(o.parentId(), org.parentId()))
					.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
					.toList());
		return "organization/organization";
	}

	@PostMapping("/organizations/{id}/children")
	String createChild(@PathVariable long id, @RequestParam OrganizationType type, @RequestParam String name,
			@RequestParam(required = false) String agencyName,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String decisionRef, RedirectAttributes redirect) {
		long child = this.organizations.create(CurrentUser.get(),
				new Organizations.NewOrganization(type, name, id, agencyName), date, decisionRef);
		redirect.addFlashAttribute("done", "organization.done.created");
		return "redirect:/organizations/" + child + "?asOf=" + date;
	}

	@PostMapping("/organizations/{id}/rename")
	String rename(@PathVariable long id, @RequestParam String name,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String decisionRef, RedirectAttributes redirect) {
		this.organizations.rename(CurrentUser.get(), id, name, date, decisionRef);
		redirect.addFlashAttribute("done", "organization.done.renamed");
		return "redirect:/organizations/" + id + "?asOf=" + date;
	}

	@PostMapping("/organizations/{id}/move")
	String move(@PathVariable long id, @RequestParam long parentId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String decisionRef, RedirectAttributes redirect) {
		this.organizations.move(CurrentUser.get(), id, parentId, date, decisionRef);
		redirect.addFlashAttribute("done", "organization.done.moved");
		return "redirect:/organizations/" + id + "?asOf=" + date;
	}

	@PostMapping("/organizations/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(name = "with") List<Long> with, @RequestParam String name,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String decisionRef, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.get();
		Organization org = this.tree.get(user, id, date);
		List<Long> all = new ArrayList<>();
		all.add(id);
		with.stream().filter((w) -> w != id).forEach(all::add);
		long successor = this.organizations.merge(user, all,
				new Organizations.NewOrganization(org.type(), name, org.parentId(), null), date, decisionRef);
		redirect.addFlashAttribute("done", "organization.done.merged");
		return "redirect:/organizations/" + successor + "?asOf=" + date;
	}

	@PostMapping("/organizations/{id}/split")
	String split(@PathVariable long id, @RequestParam String names,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String decisionRef, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.get();
		Organization org = this.tree.get(user, id, date);
		List<Organizations.NewOrganization> parts = Arrays.stream(names.split("\\R"))
			.map(String::strip)
			.filter((n) -> !n.isEmpty())
			.map((n) -> new Organizations.NewOrganization(org.type(), n, org.parentId(), null))
			.toList();
		if (parts.size() < 2) {
			throw new InvalidInputException("names", "error.organization.split.parts");
		}
		List<Long> ids = this.organizations.split(user, id, parts, null, null, date, decisionRef);
		redirect.addFlashAttribute("done", "organization.done.split");
		return "redirect:/organizations/" + ids.get(0) + "?asOf=" + date;
	}

	@PostMapping("/organizations/{id}/dissolve")
	String dissolve(@PathVariable long id, @RequestParam String reason,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String decisionRef, RedirectAttributes redirect) {
		this.organizations.dissolve(CurrentUser.get(), id, date, reason, decisionRef);
		redirect.addFlashAttribute("done", "organization.done.dissolved");
		return "redirect:/organizations/" + id + "?asOf=" + date.minusDays(1);
	}

	private static TreeNode findNode(List<TreeNode> nodes, long id) {
		for (TreeNode node : nodes) {
			if (node.getOrganization().id() == id) {
				return node;
			}
			TreeNode found = findNode(node.getChildren(), id);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
