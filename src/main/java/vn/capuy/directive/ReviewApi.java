package vn.capuy.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Page;
import vn.capuy.system.Today;

/**
 * Reviews over JSON: the list, one review with its outline and submissions, the
 * organisations' review reports and their steps, the drafted report and its DOCX and
 * XLSX, and the DOCX drafted as a background job (its progress and its stored file).
 */
@RestController
@RequestMapping("/api/v1")
class ReviewApi {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Reviews reviews;

	private final ReviewReport report;

	private final ReviewReportJobs jobs;

	private final Today today;

	ReviewApi(Reviews reviews, ReviewReport report, ReviewReportJobs jobs, Today today) {
		this.reviews = reviews;
		this.report = report;
		this.jobs = jobs;
		this.today = today;
	}

	/** A review in a list. */
	record Item(long id, String title, String status, ReviewKind kind, LocalDate periodFrom, LocalDate periodTo,
			LocalDate dueOn) {
	}

	@GetMapping("/reviews")
	Page<Item> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.reviews.list(CurrentUser.get(), Page.page(page), Page.size(size))
			.map((r) -> new Item(r.id(), r.title(), r.status(), r.kind(), r.periodFrom(), r.periodTo(), r.dueOn()));
	}

	@PostMapping("/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> open(@RequestBody Reviews.NewReview input) {
		return Map.of("id", this.reviews.open(CurrentUser.get(), input));
	}

	@GetMapping("/reviews/{id}")
	Map<String, Object> get(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		Reviews.Review review = this.reviews.get(user, id);
		return Map.of("review", review, "outline", this.reviews.outline(id), "submissions",
				this.reviews.submissions(user, id).stream().map(ReviewApi::summary).toList());
	}

	private static Map<String, Object> summary(Reviews.Submission s) {
		return Map.of("id", s.id(), "organizationId", s.organizationId(), "organizationName", s.organizationName(),
				"status", s.status(), "submittedOn", String.valueOf(s.submittedOn()));
	}

	@GetMapping("/reviews/{id}/draft")
	ReviewReport.Draft draft(@PathVariable long id) {
		return this.report.draft(CurrentUser.get(), id);
	}

	record DraftEdit(String text, Integer basedOn) {
	}

	@PutMapping("/reviews/{id}/draft/{sectionId}")
	Map<String, Object> saveDraft(@PathVariable long id, @PathVariable long sectionId, @RequestBody DraftEdit edit) {
		int version = this.reviews.saveDraft(CurrentUser.get(), id, sectionId, edit.text(),
				edit.basedOn() == null ? 0 : edit.basedOn());
		return Map.of("sectionId", sectionId, "version", version);
	}

	@GetMapping("/reviews/{id}/report.docx")
	ResponseEntity<byte[]> docx(@PathVariable long id) {
		return file(this.report.docx(CurrentUser.get(), id), DOCX, "bao-cao-" + id + ".docx");
	}

	/**
	 * Starts drafting the report's DOCX in the background: 202 with the job id (the
	 * running one's if the review is being drafted already).
	 */
	@PostMapping("/reviews/{id}/report-jobs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> startDrafting(@PathVariable long id) {
		return Map.of("id", this.jobs.start(CurrentUser.get(), id));
	}

	/** A drafting run: status, progress and, when DONE, the download URL of its file. */
	@GetMapping("/report-jobs/{id}")
	ReviewReportJobs.Job draftingJob(@PathVariable long id) {
		return this.jobs.job(CurrentUser.get(), id);
	}

	/** The DOCX a finished drafting run wrote. */
	@GetMapping("/report-jobs/{id}/report.docx")
	ResponseEntity<byte[]> draftedFile(@PathVariable long id) {
		ReviewReportJobs.StoredFile file = this.jobs.file(CurrentUser.get(), id);
		return file(file.content(), DOCX, file.name());
	}

	@GetMapping("/reviews/{id}/report.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		return file(this.report.xlsx(CurrentUser.get(), id), XLSX, "phu-luc-" + id + ".xlsx");
	}

	@GetMapping("/reviews/{id}/conclusions.docx")
	ResponseEntity<byte[]> conclusions(@PathVariable long id) {
		return file(this.report.conclusionsNotice(CurrentUser.get(), id), DOCX, "thong-bao-ket-luan-" + id + ".docx");
	}

	static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	// ---- organisations' review reports

	record OpenSubmission(Long organizationId) {
	}

	@PostMapping("/reviews/{id}/submissions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> openSubmission(@PathVariable long id, @RequestBody OpenSubmission input) {
		if (input.organizationId() == null) {
			throw new InvalidInputException("organizationId", "error.required");
		}
		return Map.of("id", this.reviews.openSubmission(CurrentUser.get(), id, input.organizationId()));
	}

	@GetMapping("/review-submissions/{id}")
	Reviews.Submission submission(@PathVariable long id) {
		return this.reviews.submission(CurrentUser.get(), id);
	}

	record SaveSubmission(Map<Long, String> texts, Map<Long, BigDecimal> values, Integer version) {
	}

	@PutMapping("/review-submissions/{id}")
	Map<String, Object> save(@PathVariable long id, @RequestBody SaveSubmission input) {
		if (input.version() == null) {
			throw new InvalidInputException("version", "error.required");
		}
		this.reviews.saveSubmission(CurrentUser.get(), id, input.texts() == null ? Map.of() : input.texts(),
				input.values() == null ? Map.of() : input.values(), input.version());
		return Map.of("id", id);
	}

	record Decision(LocalDate date, String comment) {
	}

	@PostMapping("/review-submissions/{id}/submit")
	Map<String, Object> submit(@PathVariable long id, @RequestBody(required = false) Decision input) {
		this.reviews.submit(CurrentUser.get(), id, date(input));
		return status(id);
	}

	@PostMapping("/review-submissions/{id}/accept")
	Map<String, Object> accept(@PathVariable long id, @RequestBody(required = false) Decision input) {
		this.reviews.accept(CurrentUser.get(), id, date(input));
		return status(id);
	}

	@PostMapping("/review-submissions/{id}/return")
	Map<String, Object> returnSubmission(@PathVariable long id, @RequestBody(required = false) Decision input) {
		this.reviews.returnForCorrection(CurrentUser.get(), id, date(input), input == null ? null : input.comment());
		return status(id);
	}

	private Map<String, Object> status(long id) {
		return Map.of("id", id, "status", this.reviews.submission(CurrentUser.get(), id).status());
	}

	private LocalDate date(Decision input) {
		return input != null && input.date() != null ? input.date() : this.today.date();
	}

	@GetMapping("/reviews/{id}/conference")
	Object conference(@PathVariable long id) {
		Reviews.Conference conference = this.reviews.conference(CurrentUser.get(), id);
		return conference == null ? Map.of() : conference;
	}

}
