package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.Page;
import vn.capuy.system.Today;

/**
 * Inspection cases, discipline decisions and the limitation period over JSON; the same
 * confidentiality as the pages (404 for those who may not open cases).
 */
@RestController
class InspectionApi {

	private final Inspections inspections;

	private final Disciplines disciplines;

	private final Today today;

	InspectionApi(Inspections inspections, Disciplines disciplines, Today today) {
		this.inspections = inspections;
		this.disciplines = disciplines;
		this.today = today;
	}

	/** A case in the list. */
	record CaseItem(long id, CaseKind kind, String subject, CaseStage stage, long organizationId, String organization,
			LocalDate openedOn) {
	}

	@GetMapping("/api/v1/inspection/cases")
	Page<CaseItem> cases(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long organizationId) {
		int y = year != null ? year : this.today.date().getYear();
		List<CaseItem> items = this.inspections.list(CurrentUser.get(), y, organizationId)
			.stream()
			.map((c) -> new CaseItem(c.id(), c.kind(), c.subject(), c.stage(), c.handlingOrganizationId(),
					c.handlingOrganizationName(), c.openedOn()))
			.toList();
		return new Page<>(items, items.size(), 0, items.size(), true);
	}

	@GetMapping("/api/v1/inspection/cases/{id}")
	Map<String, Object> get(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("case", this.inspections.get(user, id));
		body.put("steps", this.inspections.steps(user, id));
		body.put("decisions", this.disciplines.ofCase(user, id));
		return body;
	}

	@PostMapping("/api/v1/inspection/cases")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> open(@RequestBody Inspections.NewCase request) {
		return Map.of("id", this.inspections.open(CurrentUser.get(), request));
	}

	@PostMapping("/api/v1/discipline/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> decide(@RequestBody Disciplines.DecisionRequest request) {
		Disciplines.Decided decided = this.disciplines.decide(CurrentUser.get(), request);
		return Map.of("id", decided.id(), "warnings", decided.warnings());
	}

	@GetMapping("/api/v1/discipline/decisions/{id}")
	Map<String, Object> decision(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decision", this.disciplines.decision(user, id));
		body.put("complaints", this.disciplines.complaints(user, id));
		return body;
	}

	/** A complaint as filed against a decision. */
	record ComplaintRequest(Long handlingOrganizationId, DecidingBody body, LocalDate receivedOn, String grounds) {
	}

	@PostMapping("/api/v1/discipline/decisions/{id}/complaints")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> complain(@PathVariable long id, @RequestBody ComplaintRequest request) {
		long complaint = this.disciplines.complain(CurrentUser.get(), id, request.handlingOrganizationId(),
				request.body(), request.receivedOn(), request.grounds());
		return Map.of("id", complaint);
	}

	/**
	 * The decision on a complaint: outcome, the milder form if reduced, date, document.
	 */
	record OutcomeRequest(ComplaintOutcome outcome, DisciplineForm reducedForm, LocalDate decidedOn,
			String outcomeRef) {
	}

	@PostMapping("/api/v1/discipline/complaints/{id}/outcome")
	Disciplines.Complaint resolve(@PathVariable long id, @RequestBody OutcomeRequest request) {
		return this.disciplines.resolve(CurrentUser.get(), id, request.outcome(), request.reducedForm(),
				request.decidedOn(), request.outcomeRef());
	}

	/**
	 * The answer of the limitation endpoint; {@code expiresOn} is null when there is no
	 * limit.
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
	record LimitationAnswer(boolean expired, String expiresOn, String rule, String source) {
	}

	@GetMapping("/api/v1/discipline/limitation")
	LimitationAnswer limitation(@RequestParam DisciplineForm form,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate violationDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate violationEndedOn,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) List<LocalDate> laterViolation,
			@RequestParam(required = false) ViolationArea area) {
		Disciplines.Limitation l = this.disciplines.limitation(form, area, violationDate, violationEndedOn,
				laterViolation, decisionDate != null ? decisionDate : this.today.date());
		return new LimitationAnswer(l.expired(), l.expiresOn() == null ? null : l.expiresOn().toString(), l.ruleKey(),
				l.sourceDocument());
	}

}
