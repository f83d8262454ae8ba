package vn.capuy.massorg;

import java.time.LocalDate;
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
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Pages of the mass organisations: the list of the scope on a date, one unit with its
 * leaders, counts, decisions and candidates, the candidates proposed for admission, and
 * the forms that record them (post, redirect, get).
 */
@Controller
class MassOrgController {

	private final MassOrganizations massOrganizations;

	private final OrganizationTree tree;

	private final Messages messages;

	private final Today today;

	MassOrgController(MassOrganizations massOrganizations, OrganizationTree tree, Messages messages, Today today) {
		this.massOrganizations = massOrganizations;
		this.tree = tree;
		this.messages = messages;
		this.today = today;
	}

	@GetMapping("/mass-organizations")
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate d = asOf != null ? asOf : this.today.date();
		CurrentUser user = CurrentUser.get();
		model.addAttribute("asOf", d);
		model.addAttribute("units", this.massOrganizations.list(user, d));
		model.addAttribute("kinds", MassOrgKind.values());
		List<Organization> orgs = this.tree.list(user, d)
			.stream()
			.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
		model.addAttribute("organizations", orgs);
		return "massorg/list";
	}

	@GetMapping("/mass-organizations/candidates")
	String candidates(@RequestParam(required = false) String status, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("candidates", this.massOrganizations.candidates(CurrentUser.get(), status));
		return "massorg/candidates";
	}

	@GetMapping("/mass-organizations/{id}")
	String unit(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate d = asOf != null ? asOf : this.today.date();
		model.addAttribute("asOf", d);
		model.addAttribute("detail", this.massOrganizations.get(CurrentUser.get(), id, d));
		model.addAttribute("titles", LeaderTitle.values());
		return "massorg/unit";
	}

	@PostMapping("/mass-organizations")
	String create(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) MassOrgKind kind,
			@RequestParam(required = false) String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			RedirectAttributes redirect) {
		return act(redirect, "/mass-organizations", () -> {
			if (organizationId == null) {
				throw new InvalidInputException("organizationId", "error.required");
			}
			this.massOrganizations.create(CurrentUser.get(), organizationId, kind, name, validFrom);
		});
	}

	@PostMapping("/mass-organizations/{id}/leaders")
	String leader(@PathVariable long id, @RequestParam(required = false) String fullName,
			@RequestParam(required = false) Long memberId, @RequestParam(required = false) LeaderTitle title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String decisionRef, RedirectAttributes redirect) {
		return act(redirect, "/mass-organizations/" + id, () -> this.massOrganizations.addLeader(CurrentUser.get(), id,
				fullName, memberId, title, validFrom, decisionRef));
	}

	@PostMapping("/mass-organizations/{id}/counts")
	String count(@PathVariable long id, @RequestParam int year, @RequestParam int members,
			RedirectAttributes redirect) {
		return act(redirect, "/mass-organizations/" + id,
				() -> this.massOrganizations.recordCount(CurrentUser.get(), id, year, members));
	}

	@PostMapping("/mass-organizations/{id}/decisions")
	String decision(@PathVariable long id, @RequestParam(required = false) String symbol,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) String subject, RedirectAttributes redirect) {
		return act(redirect, "/mass-organizations/" + id,
				() -> this.massOrganizations.recordDecision(CurrentUser.get(), id, symbol, issuedOn, subject));
	}

	@PostMapping("/mass-organizations/{id}/candidates")
	String candidate(@PathVariable long id, @RequestParam(required = false) String fullName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate proposedOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(redirect, "/mass-organizations/" + id, () -> this.massOrganizations
			.proposeCandidate(CurrentUser.get(), id, fullName, dateOfBirth, proposedOn, note));
	}

	private String act(RedirectAttributes redirect, String target, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", "massorg.done.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		return "redirect:" + target;
	}

}
