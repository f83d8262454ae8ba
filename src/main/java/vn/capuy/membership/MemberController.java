package vn.capuy.membership;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Pages of the member register: the list with search on a date (the same handler answers
 * htmx with the results fragment), the member's file, and the form to register or correct
 * a member.
 */
@Controller
class MemberController {

	/** Organisations offered when the words typed fit several. */
	private static final int CHOICES = 20;

	private final Members members;

	private final OrganizationTree tree;

	private final ReferenceData reference;

	private final Today today;

	private final Messages messages;

	/** Up to this many organisations in scope the list offers them in a drop-down. */
	private final int selectLimit;

	private final MemberFiles files;

	MemberController(Members members, OrganizationTree tree, ReferenceData reference, Today today, Messages messages,
			MemberFiles files, @Value("${capuy.list.organization-select-limit:300}") int selectLimit) {
		this.files = files;
		this.messages = messages;
		this.selectLimit = selectLimit;
		this.members = members;
		this.tree = tree;
		this.reference = reference;
		this.today = today;
	}

	@GetMapping("/members")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) String organization, @RequestParam(required = false) MemberStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		LocalDate date = asOf != null ? asOf : this.today.date();
		CurrentUser user = CurrentUser.get();
		// a scope of a few hundred organisations gets a drop-down list; a bigger one a
		// box
		// where the organisation is found by a word of its name
		boolean picker = this.tree.countVisible(user, date, this.selectLimit) > this.selectLimit;
		if (picker && organizationId == null && organization != null && !organization.isBlank()) {
			List<Organization> found = this.tree.findByName(user, date, organization, CHOICES + 1);
			String typed = VietnameseText.fold(organization).trim();
			List<Organization> exact = found.stream()
				.filter((o) -> VietnameseText.fold(o.name()).equals(typed))
				.toList();
			if (found.size() == 1 || exact.size() == 1) {
				organizationId = (found.size() == 1 ? found : exact).get(0).id();
			}
			else {
				model.addAttribute("organizationChoices", found.stream().limit(CHOICES).toList());
				model.addAttribute("moreChoices", found.size() > CHOICES);
			}
		}
		if (picker && organizationId != null) {
			this.tree.find(user, organizationId, date).ifPresent((o) -> model.addAttribute("organization", o.name()));
		}
		else {
			model.addAttribute("organization", organization);
		}
		Page<MemberListItem> result = this.members.search(user,
				new Members.Query(q, organizationId, status, date, Page.page(page), Page.size(size)));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("status", status);
		model.addAttribute("asOf", date);
		model.addAttribute("statuses", MemberStatus.values());
		model.addAttribute("picker", picker);
		model.addAttribute("organizations", picker ? List.of() : sortedOrganizations(user, date));
		return htmx != null ? "membership/list :: results" : "membership/list";
	}

	@GetMapping("/members/{id}")
	String file(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("m", this.members.get(user, id));
		MemberFileController.fill(model, this.files, user, id);
		return "membership/member";
	}

	@GetMapping("/members/new")
	String newForm(@RequestParam(required = false) Long organizationId, Model model) {
		MemberForm form = new MemberForm();
		form.setOrganizationId(organizationId);
		form.setPlacedOn(this.today.date());
		return form(form, null, model);
	}

	@PostMapping("/members")
	String register(@ModelAttribute("form") MemberForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return badBinding(form, binding, null, model, response);
		}
		try {
			if (form.getOrganizationId() == null) {
				throw new InvalidInputException("organizationId", "error.required");
			}
			long id = this.members.register(CurrentUser.get(), form.toRecord(), form.getOrganizationId(),
					form.getPlacedOn());
			redirect.addFlashAttribute("done", "member.done.registered");
			return "redirect:/members/" + id;
		}
		catch (InvalidInputException | RuleViolationException ex) {
			response.setStatus(ex instanceof InvalidInputException ? 400 : 409);
			model.addAttribute("error", describe(ex));
			return form(form, null, model);
		}
	}

	@GetMapping("/members/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		MemberFile file = this.members.get(CurrentUser.get(), id);
		return form(MemberForm.of(file), id, model);
	}

	@PostMapping("/members/{id}")
	String correct(@PathVariable long id, @ModelAttribute("form") MemberForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return badBinding(form, binding, id, model, response);
		}
		try {
			this.members.correct(CurrentUser.get(), id, form.toRecord(), form.getVersion());
			redirect.addFlashAttribute("done", "member.done.corrected");
			return "redirect:/members/" + id;
		}
		catch (InvalidInputException | RuleViolationException ex) {
			response.setStatus(ex instanceof InvalidInputException ? 400 : 409);
			model.addAttribute("error", describe(ex));
			if (ex instanceof RuleViolationException) {
				model.addAttribute("current", this.members.get(CurrentUser.get(), id));
			}
			return form(form, id, model);
		}
	}

	private String badBinding(MemberForm form, BindingResult binding, Long id, Model model,
			HttpServletResponse response) {
		String field = binding.getFieldErrors().isEmpty() ? "form" : binding.getFieldErrors().get(0).getField();
		response.setStatus(400);
		Object rejected = binding.getFieldErrors().isEmpty() ? "" : binding.getFieldErrors().get(0).getRejectedValue();
		model.addAttribute("error", this.messages
			.describe(new InvalidInputException(field, "error.value.format", String.valueOf(rejected))));
		return form(form, id, model);
	}

	private String describe(RuntimeException ex) {
		return ex instanceof InvalidInputException invalid ? this.messages.describe(invalid)
				: this.messages.describe((RuleViolationException) ex);
	}

	private String form(MemberForm form, Long id, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("form", form);
		model.addAttribute("memberId", id);
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("theories", PoliticalTheory.values());
		model.addAttribute("ethnicities", this.reference.ethnicities());
		model.addAttribute("religions", this.reference.religions());
		model.addAttribute("provinces", this.reference.provinceNames());
		model.addAttribute("cells",
				sortedOrganizations(user, this.today.date()).stream().filter((o) -> o.type().isCell()).toList());
		return "membership/form";
	}

	private List<Organization> sortedOrganizations(CurrentUser user, LocalDate date) {
		return this.tree.list(user, date)
			.stream()
			.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
	}

}
