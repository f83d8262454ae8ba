package vn.capuy.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Pages of grading: the campaigns, a campaign's results for a subtree, the proposal and
 * decision screen with the quota shown live, a review with its steps, the Hồ Chí Minh
 * study of a year, and the exports.
 */
@Controller
class GradingController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final GradingCampaigns campaigns;

	private final GradingResults results;

	private final HoChiMinhStudy study;

	private final Inputs inputs;

	private final Messages messages;

	private final Today today;

	GradingController(GradingCampaigns campaigns, GradingResults results, HoChiMinhStudy study, Inputs inputs,
			Messages messages, Today today) {
		this.campaigns = campaigns;
		this.results = results;
		this.study = study;
		this.inputs = inputs;
		this.messages = messages;
		this.today = today;
	}

	@GetMapping("/grading")
	String list(Model model) {
		model.addAttribute("campaigns", this.campaigns.campaigns(CurrentUser.get()));
		model.addAttribute("kinds", PeriodKind.values());
		model.addAttribute("year", this.today.date().getYear());
		return "grading/campaigns";
	}

	@PostMapping("/grading/campaigns")
	String open(@RequestParam Long rootOrganizationId, @RequestParam(defaultValue = "YEAR") PeriodKind periodKind,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
			@RequestParam(required = false) String title, @RequestParam(defaultValue = "false") boolean standing,
			RedirectAttributes redirect) {
		try {
			GradingCampaigns.Opened opened = this.campaigns.open(CurrentUser.get(), new GradingCampaigns.NewCampaign(
					rootOrganizationId, periodKind, periodFrom, periodTo, title, standing, null));
			redirect.addFlashAttribute("done", "grading.done.opened");
			return "redirect:/grading/campaigns/" + opened.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		return "redirect:/grading";
	}

	@GetMapping("/grading/campaigns/{id}")
	String campaign(@PathVariable long id, @RequestParam(required = false) Long organizationId, Model model) {
		CurrentUser user = CurrentUser.get();
		GradingResults.Results r = this.results.results(user, id, organizationId);
		model.addAttribute("results", r);
		model.addAttribute("campaign", r.campaign());
		model.addAttribute("rules", this.campaigns.rulesOf(r.campaign()));
		model.addAttribute("grades", Grade.values());
		model.addAttribute("flags", this.results.consequences(user.scope(), r.campaign()));
		Map<Long, String> deciders = new LinkedHashMap<>();
		for (Review review : this.campaigns.reviews(user, id, null, null, organizationId)) {
			if (review.collective() == Collective.ORGANIZATION || review.isMember()) {
				deciders.putIfAbsent(review.decidingOrganizationId(), null);
			}
		}
		Map<Long, String> names = new HashMap<>();
		for (Review review : this.campaigns.reviews(user, id, null, Review.ORGANIZATION, null)) {
			if (review.collective() == Collective.ORGANIZATION) {
				names.put(review.organizationId(), review.subjectName());
			}
		}
		names.putIfAbsent(r.campaign().rootOrganizationId(), r.campaign().rootName());
		deciders.replaceAll((k, v) -> names.getOrDefault(k, String.valueOf(k)));
		model.addAttribute("deciders", deciders);
		return "grading/campaign";
	}

	/**
	 * One row of the proposal screen: the review and what is known beside it (kept from
	 * its last assessment, else read now).
	 */
	record Row(Review review, GradingInputs.Attendance attendance, GradingInputs.Tasks tasks, int disciplines,
			StudyResult study) {
	}

	@GetMapping("/grading/campaigns/{id}/decide")
	String decideScreen(@PathVariable long id, @RequestParam long deciding,
			@RequestParam(defaultValue = "MEMBER") String kind, Model model) {
		CurrentUser user = CurrentUser.get();
		Campaign c = this.campaigns.campaign(user, id);
		List<Review> reviews = this.campaigns.reviews(user, id, deciding, kind, null);
		List<Long> unread = reviews.stream()
			.filter((r) -> r.isMember() && r.known().on() == null)
			.map(Review::memberId)
			.toList();
		Map<Long, Inputs.Answer> live = this.inputs.members(unread, c.periodFrom(), c.periodTo());
		List<Row> rows = new ArrayList<>();
		for (Review r : reviews) {
			GradingInputs.Attendance attendance = r.known().attendance();
			GradingInputs.Tasks tasks = r.known().tasks();
			int disciplines = r.isMember() ? r.known().disciplined()
					: r.disciplinedLeadership() + r.disciplinedSubordinates();
			Inputs.Answer now = r.isMember() ? live.get(r.memberId()) : null;
			if (now != null) {
				attendance = now.attendance();
				tasks = now.tasks();
				disciplines = now.discipline().size();
			}
			StudyResult studyResult = r.isMember()
					? this.study.result(r.memberId(), c.periodTo().getYear()).orElse(null) : null;
			rows.add(new Row(r, attendance, tasks, disciplines, studyResult));
		}
		model.addAttribute("campaign", c);
		model.addAttribute("rows", rows);
		model.addAttribute("deciding", deciding);
		model.addAttribute("kind", kind);
		model.addAttribute("grades", Grade.values());
		model.addAttribute("quota", this.campaigns.quota(user, id, deciding, kind, pending(rows, null)));
		return "grading/decide";
	}

	/** The quota box, recomputed while the screen's grades change (htmx). */
	@PostMapping("/grading/campaigns/{id}/quota")
	String quota(@PathVariable long id, @RequestParam long deciding, @RequestParam String kind,
			@RequestParam Map<String, String> form, Model model) {
		CurrentUser user = CurrentUser.get();
		Map<Long, Grade> pending = new HashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("grade_") && !v.isBlank()) {
				pending.put(Long.parseLong(k.substring(6)), Grade.valueOf(v));
			}
		});
		model.addAttribute("quota", this.campaigns.quota(user, id, deciding, kind, pending));
		return "grading/decide :: quota";
	}

	@PostMapping("/grading/campaigns/{id}/decide")
	String decide(@PathVariable long id, @RequestParam long deciding, @RequestParam String kind,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		List<GradingCampaigns.Decision> decisions = new ArrayList<>();
		form.forEach((k, v) -> {
			if (k.startsWith("grade_") && !v.isBlank()) {
				long reviewId = Long.parseLong(k.substring(6));
				decisions
					.add(new GradingCampaigns.Decision(reviewId, Grade.valueOf(v), form.get("reason_" + reviewId)));
			}
		});
		try {
			this.campaigns.decide(CurrentUser.get(), id,
					new GradingCampaigns.Decisions(decisions, form.get("quotaExceptionReason"), null));
			redirect.addFlashAttribute("done", "grading.done.decided");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		return "redirect:/grading/campaigns/" + id + "/decide?deciding=" + deciding + "&kind=" + kind;
	}

	@PostMapping("/grading/campaigns/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.campaigns.publish(CurrentUser.get(), id, null);
			redirect.addFlashAttribute("done", "grading.done.published");
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		return "redirect:/grading/campaigns/" + id;
	}

	@GetMapping("/grading/reviews/{id}")
	String review(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Review r = this.campaigns.review(user, id);
		Campaign c = this.campaigns.campaign(user, r.campaignId());
		model.addAttribute("review", r);
		model.addAttribute("campaign", c);
		model.addAttribute("steps", this.campaigns.steps(user, id));
		model.addAttribute("grades", Grade.values());
		model.addAttribute("forms", ReviewForm.values());
		model.addAttribute("criteria", this.campaigns.rulesOf(c).criteria(r.isMember()));
		model.addAttribute("study",
				r.isMember() ? this.study.result(r.memberId(), c.periodTo().getYear()).orElse(null) : null);
		model.addAttribute("explanation", this.campaigns.explain(user, id));
		model.addAttribute("rules", this.campaigns.rulesOf(c));
		return "grading/review";
	}

	@PostMapping("/grading/reviews/{id}/{action:self|propose}")
	String assess(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) BigDecimal score,
			@RequestParam(required = false) Grade grade, @RequestParam(required = false) Integer tasksTotal,
			@RequestParam(required = false) Integer tasksOnTime, @RequestParam(required = false) Integer tasksExceeding,
			@RequestParam(required = false) Integer tasksLate, @RequestParam(required = false) Integer tasksNotDone,
			@RequestParam(required = false) Integer disciplinedLeadership,
			@RequestParam(required = false) Integer disciplinedSubordinates,
			@RequestParam(required = false) Integer shortcomingsOpen,
			@RequestParam(required = false) Boolean violatedStandards, @RequestParam(required = false) ReviewForm form,
			@RequestParam(required = false) String residenceComment, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		GradingCampaigns.Assessment a = new GradingCampaigns.Assessment(score, null, grade, tasksTotal, tasksOnTime,
				tasksExceeding, tasksLate, tasksNotDone, disciplinedLeadership, disciplinedSubordinates,
				shortcomingsOpen, violatedStandards, form, null, residenceComment, reason, null);
		try {
			if ("self".equals(action)) {
				this.campaigns.selfAssess(CurrentUser.get(), id, a);
			}
			else {
				this.campaigns.propose(CurrentUser.get(), id, a);
			}
			redirect.addFlashAttribute("done", "grading.done.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("problem", this.messages.describe(ex));
		}
		return "redirect:/grading/reviews/" + id;
	}

	@GetMapping("/grading/campaigns/{id}/results.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id, @RequestParam(required = false) Long organizationId) {
		return file(this.results.xlsx(CurrentUser.get(), id, organizationId), XLSX, "xep-loai-" + id + ".xlsx");
	}

	@GetMapping("/grading/campaigns/{id}/report.docx")
	ResponseEntity<byte[]> docx(@PathVariable long id, @RequestParam(required = false) Long organizationId) {
		return file(this.results.docx(CurrentUser.get(), id, organizationId), DOCX, "bao-cao-xep-loai-" + id + ".docx");
	}

	private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private static Map<Long, Grade> pending(List<Row> rows, Object unused) {
		Map<Long, Grade> pending = new HashMap<>();
		for (Row row : rows) {
			if (row.review().step() == Step.PROPOSED && row.review().proposedGrade() != null) {
				pending.put(row.review().id(), row.review().proposedGrade());
			}
		}
		return pending;
	}

}
