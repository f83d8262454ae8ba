package vn.capuy.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Pages of the document register: the register with search and filters (the same handler
 * answers htmx with the results), a document's page with recipients, attachments and
 * exports, the issue form, and the study sessions of a document.
 */
@Controller
class DocumentController {

	private final Documents documents;

	private final Attachments attachments;

	private final StudySessions study;

	private final Today today;

	private final Messages messages;

	private final DocumentTerms terms;

	DocumentController(Documents documents, Attachments attachments, StudySessions study, Today today,
			Messages messages, DocumentTerms terms) {
		this.terms = terms;
		this.documents = documents;
		this.attachments = attachments;
		this.study = study;
		this.today = today;
		this.messages = messages;
	}

	@GetMapping("/documents")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Direction direction,
			@RequestParam(required = false) DocumentType type, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		CurrentUser user = CurrentUser.get();
		Page<DocumentListItem> result = this.documents.search(user,
				new Documents.Query(q, direction, type, year, Page.page(page), Page.size(size)));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("direction", direction);
		model.addAttribute("type", type);
		model.addAttribute("year", year);
		model.addAttribute("today", this.today.date());
		model.addAttribute("directions", Direction.values());
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("years", this.documents.years(user));
		return htmx != null ? "document/list :: results" : "document/list";
	}

	@GetMapping("/documents/{id}")
	String document(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("d", this.documents.get(user, id));
		model.addAttribute("recipients", this.documents.recipients(user, id));
		model.addAttribute("attachments", this.attachments.list(user, id));
		model.addAttribute("today", this.today.date());
		model.addAttribute("statuses", List.of(DocumentStatus.REPLACED, DocumentStatus.EXPIRED));
		model.addAttribute("organizations", this.study.organizations(user, this.today.date()));
		return "document/document";
	}

	@GetMapping("/documents/new")
	String newForm(Model model) {
		DocumentForm form = new DocumentForm();
		form.setIssuedOn(this.today.date());
		return form(form, model);
	}

	@PostMapping("/documents")
	String issue(@ModelAttribute("form") DocumentForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(400);
			String field = binding.getFieldErrors().isEmpty() ? "form" : binding.getFieldErrors().get(0).getField();
			model.addAttribute("error",
					this.messages.describe(new InvalidInputException(field, "error.value.format",
							String.valueOf(binding.getFieldErrors().isEmpty() ? ""
									: binding.getFieldErrors().get(0).getRejectedValue()))));
			return form(form, model);
		}
		try {
			Documents.Issued issued = this.documents.issue(CurrentUser.get(), form.toRequest());
			redirect.addFlashAttribute("done", "document.done.issued");
			redirect.addFlashAttribute("doneArg", issued.symbol());
			return "redirect:/documents/" + issued.id();
		}
		catch (InvalidInputException | RuleViolationException ex) {
			response.setStatus(ex instanceof InvalidInputException ? 400 : 409);
			model.addAttribute("error", describe(ex));
			return form(form, model);
		}
	}

	private String form(DocumentForm form, Model model) {
		CurrentUser user = CurrentUser.get();
		LocalDate on = form.getIssuedOn() != null ? form.getIssuedOn() : this.today.date();
		model.addAttribute("form", form);
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("marks", Secrecy.values());
		model.addAttribute("organizations", this.study.organizations(user, on));
		return "document/form";
	}

	@GetMapping("/documents/received/new")
	String receiveForm(Model model) {
		LocalDate on = this.today.date();
		return receiveForm(new Documents.ReceiveRequest(null, null, null, null, null, null, null, Secrecy.NONE, null,
				on, null, null, null), model);
	}

	/**
	 * Enters a received document in the incoming register: arrival number and due date.
	 */
	@PostMapping("/documents/received")
	String receive(@RequestParam(required = false) String symbol, @RequestParam(required = false) DocumentType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) String issuerName, @RequestParam(required = false) String title,
			@RequestParam(required = false) String summary, @RequestParam(required = false) String signerName,
			@RequestParam(required = false) Secrecy secrecy, @RequestParam(required = false) Long receiverOrgId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivalDate,
			@RequestParam(required = false) String handlerName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Documents.ReceiveRequest request = new Documents.ReceiveRequest(symbol, type, issuedOn, issuerName, title,
				summary, signerName, secrecy, receiverOrgId, arrivalDate, handlerName, dueDate, null);
		try {
			CurrentUser user = CurrentUser.get();
			long id = this.documents.receive(user, request);
			redirect.addFlashAttribute("done", "document.done.received");
			redirect.addFlashAttribute("doneArg", this.documents.find(user, id).arrivalNumber());
			return "redirect:/documents/" + id;
		}
		catch (InvalidInputException | RuleViolationException ex) {
			response.setStatus(ex instanceof InvalidInputException ? 400 : 409);
			model.addAttribute("error", describe(ex));
			return receiveForm(request, model);
		}
	}

	private String receiveForm(Documents.ReceiveRequest form, Model model) {
		CurrentUser user = CurrentUser.get();
		LocalDate on = form.arrivalDate() != null ? form.arrivalDate() : this.today.date();
		model.addAttribute("form", form);
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("marks", Secrecy.values());
		model.addAttribute("organizations", this.study.organizations(user, on));
		return "document/receive";
	}

	/**
	 * The numbering periods of an issuer: its terms and congresses, and the form to
	 * declare a congress.
	 */
	@GetMapping("/documents/terms")
	String terms(@RequestParam(required = false) Long organizationId, Model model) {
		CurrentUser user = CurrentUser.get();
		List<vn.capuy.organization.Organization> organizations = this.study.organizations(user, this.today.date());
		Long chosen = organizationId != null ? organizationId
				: organizations.isEmpty() ? null : organizations.get(0).id();
		model.addAttribute("organizations", organizations);
		model.addAttribute("organizationId", chosen);
		model.addAttribute("terms", chosen == null ? List.of() : this.terms.list(user, chosen));
		return "document/terms";
	}

	@PostMapping("/documents/terms")
	String declareCongress(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opening,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closing,
			@RequestParam(required = false) String label, RedirectAttributes redirect) {
		try {
			if (organizationId == null) {
				throw new InvalidInputException("issuerOrgId", "error.required");
			}
			this.terms.declareCongress(CurrentUser.get(), organizationId, opening, closing, label);
			redirect.addFlashAttribute("done", "document.done.congress");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", describe(ex));
		}
		return "redirect:/documents/terms" + (organizationId == null ? "" : "?organizationId=" + organizationId);
	}

	@PostMapping("/documents/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
		try {
			this.attachments.attach(CurrentUser.get(), id, file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("done", "document.done.attached");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "redirect:/documents/" + id;
	}

	@GetMapping("/documents/{id}/attachments/{attachmentId}")
	org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		Attachments.Content content = this.attachments.content(CurrentUser.get(), id, attachmentId);
		return DocumentApi.file(content.bytes(), content.kind().contentType(), content.fileName());
	}

	@PostMapping("/documents/{id}/recipients")
	String send(@PathVariable long id, @RequestParam(name = "organizationIds", required = false) List<Long> orgs,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sentOn,
			RedirectAttributes redirect) {
		try {
			if (orgs == null || orgs.isEmpty()) {
				throw new InvalidInputException("recipientOrgIds", "error.required");
			}
			this.documents.send(CurrentUser.get(), id, orgs, sentOn);
			redirect.addFlashAttribute("done", "document.done.sent");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", describe(ex));
		}
		return "redirect:/documents/" + id;
	}

	@PostMapping("/documents/{id}/handled")
	String handled(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate handledOn,
			RedirectAttributes redirect) {
		try {
			this.documents.markHandled(CurrentUser.get(), id, handledOn);
			redirect.addFlashAttribute("done", "document.done.handled");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", describe(ex));
		}
		return "redirect:/documents/" + id;
	}

	@PostMapping("/documents/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) DocumentStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate statusOn,
			@RequestParam(required = false) String statusReason, RedirectAttributes redirect) {
		try {
			this.documents.close(CurrentUser.get(), id, status, statusOn, statusReason);
			redirect.addFlashAttribute("done", "document.done.closed");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", describe(ex));
		}
		return "redirect:/documents/" + id;
	}

	@GetMapping("/documents/{id}/study")
	String study(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			Model model) {
		CurrentUser user = CurrentUser.get();
		DocumentRecord d = this.documents.find(user, id);
		StudySessions.Report report = this.study.report(user, id, asOf);
		model.addAttribute("d", d);
		model.addAttribute("report", report);
		model.addAttribute("sessions", this.study.sessions(user, id));
		LocalDate day = heldOn != null ? heldOn : report.asOf();
		model.addAttribute("heldOn", day);
		model.addAttribute("organizations", this.study.organizations(user, day));
		model.addAttribute("organizationId", organizationId);
		if (organizationId != null && heldOn != null) {
			model.addAttribute("roll", this.study.roll(user, organizationId, heldOn));
		}
		return "document/study";
	}

	@PostMapping("/documents/{id}/study")
	String recordSession(@PathVariable long id, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(name = "absent", required = false) List<Long> absent, @RequestParam Map<String, String> all,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		Map<Long, String> absences = new HashMap<>();
		if (absent != null) {
			for (Long memberId : absent) {
				absences.put(memberId, all.get("reason-" + memberId));
			}
		}
		try {
			this.study.record(CurrentUser.get(), id, organizationId, heldOn, absences, note);
			redirect.addFlashAttribute("done", "document.done.session");
			return "redirect:/documents/" + id + "/study";
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", describe(ex));
			return "redirect:/documents/" + id + "/study" + (organizationId != null && heldOn != null
					? "?organizationId=" + organizationId + "&heldOn=" + heldOn : "");
		}
	}

	private String describe(RuntimeException ex) {
		return ex instanceof InvalidInputException invalid ? this.messages.describe(invalid)
				: this.messages.describe((RuleViolationException) ex);
	}

}
