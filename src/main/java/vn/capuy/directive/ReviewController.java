package vn.capuy.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.Page;
import vn.capuy.system.Today;

/**
 * Pages of reviews: the list, one review with its outline, the organisations' reports and
 * the conference, one organisation's review report, and the drafted report edited section
 * by section.
 */
@Controller
class ReviewController {

	private final Reviews reviews;

	private final ReviewReport report;

	private final Directives directives;

	private final DirectiveScope scope;

	private final DirectiveController forms;

	private final ReviewReportJobs jobs;

	private final Today today;

	ReviewController(Reviews reviews, ReviewReport report, ReviewReportJobs jobs, Directives directives,
			DirectiveScope scope, DirectiveController forms, Today today) {
		this.reviews = reviews;
		this.jobs = jobs;
		this.report = report;
		this.directives = directives;
		this.scope = scope;
		this.forms = forms;
		this.today = today;
	}

	@GetMapping("/reviews")
	String list(@RequestParam(required = false) Integer page, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("page", this.reviews.list(user, Page.page(page), Page.DEFAULT_SIZE));
		model.addAttribute("kinds", ReviewKind.values());
		model.addAttribute("owners", this.scope.committees(user, this.today.date()));
		model.addAttribute("directives", this.directives.list(user, null, 0, Page.MAX_SIZE).items());
		return "directive/reviews";
	}

