package vn.capuy.committee;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.Messages;
import vn.capuy.system.Page;
import vn.capuy.system.Today;

/**
 * Committees over JSON: an organisation's committee on a date, terms and positions,
 * assignments, who follows an organisation, a member's positions, regulations, warnings
 * and the leadership coverage of the caller's scope.
 */
@RestController
class CommitteeApi {

	private final Committees committees;

	private final Assignments assignments;

	private final Regulations regulations;

	private final CommitteeWarnings warnings;

	private final LeadershipCoverage coverage;

	private final Messages messages;

	private final Today today;

	CommitteeApi(Committees committees, Assignments assignments, Regulations regulations, CommitteeWarnings warnings,
			LeadershipCoverage coverage, Messages messages, Today today) {
		this.committees = committees;
		this.assignments = assignments;
		this.regulations = regulations;
		this.warnings = warnings;
		this.coverage = coverage;
		this.messages = messages;
		this.today = today;
	}

	/** A position in the API, with its title in the caller's language. */
	record PositionItem(long id, long organizationId, String position, String title, long memberId, String memberName,
			LocalDate validFrom, LocalDate validTo, FilledBy filledBy, String decisionRef, String closedReason) {
	}

	private PositionItem item(HeldPosition p) {
		return new PositionItem(p.id(), p.organizationId(), p.position().name(),
				this.messages.get("committee.position." + p.position().name()), p.memberId(), p.memberName(),
				p.validFrom(), p.validTo(), p.filledBy(), p.decisionRef(), p.closedReason());
	}

	private LocalDate date(LocalDate asOf) {
		return asOf != null ? asOf : this.today.date();
	}

	@GetMapping("/api/v1/organizations/{id}/committee")
	Map<String, Object> committee(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		LocalDate d = date(asOf);
		CurrentUser user = CurrentUser.get();
		Committees.CommitteeView view = this.committees.committee(user, id, d);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organizationId", view.organization().id());
		body.put("organizationName", view.organization().name());
		body.put("asOf", d);
		body.put("term", view.term());
		List<PositionItem> items = view.positions().stream().map(this::item).toList();
		body.put("positions", items);
		body.put("executiveSize", view.executiveSize());
		body.put("warnings",
				this.warnings.of(user, id, d)
					.stream()
					.map((w) -> Map.of("key", w.messageKey(), "message", this.messages.get(w.messageKey(), w.args())))
					.toList());
		body.put("terms", view.terms());
		return body;
	}

	@PostMapping("/api/v1/organizations/{id}/terms")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> openTerm(@PathVariable long id, @RequestBody Committees.NewTerm request) {
		return Map.of("id", this.committees.openTerm(CurrentUser.get(), id, request));
	}

	@PostMapping("/api/v1/organizations/{id}/positions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> recordPosition(@PathVariable long id, @RequestBody Committees.NewPosition request) {
		return Map.of("id", this.committees.recordPosition(CurrentUser.get(), id, request));
	}

	/** A dated closure with its reason. */
	record CloseRequest(LocalDate date, String reason) {
	}

	@PostMapping("/api/v1/positions/{id}/close")
	Map<String, Object> closePosition(@PathVariable long id, @RequestBody CloseRequest request) {
		this.committees.closePosition(CurrentUser.get(), id, request.date(), request.reason());
		return Map.of("id", id);
	}

	@GetMapping("/api/v1/members/{id}/positions")
	Map<String, Object> positionsOf(@PathVariable long id) {
		List<PositionItem> items = this.committees.positionsOf(CurrentUser.get(), id).stream().map(this::item).toList();
		return page(items);
	}

	@GetMapping("/api/v1/assignments")
	Map<String, Object> assignments(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Long organizationId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<Assignments.Assignment> all = this.assignments.on(CurrentUser.get(), date(asOf), organizationId);
		int p = Page.page(page);
		int s = Page.size(size);
		List<Assignments.Assignment> slice = all.stream().skip((long) p * s).limit(s).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", slice);
		body.put("total", all.size());
		body.put("page", p);
		body.put("size", s);
		body.put("asOf", date(asOf));
		return body;
	}

	@PostMapping("/api/v1/organizations/{id}/assignments")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> assign(@PathVariable long id, @RequestBody Assignments.NewAssignment request) {
		return Map.of("id", this.assignments.assign(CurrentUser.get(), id, request));
	}

