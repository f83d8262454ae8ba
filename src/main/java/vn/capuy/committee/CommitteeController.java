package vn.capuy.committee;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.SentForm;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Pages of the committees: the dashboard of the scope, the warnings, an organisation's
 * committee with its terms, positions, assignments and regulations, the assignments with
 * their coverage, the editable lists (fields, checklists), the yearly self-check, a
 * member's positions and an organisation's follower (both also as htmx fragments). A
 * write that succeeds redirects back (post, redirect, get); a refused one shows its page
 * again with the form as typed and the message next to the field.
 */
@Controller
class CommitteeController {

	private final Committees committees;

	private final Assignments assignments;

	private final Regulations regulations;

	private final FunctionChecklists checklists;

	private final CommitteeWarnings warnings;

	private final LeadershipCoverage coverage;

	private final OrganizationTree tree;

	private final Members members;

	private final Messages messages;

	private final Today today;

	CommitteeController(Committees committees, Assignments assignments, Regulations regulations,
			FunctionChecklists checklists, CommitteeWarnings warnings, LeadershipCoverage coverage,
			OrganizationTree tree, Members members, Messages messages, Today today) {
		this.committees = committees;
		this.assignments = assignments;
		this.regulations = regulations;
		this.checklists = checklists;
		this.warnings = warnings;
		this.coverage = coverage;
		this.tree = tree;
		this.members = members;
		this.messages = messages;
		this.today = today;
	}

	private LocalDate date(LocalDate asOf) {
		return asOf != null ? asOf : this.today.date();
	}

	/** No form refused: every page of this controller finds an empty one. */
	@ModelAttribute(SentForm.ATTRIBUTE)
	SentForm sent() {
		return SentForm.NONE;
	}

