package vn.capuy.inspection;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.fee.Remittances;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Pages of inspection work: the year's programmes, cases and published conclusions; a
 * programme with its progress and reports; a case with its stages, attachments,
 * disciplines and complaints. Forms post, redirect and show the rule that refused them.
 */
@Controller
class InspectionController {

	private final Inspections inspections;

	private final Disciplines disciplines;

	private final OrganizationTree tree;

	private final Messages messages;

	private final Today today;

	private final Remittances remittances;

	InspectionController(Inspections inspections, Disciplines disciplines, OrganizationTree tree, Messages messages,
			Today today, Remittances remittances) {
		this.remittances = remittances;
		this.inspections = inspections;
		this.disciplines = disciplines;
		this.tree = tree;
		this.messages = messages;
		this.today = today;
	}

	@GetMapping("/inspection")
	String index(@RequestParam(required = false) Integer year, Model model) {
		CurrentUser user = CurrentUser.get();
		int y = year != null ? year : this.today.date().getYear();
		model.addAttribute("year", y);
		model.addAttribute("programmes", this.inspections.programmes(user, y));
		model.addAttribute("published", this.inspections.published(user, y));
		boolean privileged = Inspections.privileged(user);
		model.addAttribute("privileged", privileged);
		model.addAttribute("cases", privileged ? this.inspections.list(user, y, null) : List.of());
		model.addAttribute("decisions", privileged ? this.disciplines.ofYear(user, y) : List.of());
		model.addAttribute("mayWork", privileged || user.has(vn.capuy.identity.Role.SECRETARY));
		formOptions(model, user);
		return "inspection/index";
	}

	@PostMapping("/inspection/programmes")
	String adopt(@RequestParam long organizationId, @RequestParam DecidingBody body, @RequestParam int year,
			@RequestParam String title,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
			@RequestParam(required = false) Integer supervisionMinPercent,
			@RequestParam(required = false) Integer supervisionMaxPercent, RedirectAttributes redirect) {
		return attempt(redirect, "/inspection?year=" + year, () -> {
			long id = this.inspections.adopt(CurrentUser.get(), organizationId, body, year, title, adoptedOn,
					supervisionMinPercent, supervisionMaxPercent);
			return "/inspection/programmes/" + id;
		});
	}

	@GetMapping("/inspection/programmes/{id}")
	String programme(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Inspections.Programme p = this.inspections.programme(user, id);
		model.addAttribute("programme", p);
		boolean open = this.inspections.mayOpen(user, p.organizationId());
		model.addAttribute("open", open);
		if (open) {
			LocalDate on = this.today.date();
			model.addAttribute("items", this.inspections.items(user, id));
			model.addAttribute("progress", this.inspections.progress(user, id, on));
			model.addAttribute("halfYear", this.inspections.report(user, p.organizationId(),
					LocalDate.of(p.year(), 1, 1), LocalDate.of(p.year(), 6, 30)));
			model.addAttribute("yearEnd", this.inspections.report(user, p.organizationId(),
					LocalDate.of(p.year(), 1, 1), LocalDate.of(p.year(), 12, 31)));
		}
		model.addAttribute("kinds", CaseKind.values());
		return "inspection/programme";
	}

	@PostMapping("/inspection/programmes/{id}/items")
	String addItem(@PathVariable long id, @RequestParam CaseKind kind,
			@RequestParam(required = false) Long subjectMemberId,
			@RequestParam(required = false) Long subjectOrganizationId, @RequestParam String content,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedFrom,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedTo,
			@RequestParam String method, RedirectAttributes redirect) {
		String back = "/inspection/programmes/" + id;
		return attempt(redirect, back, () -> {
			this.inspections.addItem(CurrentUser.get(), id, kind, subjectMemberId, subjectOrganizationId, content,
					plannedFrom, plannedTo, method);
			return back;
		});
	}

	@PostMapping("/inspection/cases")
	String open(@RequestParam long handlingOrganizationId, @RequestParam DecidingBody body, @RequestParam CaseKind kind,
			@RequestParam(required = false) Long subjectMemberId,
			@RequestParam(required = false) Long subjectOrganizationId, @RequestParam String content,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
			@RequestParam String decisionRef, @RequestParam(required = false) Long programmeItemId,
			RedirectAttributes redirect) {
		return attempt(redirect, "/inspection",
				() -> "/inspection/cases/" + this.inspections.open(CurrentUser.get(),
						new Inspections.NewCase(handlingOrganizationId, body, kind, subjectMemberId,
								subjectOrganizationId, content, openedOn, decisionRef, programmeItemId)));
	}

	@GetMapping("/inspection/cases/{id}")
	String caseFile(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Inspections.Case c = this.inspections.get(user, id);
		model.addAttribute("c", c);
		model.addAttribute("steps", this.inspections.steps(user, id));
		model.addAttribute("attachments", this.inspections.attachments(user, id));
		List<Disciplines.Decision> decisions = this.disciplines.ofCase(user, id);
		Map<Long, List<Disciplines.Complaint>> complaints = new LinkedHashMap<>();
		for (Disciplines.Decision d : decisions) {
			complaints.put(d.id(), this.disciplines.complaints(user, d.id()));
		}
		model.addAttribute("decisions", decisions);
		model.addAttribute("complaints", complaints);
		model.addAttribute("stages", CaseStage.values());
		model.addAttribute("forms", DisciplineForm.values());
		model.addAttribute("areas", ViolationArea.values());
		model.addAttribute("standings", SubjectStanding.values());
		model.addAttribute("outcomes", ComplaintOutcome.values());
		if (c.kind() == CaseKind.FINANCE) {
			// a finance inspection reads the fee ledger of the last closed year before
			// it opened (fee ledgers are not confidential; their scope rules apply)
			long org = c.subjectOrganizationId() != null ? c.subjectOrganizationId() : c.handlingOrganizationId();
			int year = c.openedOn().getYear() - 1;
			try {
				model.addAttribute("finance", this.remittances.report(user, org, year, null));
				model.addAttribute("financeYear", year);
			}
			catch (NotFoundException ex) {
				// the organisation is outside the caller's scope for fees: nothing shown
			}
		}
		formOptions(model, user);
		return "inspection/case";
	}

