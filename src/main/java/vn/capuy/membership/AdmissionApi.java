package vn.capuy.membership;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.Page;

/**
 * The member lifecycle over JSON: admissions with their transitions, member imports with
 * their progress, and the member-change statistics.
 */
@RestController
class AdmissionApi {

	private final Admissions admissions;

	private final MemberImports imports;

	private final MemberStatistics statistics;

	private final Messages messages;

	AdmissionApi(Admissions admissions, MemberImports imports, MemberStatistics statistics, Messages messages) {
		this.admissions = admissions;
		this.imports = imports;
		this.statistics = statistics;
		this.messages = messages;
	}

	/** A candidate in a list, with its next deadline. */
	record Item(Long id, Long memberId, String fullName, long organizationId, String organizationName,
			AdmissionState state, LocalDate nextDeadline, String deadlineKind, boolean overdue) {
	}

	@GetMapping("/api/v1/admissions")
	Page<Item> list(@RequestParam(required = false) AdmissionState state, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		int p = Page.page(page);
		int s = Page.size(size);
		List<Admissions.BoardItem> all = this.admissions.list(CurrentUser.get().scope(), state);
		List<Item> items = all.stream()
			.skip((long) p * s)
			.limit(s)
			.map((i) -> new Item(i.admissionId(), i.memberId(), i.fullName(), i.organizationId(), i.organizationName(),
					i.state(), i.next() == null ? null : i.next().due(), i.next() == null ? null : i.next().kind(),
					i.overdue()))
			.toList();
		return new Page<>(items, all.size(), p, s, true);
	}

	@GetMapping("/api/v1/admissions/{id}")
	Admission get(@PathVariable long id) {
		return this.admissions.get(CurrentUser.get(), id);
	}

	@PostMapping("/api/v1/admissions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> identify(@RequestBody Admissions.NewCandidate candidate) {
		return Map.of("id", this.admissions.identify(CurrentUser.get(), candidate));
	}

	@PostMapping("/api/v1/admissions/{id}/transitions")
	Map<String, Object> transition(@PathVariable long id, @RequestBody Admissions.TransitionRequest request) {
		this.admissions.transition(CurrentUser.get(), id, request);
		return Map.of("id", id, "state", this.admissions.get(CurrentUser.get(), id).state());
	}

	/** A form attached to the file. */
	record FormRequest(String form, LocalDate date, String reference) {
	}

	@PostMapping("/api/v1/admissions/{id}/forms")
	Map<String, Object> attach(@PathVariable long id, @RequestBody FormRequest request) {
		this.admissions.attach(CurrentUser.get(), id, AdmissionForm.of(request.form()), request.date(),
				request.reference());
		return Map.of("id", id);
	}

	/** An introducer. */
	record IntroducerRequest(Long memberId, LocalDate togetherSince) {
	}

	@PostMapping("/api/v1/admissions/{id}/introducers")
	Map<String, Object> introducer(@PathVariable long id, @RequestBody IntroducerRequest request) {
		if (request.memberId() == null) {
			throw new InvalidInputException("memberId", "error.required");
		}
		this.admissions.addIntroducer(CurrentUser.get(), id, request.memberId(), request.togetherSince());
		return Map.of("id", id);
	}

	/** A dated fact: certificate, Youth Union resolution, recognition vote. */
	record DateRequest(LocalDate date, Boolean passed) {
	}

	@PostMapping("/api/v1/admissions/{id}/certificate")
	Map<String, Object> certificate(@PathVariable long id, @RequestBody DateRequest request) {
		this.admissions.recordCertificate(CurrentUser.get(), id, request.date());
		return Map.of("id", id);
	}

	@PostMapping("/api/v1/admissions/{id}/youth-union-resolution")
	Map<String, Object> youthUnion(@PathVariable long id, @RequestBody DateRequest request) {
		this.admissions.recordYouthUnionResolution(CurrentUser.get(), id, request.date());
		return Map.of("id", id);
	}

	@PostMapping("/api/v1/admissions/{id}/recognition-votes")
	Map<String, Object> vote(@PathVariable long id, @RequestBody DateRequest request) {
		this.admissions.recognitionVote(CurrentUser.get(), id, request.date(),
				request.passed() != null && request.passed());
		return Map.of("id", id);
	}

	@PostMapping(path = "/api/v1/imports/members", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> importMembers(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String mapping, @RequestParam(required = false) Boolean perRow,
			@RequestParam(required = false) Long organizationId) throws IOException {
		long id = this.imports.start(CurrentUser.get(), file.getOriginalFilename(), file.getBytes(),
				MemberImports.parseMapping(mapping), perRow != null && perRow, organizationId);
		return Map.of("id", id);
	}

	@GetMapping("/api/v1/imports/{id}")
	MemberImports.Progress importProgress(@PathVariable long id) {
		return this.imports.progress(CurrentUser.get(), id);
	}

	@GetMapping("/api/v1/imports/{id}/errors")
	ResponseEntity<byte[]> importErrors(@PathVariable long id) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(this.imports.errorReport(CurrentUser.get(), id));
	}

	@GetMapping("/api/v1/statistics/member-changes")
	Map<String, Long> memberChanges(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long organizationId) {
		return this.statistics.memberChanges(CurrentUser.get(), organizationId, from, to);
	}

	@GetMapping("/api/v1/statistics/forms/{code}")
	List<MemberStatistics.Line> form(@PathVariable String code,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long organizationId) {
		return this.statistics.form(CurrentUser.get(), code, organizationId, from, to);
	}

	@ExceptionHandler(AdmissionBlocked.class)
	ResponseEntity<ProblemDetail> blocked(AdmissionBlocked ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, this.messages.describe(ex));
		problem.setTitle(this.messages.get("error.title.refused"));
		problem.setProperty("rule", ex.rule());
		problem.setProperty("source", ex.source());
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