	@GetMapping("/committees")
	String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate d = date(asOf);
		CurrentUser user = CurrentUser.get();
		model.addAttribute("asOf", d);
		model.addAttribute("report", this.coverage.report(user, d));
		model.addAttribute("warningCount", this.warnings.all(user, d).size());
		return "committee/dashboard";
	}

	@GetMapping("/committees/warnings")
	String warnings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate d = date(asOf);
		model.addAttribute("asOf", d);
		model.addAttribute("warnings", this.warnings.all(CurrentUser.get(), d));
		return "committee/warnings";
	}

	@GetMapping("/committees/organizations/{id}")
	String organization(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate d = date(asOf);
		CurrentUser user = CurrentUser.get();
		Committees.CommitteeView view = this.committees.committee(user, id, d);
		Organization org = view.organization();
		model.addAttribute("asOf", d);
		model.addAttribute("view", view);
		model.addAttribute("org", org);
		model.addAttribute("warnings", this.warnings.of(user, id, d));
		model.addAttribute("history", this.committees.history(user, id));
		model.addAttribute("assignments", this.assignments.on(user, d, id));
		model.addAttribute("follower", this.assignments.followerOf(user, id, d).orElse(null));
		model.addAttribute("regulations", this.regulations.of(user, id));
		model.addAttribute("agencyHead", this.regulations.agencyHeadPeriods(user, id));
		model.addAttribute("positions",
				java.util.Arrays.stream(Position.values()).filter((p) -> p.allowedIn(org.type())).toList());
		model.addAttribute("fields", this.assignments.fields(true));
		model.addAttribute("kinds", Regulations.Kind.values());
		model.addAttribute("counterparts", Regulations.Counterpart.values());
		model.addAttribute("subordinates",
				this.tree.list(user, d)
					.stream()
					.filter((o) -> o.parentId() != null && o.parentId() == id && o.type() != OrganizationType.TO_DANG)
					.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
					.toList());
		model.addAttribute("executives",
				view.positions()
					.stream()
					.filter((p) -> p.position().executive())
					.collect(java.util.stream.Collectors.toMap(HeldPosition::memberId, HeldPosition::memberName,
							(a, b) -> a, java.util.LinkedHashMap::new)));
		if (user.editsRegister() && org.activeOn(d)) {
			var page = this.members.search(user, new Members.Query(null, id, null, d, 0, 500));
			model.addAttribute("candidates", page.total() <= 500 ? page.items() : List.<MemberListItem>of());
		}
		return "committee/organization";
	}

	@PostMapping("/committees/organizations/{id}/terms")
	String openTerm(@PathVariable long id, @RequestParam(required = false) Integer number, @RequestParam String label,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate congressDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedEnd,
			@RequestParam(required = false) String openedBy, @RequestParam(required = false) String decisionRef,
			Model model, RedirectAttributes redirect) {
		return act("term", model, redirect, back(id, congressDate), "committee.done.term",
				() -> this.committees.openTerm(CurrentUser.get(), id,
						new Committees.NewTerm(number, label, congressDate, plannedEnd, openedBy, decisionRef)),
				() -> organization(id, pageDate(), model));
	}

	@PostMapping("/committees/organizations/{id}/positions")
	String recordPosition(@PathVariable long id, @RequestParam(required = false) Position position,
			@RequestParam(required = false) Long memberId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) FilledBy filledBy, @RequestParam(required = false) String decisionRef,
			Model model, RedirectAttributes redirect) {
		return act("position", model, redirect, back(id, validFrom), "committee.done.position",
				() -> this.committees.recordPosition(CurrentUser.get(), id,
						new Committees.NewPosition(position, memberId, validFrom, null, filledBy, decisionRef)),
				() -> organization(id, pageDate(), model));
	}

	@PostMapping("/committees/positions/{positionId}/close")
	String closePosition(@PathVariable long positionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		HeldPosition position = this.committees.position(CurrentUser.get(), positionId);
		return act("close-position-" + positionId, model, redirect, back(position.organizationId(), date),
				"committee.done.closed",
				() -> this.committees.closePosition(CurrentUser.get(), positionId, date, reason),
				() -> organization(position.organizationId(), pageDate(), model));
	}

	@PostMapping("/committees/organizations/{id}/assignments")
	String assign(@PathVariable long id, @RequestParam(required = false) Long memberId,
			@RequestParam(required = false) String fieldCode,
			@RequestParam(required = false) Long followedOrganizationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String decisionRef, Model model, RedirectAttributes redirect) {
		return act("assignment", model, redirect, back(id, validFrom), "committee.done.assignment",
				() -> this.assignments.assign(CurrentUser.get(), id,
						new Assignments.NewAssignment(memberId,
								fieldCode == null || fieldCode.isBlank() ? null : fieldCode, followedOrganizationId,
								validFrom, decisionRef)),
				() -> organization(id, pageDate(), model));
	}

	@PostMapping("/committees/organizations/{id}/assignments/{kind}/{assignmentId}/close")
	String closeAssignment(@PathVariable long id, @PathVariable String kind, @PathVariable long assignmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		return act("close-assignment-" + kind + assignmentId, model, redirect, back(id, date), "committee.done.closed",
				() -> this.assignments.close(CurrentUser.get(), kind, assignmentId, date, reason),
				() -> organization(id, pageDate(), model));
	}

	@PostMapping("/committees/organizations/{id}/regulations")
	String adopt(@PathVariable long id, @RequestParam(required = false) Regulations.Kind kind,
			@RequestParam(required = false) Regulations.Counterpart counterpart,
			@RequestParam(required = false) String counterpartName, @RequestParam(required = false) String symbol,
			@RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
			@RequestParam(required = false) Long documentId, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		boolean hasFile = file != null && !file.isEmpty();
		Regulations.NewRegulation spec = new Regulations.NewRegulation(kind,
				kind == Regulations.Kind.COORDINATION ? counterpart : null, counterpartName, symbol, title, adoptedOn,
				hasFile ? file.getOriginalFilename() : null, null, hasFile ? file.getBytes() : null, documentId);
		return act("regulation", model, redirect, back(id, adoptedOn), "committee.done.regulation",
				() -> this.regulations.adopt(CurrentUser.get(), id, spec), () -> organization(id, pageDate(), model));
	}

	@PostMapping("/committees/regulations/{regulationId}/review")
	String review(@PathVariable long regulationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn,
			@RequestParam(required = false) String outcome, Model model, RedirectAttributes redirect) {
		Regulations.Regulation regulation = this.regulations.get(CurrentUser.get(), regulationId);
		return act("review-" + regulationId, model, redirect, back(regulation.organizationId(), reviewedOn),
				"committee.done.review",
				() -> this.regulations.review(CurrentUser.get(), regulationId, reviewedOn, outcome),
				() -> organization(regulation.organizationId(), pageDate(), model));
	}

	@GetMapping("/committees/regulations/{regulationId}/attachment")
	ResponseEntity<byte[]> attachment(@PathVariable long regulationId) {
		Regulations.Attachment file = this.regulations.attachment(CurrentUser.get(), regulationId);
		MediaType type = file.type() == null ? MediaType.APPLICATION_OCTET_STREAM
				: MediaType.parseMediaType(file.type());
		return ResponseEntity.ok()
			.contentType(type)
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.name() == null ? "quy-che" : file.name(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(file.bytes());
	}

	@PostMapping("/committees/organizations/{id}/agency-head")
	String agencyHead(@PathVariable long id, @RequestParam(defaultValue = "false") boolean agencyHead,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String decisionRef, Model model, RedirectAttributes redirect) {
		return act("agency-head", model, redirect, back(id, validFrom), "committee.done.agency-head",
				() -> this.regulations.recordAgencyHead(CurrentUser.get(), id, agencyHead, validFrom, decisionRef),
				() -> organization(id, pageDate(), model));
	}

	@GetMapping("/committees/members/{id}/positions")
	String memberPositions(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("memberId", id);
		model.addAttribute("positions", this.committees.positionsOf(CurrentUser.get(), id));
		return htmx != null ? "committee/member-positions :: positions" : "committee/member-positions";
	}

	@GetMapping("/committees/organizations/{id}/follower")
	String follower(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		LocalDate d = date(asOf);
		model.addAttribute("asOf", d);
		model.addAttribute("organizationId", id);
		model.addAttribute("follower", this.assignments.followerOf(CurrentUser.get(), id, d).orElse(null));
		return htmx != null ? "committee/follower :: follower" : "committee/follower";
	}

	@GetMapping("/committees/assignments")
	String assignments(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate d = date(asOf);
		CurrentUser user = CurrentUser.get();
		model.addAttribute("asOf", d);
		model.addAttribute("assignments", this.assignments.on(user, d, null));
		model.addAttribute("coverage", this.assignments.coverage(user, d));
		return "committee/assignments";
	}

	@GetMapping("/committees/fields")
	String fields(Model model) {
		model.addAttribute("fields", this.assignments.fields(false));
		return "committee/fields";
	}

	@PostMapping("/committees/fields")
	String saveField(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer sortOrder, Model model, RedirectAttributes redirect) {
		return act("field", model, redirect, "/committees/fields", "committee.done.field",
				() -> this.assignments.saveField(CurrentUser.get(), code, name, sortOrder), () -> fields(model));
	}

	@PostMapping("/committees/fields/{code}/retire")
	String retireField(@PathVariable String code, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act("retire-" + code, model, redirect, "/committees/fields", "committee.done.field",
				() -> this.assignments.retireField(CurrentUser.get(), code, reason), () -> fields(model));
	}

	@GetMapping("/committees/checklists")
	String checklists(@RequestParam(required = false) OrganizationType type, Model model) {
		OrganizationType t = type != null ? type : OrganizationType.DANG_BO_CO_SO;
		model.addAttribute("type", t);
		model.addAttribute("types", OrganizationType.values());
		model.addAttribute("items", this.checklists.items(t, this.today.date()));
		return "committee/checklists";
	}

	@PostMapping("/committees/checklists")
	String addItem(@RequestParam(required = false) OrganizationType type, @RequestParam(required = false) String text,
			@RequestParam(required = false) Integer sortOrder, @RequestParam(required = false) String sourceDocument,
			@RequestParam(defaultValue = "false") boolean verified, Model model, RedirectAttributes redirect) {
		return act("item", model, redirect, "/committees/checklists?type=" + (type == null ? "" : type.name()),
				"committee.done.checklist", () -> this.checklists.addItem(CurrentUser.get(), type, text, sortOrder,
						sourceDocument, verified, this.today.date()),
				() -> checklists(type, model));
	}

	@PostMapping("/committees/checklists/{itemId}/close")
	String closeItem(@PathVariable long itemId, @RequestParam(required = false) OrganizationType type,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		return act("close-item-" + itemId, model, redirect,
				"/committees/checklists?type=" + (type == null ? "" : type.name()), "committee.done.checklist",
				() -> this.checklists.closeItem(CurrentUser.get(), itemId, this.today.date(), reason),
				() -> checklists(type, model));
	}

	@GetMapping("/committees/organizations/{id}/self-check")
	String selfCheck(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		int y = year != null ? year : this.today.date().getYear();
		CurrentUser user = CurrentUser.get();
		LocalDate on = yearDate(y);
		Organization org = this.tree.find(user, id, on).orElseGet(() -> this.tree.getLatestVisible(user, id));
		model.addAttribute("org", org);
		model.addAttribute("year", y);
		model.addAttribute("answers", this.checklists.selfCheck(user, id, y, on));
		return "committee/self-check";
	}

	@PostMapping("/committees/organizations/{id}/self-check")
	String recordSelfCheck(@PathVariable long id, @RequestParam int year, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		Map<Long, Boolean> done = new HashMap<>();
		Map<Long, String> notes = new HashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("item-")) {
				done.put(Long.parseLong(k.substring(5)), "true".equals(v));
			}
			if (k.startsWith("note-")) {
				notes.put(Long.parseLong(k.substring(5)), v);
			}
		});
		return act("self-check", model, redirect, "/committees/organizations/" + id + "/self-check?year=" + year,
				"committee.done.self-check",
				() -> this.checklists.recordSelfCheck(CurrentUser.get(), id, year, done, notes),
				() -> selfCheck(id, year, model));
	}

	@GetMapping("/committees/not-done")
	String notDone(@RequestParam(required = false) Integer year, Model model) {
		int y = year != null ? year : this.today.date().getYear();
		model.addAttribute("year", y);
		model.addAttribute("items", this.checklists.notDone(CurrentUser.get(), y));
		return "committee/not-done";
	}

	private LocalDate yearDate(int year) {
		LocalDate end = LocalDate.of(year, 12, 31);
		return end.isAfter(this.today.date()) ? this.today.date() : end;
	}

	private static String back(long id, LocalDate date) {
		return "/committees/organizations/" + id + (date == null ? "" : "?asOf=" + date);
	}

	/** The page date a form was sent from (its hidden {@code asOf}), else today. */
	private LocalDate pageDate() {
		String asOf = request().getParameter("asOf");
		try {
			return asOf == null || asOf.isBlank() ? this.today.date() : LocalDate.parse(asOf);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return this.today.date();
		}
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

	/**
	 * Runs a write. On success flashes the done message and redirects to the target. On
	 * bad input (400) or a refused rule (409) shows the form's page again: the form as
	 * typed, the message at the top and next to the field it names; nothing is saved (the
	 * service's transaction rolled back).
	 */
	private String act(String form, Model model, RedirectAttributes redirect, String target, String doneKey,
			Runnable action, java.util.function.Supplier<String> page) {
		try {
			action.run();
			redirect.addFlashAttribute("done", doneKey);
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
		Map<String, String> values = new java.util.LinkedHashMap<>();
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