	@PostMapping("/reviews")
	String open(@RequestParam long ownerId, @RequestParam(required = false) Long directiveId,
			@RequestParam ReviewKind kind, @RequestParam String title,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews",
				() -> "/reviews/" + this.reviews.open(CurrentUser.get(),
						new Reviews.NewReview(ownerId, directiveId, kind, title, periodFrom, periodTo,
								this.today.date(), dueOn, null, null, null, null, null, null, null)));
	}

	@GetMapping("/reviews/{id}")
	String review(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Reviews.Review review = this.reviews.get(user, id);
		model.addAttribute("review", review);
		model.addAttribute("outline", this.reviews.outline(id));
		model.addAttribute("submissions", this.reviews.submissions(user, id));
		model.addAttribute("conference", this.reviews.conference(user, id));
		model.addAttribute("committee", this.scope.actsForCommittee(user, review.ownerId()));
		if (this.scope.sees(user, review.ownerId())) {
			model.addAttribute("drafting", this.jobs.drafting(user, id));
		}
		LocalDate on = review.dueOn().isAfter(this.today.date()) ? this.today.date() : review.periodTo();
		model.addAttribute("organizations", this.scope.reporters(user, review.ownerId(),
				on.isBefore(review.periodFrom()) ? review.periodFrom() : on));
		return "directive/review";
	}

	@PostMapping("/reviews/{id}/header")
	String header(@PathVariable long id, @RequestParam(required = false) String superior, @RequestParam String issuer,
			@RequestParam(required = false) String symbol, @RequestParam(required = false) String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDate,
			@RequestParam(required = false) String signer, @RequestParam(required = false) String recipients,
			@RequestParam int version, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id, () -> {
			List<String> lines = recipients == null ? List.of()
					: Arrays.stream(recipients.split("\\R")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
			this.reviews.updateHeader(CurrentUser.get(), id, superior, issuer, symbol, place, reportDate, signer, lines,
					version);
			return "/reviews/" + id;
		});
	}

	@PostMapping("/reviews/{id}/sections")
	String addSection(@PathVariable long id, @RequestParam String code, @RequestParam String title,
			@RequestParam(required = false) String guidance, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id, () -> {
			this.reviews.addSection(CurrentUser.get(), id, code, title, guidance);
			return "/reviews/" + id;
		});
	}

	@PostMapping("/reviews/{id}/sections/{sectionId}")
	String renameSection(@PathVariable long id, @PathVariable long sectionId, @RequestParam String title,
			@RequestParam(required = false) String close, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id, () -> {
			if (close != null) {
				this.reviews.closeSection(CurrentUser.get(), id, sectionId, this.today.date());
			}
			else {
				this.reviews.renameSection(CurrentUser.get(), id, sectionId, title);
			}
			return "/reviews/" + id;
		});
	}

	@PostMapping("/reviews/{id}/submissions")
	String openSubmission(@PathVariable long id, @RequestParam long organizationId, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id,
				() -> "/review-submissions/" + this.reviews.openSubmission(CurrentUser.get(), id, organizationId));
	}

	@PostMapping("/reviews/{id}/conference")
	String conference(@PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String chair,
			@RequestParam(required = false) String agenda, @RequestParam(required = false) String conclusions,
			@RequestParam(required = false) String noticeSymbol,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticeDate,
			@RequestParam(required = false) String concludedBy, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id, () -> {
			this.reviews.recordConference(CurrentUser.get(), id, heldOn, place, chair, agenda, conclusions,
					noticeSymbol, noticeDate, concludedBy);
			return "/reviews/" + id;
		});
	}

	@PostMapping("/reviews/{id}/delegates")
	String delegate(@PathVariable long id, @RequestParam String fullName,
			@RequestParam(required = false) String positionTitle,
			@RequestParam(required = false) String organizationName,
			@RequestParam(defaultValue = "false") boolean guest, @RequestParam(defaultValue = "false") boolean attended,
			RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id, () -> {
			this.reviews.addDelegate(CurrentUser.get(), id, fullName, positionTitle, organizationName, guest, attended);
			return "/reviews/" + id;
		});
	}

	@PostMapping("/reviews/{id}/speeches")
	String speech(@PathVariable long id, @RequestParam String speaker, @RequestParam(required = false) String role,
			@RequestParam String summary, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id, () -> {
			this.reviews.addSpeech(CurrentUser.get(), id, speaker, role, summary);
			return "/reviews/" + id;
		});
	}

	@PostMapping("/reviews/{id}/commendations")
	String commend(@PathVariable long id, @RequestParam String kind, @RequestParam String name,
			@RequestParam(required = false) String organizationName, @RequestParam String form,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id, () -> {
			this.reviews.addCommendation(CurrentUser.get(), id, kind, name, organizationName, form, reason);
			return "/reviews/" + id;
		});
	}

	@GetMapping("/review-submissions/{id}")
	String submission(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Reviews.Submission submission = this.reviews.submission(user, id);
		Reviews.Review review = this.reviews.get(user, submission.reviewId());
		model.addAttribute("submission", submission);
		model.addAttribute("review", review);
		model.addAttribute("outline", this.reviews.outline(review.id()));
		model.addAttribute("indicators", this.reviews.indicators(review));
		model.addAttribute("committee", this.scope.actsForCommittee(user, review.ownerId()));
		model.addAttribute("today", this.today.date());
		return "directive/submission";
	}

	@PostMapping("/review-submissions/{id}")
	String saveSubmission(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/review-submissions/" + id, () -> {
			Map<Long, String> texts = new LinkedHashMap<>();
			Map<Long, BigDecimal> values = new LinkedHashMap<>();
			form.forEach((key, value) -> {
				if (key.startsWith("text-")) {
					texts.put(Long.valueOf(key.substring(5)), value);
				}
				else if (key.startsWith("value-") && !value.isBlank()) {
					values.put(Long.valueOf(key.substring(6)), DirectiveController.number(value));
				}
			});
			this.reviews.saveSubmission(CurrentUser.get(), id, texts, values,
					Integer.parseInt(form.getOrDefault("version", "0")));
			return "/review-submissions/" + id;
		});
	}

	@PostMapping("/review-submissions/{id}/{action}")
	String decide(@PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		LocalDate on = date != null ? date : this.today.date();
		return this.forms.attempt(redirect, "/review-submissions/" + id, () -> {
			CurrentUser user = CurrentUser.get();
			switch (action) {
				case "submit" -> this.reviews.submit(user, id, on);
				case "accept" -> this.reviews.accept(user, id, on);
				case "return" -> this.reviews.returnForCorrection(user, id, on, comment);
				default -> throw new vn.capuy.system.NotFoundException(action);
			}
			return "/review-submissions/" + id;
		});
	}

	/** Starts drafting the report's DOCX in the background; back to the review. */
	@PostMapping("/reviews/{id}/report-jobs")
	String startDrafting(@PathVariable long id, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id, () -> {
			this.jobs.start(CurrentUser.get(), id);
			return "/reviews/" + id + "#drafting";
		});
	}

	/**
	 * The drafting of the review's DOCX: its progress while it runs (the fragment the
	 * review page polls), the latest file, a failure and its message.
	 */
	@GetMapping("/reviews/{id}/drafting")
	String drafting(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("drafting", this.jobs.drafting(user, id));
		model.addAttribute("review", this.reviews.get(user, id));
		return htmx != null ? "directive/drafting :: drafting" : "directive/drafting";
	}

	@GetMapping("/reviews/{id}/draft")
	String draft(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		ReviewReport.Draft draft = this.report.draft(user, id);
		model.addAttribute("draft", draft);
		model.addAttribute("review", draft.review());
		model.addAttribute("committee", this.scope.actsForCommittee(user, draft.review().ownerId()));
		return "directive/draft";
	}

	@PostMapping("/reviews/{id}/draft/{sectionId}")
	String saveDraft(@PathVariable long id, @PathVariable long sectionId, @RequestParam String text,
			@RequestParam int basedOn, RedirectAttributes redirect) {
		return this.forms.attempt(redirect, "/reviews/" + id + "/draft", () -> {
			this.reviews.saveDraft(CurrentUser.get(), id, sectionId, text, basedOn);
			return "/reviews/" + id + "/draft";
		});
	}

}