	@PostMapping("/inspection/cases/{id}/advance")
	String advance(@PathVariable long id, @RequestParam CaseStage stage,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String documentRef, @RequestParam(required = false) String note,
			@RequestParam(required = false) String conclusion, @RequestParam(defaultValue = "false") boolean publish,
			RedirectAttributes redirect) {
		String back = "/inspection/cases/" + id;
		return attempt(redirect, back, () -> {
			this.inspections.advance(CurrentUser.get(), id, stage, date, documentRef, note, conclusion, publish);
			return back;
		});
	}

	@PostMapping("/inspection/cases/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
		String back = "/inspection/cases/" + id;
		return attempt(redirect, back, () -> {
			try {
				this.inspections.attach(CurrentUser.get(), id, file.getOriginalFilename(), file.getContentType(),
						file.getBytes());
			}
			catch (IOException ex) {
				throw new InvalidInputException("file", "error.request");
			}
			return back;
		});
	}

	@GetMapping("/inspection/cases/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		Map.Entry<Inspections.Attachment, byte[]> a = this.inspections.attachment(CurrentUser.get(), id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.getKey().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(a.getKey().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(a.getValue());
	}

	@PostMapping("/inspection/cases/{id}/decisions")
	String decide(@PathVariable long id, @RequestParam long decidingOrganizationId, @RequestParam DecidingBody body,
			@RequestParam(required = false) Long memberId, @RequestParam(required = false) Long subjectOrganizationId,
			@RequestParam(required = false) SubjectStanding standing, @RequestParam ViolationArea area,
			@RequestParam String violationSummary,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate violationDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate violationEndedOn,
			@RequestParam DisciplineForm form,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
			@RequestParam String documentRef, @RequestParam int eligibleVoters, @RequestParam int votesFor,
			@RequestParam(defaultValue = "0") int votesAgainst,
			@RequestParam(defaultValue = "false") Boolean delegatedAdmission, RedirectAttributes redirect) {
		String back = "/inspection/cases/" + id;
		return attempt(redirect, back, () -> {
			Disciplines.Decided d = this.disciplines.decide(CurrentUser.get(),
					new Disciplines.DecisionRequest(id, decidingOrganizationId, body, memberId, subjectOrganizationId,
							standing, area, violationSummary, violationDate, violationEndedOn, List.of(), form,
							decisionDate, effectiveDate, documentRef, eligibleVoters, votesFor, votesAgainst,
							delegatedAdmission));
			List<String> warnings = new ArrayList<>();
			d.warnings().forEach((w) -> warnings.add(this.messages.get(w)));
			redirect.addFlashAttribute("warnings", warnings);
			return back;
		});
	}

	@GetMapping("/inspection/decisions/{id}")
	String decision(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Disciplines.Decision d = this.disciplines.decision(user, id);
		model.addAttribute("d", d);
		model.addAttribute("caseId", this.disciplines.caseOf(id));
		model.addAttribute("complaints", this.disciplines.complaints(user, id));
		model.addAttribute("outcomes", ComplaintOutcome.values());
		model.addAttribute("milder",
				java.util.Arrays.stream(DisciplineForm.values())
					.filter((f) -> f.milderThan(d.form()) && DisciplineForm.forSubject(d.subjectKind()).contains(f))
					.toList());
		formOptions(model, user);
		return "inspection/decision";
	}

	@PostMapping("/inspection/decisions/{id}/complaints")
	String complain(@PathVariable long id, @RequestParam long handlingOrganizationId, @RequestParam DecidingBody body,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam String grounds, RedirectAttributes redirect) {
		String back = "/inspection/decisions/" + id;
		return attempt(redirect, back, () -> {
			this.disciplines.complain(CurrentUser.get(), id, handlingOrganizationId, body, receivedOn, grounds);
			return back;
		});
	}

	@PostMapping("/inspection/complaints/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam long decisionId,
			@RequestParam(required = false) ComplaintOutcome outcome,
			@RequestParam(required = false) DisciplineForm reducedForm,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
			@RequestParam(required = false) String outcomeRef, RedirectAttributes redirect) {
		String back = "/inspection/decisions/" + decisionId;
		return attempt(redirect, back, () -> {
			Disciplines.Complaint c = this.disciplines.resolve(CurrentUser.get(), id, outcome,
					outcome == ComplaintOutcome.REDUCED ? reducedForm : null, decidedOn, outcomeRef);
			return "/inspection/decisions/" + c.decisionId();
		});
	}

	private void formOptions(Model model, CurrentUser user) {
		model.addAttribute("organizations",
				this.tree.list(user, this.today.date())
					.stream()
					.sorted(java.util.Comparator.comparing(vn.capuy.organization.Organization::name,
							vn.capuy.system.VietnameseText.collator()))
					.toList());
		model.addAttribute("bodies", DecidingBody.values());
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("today", this.today.date());
	}

	private String attempt(RedirectAttributes redirect, String back, Supplier<String> action) {
		try {
			String target = action.get();
			redirect.addFlashAttribute("done", "inspection.saved");
			return "redirect:" + target;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		return "redirect:" + back;
	}

}