	@GetMapping("/api/v1/assignments/coverage")
	Assignments.Coverage assignmentCoverage(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.assignments.coverage(CurrentUser.get(), date(asOf));
	}

	@GetMapping("/api/v1/organizations/{id}/follower")
	Map<String, Object> follower(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organizationId", id);
		body.put("asOf", date(asOf));
		body.put("follower", this.assignments.followerOf(CurrentUser.get(), id, date(asOf)).orElse(null));
		return body;
	}

	@GetMapping("/api/v1/organizations/{id}/regulations")
	Map<String, Object> regulations(@PathVariable long id) {
		return page(this.regulations.of(CurrentUser.get(), id));
	}

	@PostMapping("/api/v1/organizations/{id}/regulations")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> adopt(@PathVariable long id, @RequestBody Regulations.NewRegulation request) {
		// the file comes separately: POST /api/v1/regulations/{id}/attachment
		Regulations.NewRegulation withoutFile = new Regulations.NewRegulation(request.kind(), request.counterpart(),
				request.counterpartName(), request.symbol(), request.title(), request.adoptedOn(), null, null, null,
				request.documentId());
		return Map.of("id", this.regulations.adopt(CurrentUser.get(), id, withoutFile));
	}

	/**
	 * Attaches a regulation's document: the request body is the file, its kind read from
	 * the content (PDF, DOCX, PNG, JPEG); a regulation's file is never replaced.
	 */
	@PostMapping(path = "/api/v1/regulations/{id}/attachment", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> attach(@PathVariable long id, @RequestParam(required = false) String fileName,
			@RequestBody(required = false) byte[] content) {
		vn.capuy.document.AttachmentKind kind = this.regulations.attach(CurrentUser.get(), id, fileName, content);
		return Map.of("id", id, "kind", kind.name(), "contentType", kind.contentType());
	}

	@GetMapping("/api/v1/regulations/{id}/attachment")
	ResponseEntity<byte[]> attachment(@PathVariable long id) {
		Regulations.Attachment file = this.regulations.attachment(CurrentUser.get(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.bytes());
	}

	/**
	 * Ends a regulation on a date with a reason (e.g. the party delegation it coordinated
	 * with was ended).
	 */
	@PostMapping("/api/v1/regulations/{id}/close")
	Map<String, Object> closeRegulation(@PathVariable long id, @RequestBody CloseRequest request) {
		this.regulations.close(CurrentUser.get(), id, request.date(), request.reason());
		return Map.of("id", id);
	}

	/** A review of a regulation. */
	record ReviewRequest(LocalDate reviewedOn, String outcome) {
	}

	@PostMapping("/api/v1/regulations/{id}/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> review(@PathVariable long id, @RequestBody ReviewRequest request) {
		this.regulations.review(CurrentUser.get(), id, request.reviewedOn(), request.outcome());
		return Map.of("id", id);
	}

	@GetMapping("/api/v1/committee-warnings")
	Map<String, Object> warnings(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		List<Map<String, Object>> items = this.warnings.all(CurrentUser.get(), date(asOf)).stream().map((w) -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("organizationId", w.organizationId());
			m.put("organizationName", w.organizationName());
			m.put("key", w.messageKey());
			m.put("ruleKey", w.ruleKey());
			m.put("source", w.sourceDocument());
			m.put("message", this.messages.get(w.messageKey(), w.args()));
			return m;
		}).toList();
		return page(items);
	}

	@GetMapping("/api/v1/leadership-coverage")
	Map<String, Object> coverage(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		LeadershipCoverage.Report report = this.coverage.report(CurrentUser.get(), date(asOf));
		int p = Page.page(page);
		int s = Page.size(size == null ? Page.MAX_SIZE : size);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", report.rows().stream().skip((long) p * s).limit(s).toList());
		body.put("total", report.rows().size());
		body.put("page", p);
		body.put("size", s);
		body.put("asOf", report.asOf());
		body.put("totals", report.totals());
		return body;
	}

	private static Map<String, Object> page(List<?> items) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("total", items.size());
		body.put("page", 0);
		body.put("size", items.size());
		return body;
	}

}
