package vn.capuy.massorg;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.SentForm;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Pages of the mass organisations: the list of the scope on a date, one unit with its
 * leaders, counts, decisions and candidates, the candidates proposed for admission, and
 * the forms that record them. A write that succeeds redirects back (post, redirect, get);
 * a refused one shows its page again with the form as typed and the message next to the
 * field.
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

	/** No form refused: every page of this controller finds an empty one. */
	@ModelAttribute(SentForm.ATTRIBUTE)
	SentForm sent() {
		return SentForm.NONE;
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
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model,
			RedirectAttributes redirect) {
		return act("create", model, redirect, "/mass-organizations", () -> {
			if (organizationId == null) {
				throw new InvalidInputException("organizationId", "error.required");
			}
			this.massOrganizations.create(CurrentUser.get(), organizationId, kind, name, validFrom);
		}, () -> list(asOf, model));
	}

	@PostMapping("/mass-organizations/{id}/leaders")
	String leader(@PathVariable long id, @RequestParam(required = false) String fullName,
			@RequestParam(required = false) Long memberId, @RequestParam(required = false) LeaderTitle title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String decisionRef,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model,
			RedirectAttributes redirect) {
		return act(
				"leader", model, redirect, "/mass-organizations/" + id, () -> this.massOrganizations
					.addLeader(CurrentUser.get(), id, fullName, memberId, title, validFrom, decisionRef),
				() -> unit(id, asOf, model));
	}

	@PostMapping("/mass-organizations/{id}/counts")
	String count(@PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer members,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model,
			RedirectAttributes redirect) {
		return act("count", model, redirect, "/mass-organizations/" + id, () -> {
			if (year == null) {
				throw new InvalidInputException("year", "error.required");
			}
			if (members == null) {
				throw new InvalidInputException("members", "error.required");
			}
			this.massOrganizations.recordCount(CurrentUser.get(), id, year, members);
		}, () -> unit(id, asOf, model));
	}

	@PostMapping("/mass-organizations/{id}/decisions")
	String decision(@PathVariable long id, @RequestParam(required = false) String symbol,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) String decisionSubject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model,
			RedirectAttributes redirect) {
		return act("decision", model, redirect, "/mass-organizations/" + id,
				() -> this.massOrganizations.recordDecision(CurrentUser.get(), id, symbol, issuedOn, decisionSubject),
				() -> unit(id, asOf, model));
	}

	@PostMapping("/mass-organizations/{id}/candidates")
	String candidate(@PathVariable long id, @RequestParam(required = false) String fullName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate proposedOn,
			@RequestParam(required = false) String note,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model,
			RedirectAttributes redirect) {
		return act(
				"candidate", model, redirect, "/mass-organizations/" + id, () -> this.massOrganizations
					.proposeCandidate(CurrentUser.get(), id, fullName, dateOfBirth, proposedOn, note),
				() -> unit(id, asOf, model));
	}

	/**
	 * Runs a write. On success flashes the done message and redirects to the target. On
	 * bad input (400) or a refused rule (409) shows the form's page again: the form as
	 * typed, the message at the top and next to the field it names; nothing is saved.
	 */
	private String act(String form, Model model, RedirectAttributes redirect, String target, Runnable action,
			java.util.function.Supplier<String> page) {
		try {
			action.run();
			redirect.addFlashAttribute("done", "massorg.done.saved");
			return "redirect:" + target;
		}
		catch (InvalidInputException ex) {
			return refused(form, ex.field(), this.messages.describe(ex), HttpStatus.BAD_REQUEST, model, page);
		}
		catch (RuleViolationException ex) {
			return refused(form, null, this.messages.describe(ex), HttpStatus.CONFLICT, model, page);
		}
	}

	private String refused(String form, String field, String message, HttpStatus status, Model model,
			java.util.function.Supplier<String> page) {
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder
			.currentRequestAttributes();
		java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
		attributes.getRequest().getParameterMap().forEach((name, sent) -> {
			if (!"_csrf".equals(name)) {
				values.put(name, sent.length == 0 ? "" : sent[0]);
			}
		});
		HttpServletResponse response = attributes.getResponse();
		if (response != null) {
			response.setStatus(status.value());
		}
		model.addAttribute("error", message);
		model.addAttribute(SentForm.ATTRIBUTE, new SentForm(form, values, field, message));
		return page.get();
	}

}
