package vn.capuy.grading;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.Page;

/**
 * Grading over JSON: campaigns, their reviews and results, the workflow steps and the
 * decisions (409 naming the rule when a decision breaks the quota or a condition).
 */
@RestController
@RequestMapping("/api/v1/grading")
class GradingApi {

	private final GradingCampaigns campaigns;

	private final GradingResults results;

	private final HoChiMinhStudy study;

	GradingApi(GradingCampaigns campaigns, GradingResults results, HoChiMinhStudy study) {
		this.campaigns = campaigns;
		this.results = results;
		this.study = study;
	}

	// ---------------------------------------------------------------- Hồ Chí Minh study

	/** The study of a year: theme, commitments (of an organisation's subtree), models. */
	@GetMapping("/study/{year}")
	Map<String, Object> study(@PathVariable int year, @RequestParam(required = false) Long organizationId) {
		CurrentUser user = CurrentUser.get();
		List<HoChiMinhStudy.Commitment> commitments = this.study.commitments(user, organizationId, year);
		List<HoChiMinhStudy.Model> models = this.study.models(user, year);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("year", year);
		body.put("theme", this.study.theme(year).orElse(null));
		body.put("commitments", new Page<>(commitments, commitments.size(), 0, Math.max(1, commitments.size()), true));
		body.put("models", new Page<>(models, models.size(), 0, Math.max(1, models.size()), true));
		return body;
	}

	record ThemeRequest(String theme, String documentRef) {
	}

	@PostMapping("/study/{year}/theme")
	HoChiMinhStudy.Theme theme(@PathVariable int year, @RequestBody ThemeRequest request) {
		this.study.setTheme(CurrentUser.get(), year, request.theme(), request.documentRef());
		return this.study.theme(year).orElseThrow();
	}

	record CommitmentRequest(Long memberId, String commitment, String linkedTasks, LocalDate signedOn) {
	}

	@PostMapping("/study/{year}/commitments")
	@ResponseStatus(HttpStatus.CREATED)
	HoChiMinhStudy.Commitment commit(@PathVariable int year, @RequestBody CommitmentRequest request) {
		if (request.memberId() == null) {
			throw new vn.capuy.system.InvalidInputException("memberId", "error.required");
		}
		CurrentUser user = CurrentUser.get();
		long id = this.study.commit(user, request.memberId(), year, request.commitment(), request.linkedTasks(),
				request.signedOn());
		return this.study.commitment(user, id);
	}

	record AssessmentRequest(String midYearSelf, String yearEndSelf, String cellComment, StudyResult result) {
	}

	@PostMapping("/study/commitments/{id}/assessment")
	HoChiMinhStudy.Commitment assessCommitment(@PathVariable long id, @RequestBody AssessmentRequest request) {
		return this.study.assess(CurrentUser.get(), id, request.midYearSelf(), request.yearEndSelf(),
				request.cellComment(), request.result());
	}

	record ModelRequest(Long organizationId, Long memberId, String modelTitle, String commendation, String decisionRef,
			LocalDate recordedOn) {
	}

	@PostMapping("/study/{year}/models")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> model(@PathVariable int year, @RequestBody ModelRequest request) {
		if (request.organizationId() == null) {
			throw new vn.capuy.system.InvalidInputException("organizationId", "error.required");
		}
		long id = this.study.addModel(CurrentUser.get(), year, request.organizationId(), request.memberId(),
				request.modelTitle(), request.commendation(), request.decisionRef(), request.recordedOn());
		return Map.of("id", id);
	}

	/** A campaign in the API. */
	record CampaignItem(long id, String title, String period, PeriodKind periodKind, LocalDate periodFrom,
			LocalDate periodTo, String status, LocalDate rulesOn, long rootOrganizationId, String rootName,
			LocalDate selfDeadline, LocalDate appraisalDeadline, LocalDate decisionDeadline) {

		static CampaignItem of(Campaign c) {
			return new CampaignItem(c.id(), c.title(), c.period(), c.periodKind(), c.periodFrom(), c.periodTo(),
					c.status(), c.rulesOn(), c.rootOrganizationId(), c.rootName(), c.selfDeadline(),
					c.appraisalDeadline(), c.decisionDeadline());
		}

	}

	@GetMapping("/campaigns")
	Page<CampaignItem> campaigns(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		int p = Page.page(page);
		int s = Page.size(size);
		List<Campaign> all = this.campaigns.campaigns(CurrentUser.get());
		List<CampaignItem> items = all.stream().skip((long) p * s).limit(s).map(CampaignItem::of).toList();
		return new Page<>(items, all.size(), p, s, true);
	}

	@PostMapping("/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	GradingCampaigns.Opened open(@RequestBody GradingCampaigns.NewCampaign request) {
		return this.campaigns.open(CurrentUser.get(), request);
	}

	@GetMapping("/campaigns/{id}")
	CampaignItem campaign(@PathVariable long id) {
		return CampaignItem.of(this.campaigns.campaign(CurrentUser.get(), id));
	}

	@GetMapping("/campaigns/{id}/results")
	Map<String, Object> results(@PathVariable long id, @RequestParam(required = false) Long organizationId) {
		GradingResults.Results r = this.results.results(CurrentUser.get(), id, organizationId);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("campaignId", id);
		body.put("period", r.campaign().period());
		body.put("organizationId", organizationId);
		body.put("organizations", counts(r.organizations()));
		body.put("members", counts(r.members()));
		body.put("quotaUsed", r.quotaUsed());
		body.put("quotaAllowed", r.quotaAllowed());
		body.put("quotas", r.quotas());
		body.put("changes", r.changes());
		body.put("notCompleted", r.notCompleted());
		return body;
	}

	private static Map<String, Object> counts(GradingResults.Distribution d) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (Grade g : Grade.values()) {
			m.put(g.name(), d.get(g));
		}
		m.put("undecided", d.undecided());
		m.put("total", d.total());
		return m;
	}

	@GetMapping("/campaigns/{id}/reviews")
	Page<Review> reviews(@PathVariable long id, @RequestParam(required = false) Long decidingOrganizationId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		int p = Page.page(page);
		int s = Page.size(size);
		List<Review> all = this.campaigns.reviews(CurrentUser.get(), id, decidingOrganizationId,
				kind == null ? null : kind.toUpperCase(java.util.Locale.ROOT), organizationId);
		return new Page<>(all.stream().skip((long) p * s).limit(s).toList(), all.size(), p, s, true);
	}

	@GetMapping("/reviews/{id}")
	Map<String, Object> review(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		return Map.of("review", this.campaigns.review(user, id), "steps", this.campaigns.steps(user, id));
	}

	@PostMapping("/reviews/{id}/self-assessment")
	Review selfAssess(@PathVariable long id, @RequestBody GradingCampaigns.Assessment assessment) {
		return this.campaigns.selfAssess(CurrentUser.get(), id, assessment);
	}

	@PostMapping("/reviews/{id}/proposal")
	Review propose(@PathVariable long id, @RequestBody GradingCampaigns.Assessment assessment) {
		return this.campaigns.propose(CurrentUser.get(), id, assessment);
	}

	@PostMapping("/campaigns/{id}/decisions")
	Map<String, Object> decide(@PathVariable long id, @RequestBody GradingCampaigns.Decisions decisions) {
		List<Review> decided = this.campaigns.decide(CurrentUser.get(), id, decisions);
		return Map.of("items", decided, "total", decided.size());
	}

	@PostMapping("/campaigns/{id}/publication")
	Map<String, Object> publish(@PathVariable long id, @RequestParam(required = false) LocalDate on) {
		return Map.of("published", this.campaigns.publish(CurrentUser.get(), id, on));
	}

	@GetMapping("/campaigns/{id}/quota")
	GradingCampaigns.Quota quota(@PathVariable long id, @RequestParam long decidingOrganizationId,
			@RequestParam(defaultValue = "MEMBER") String kind) {
		return this.campaigns.quota(CurrentUser.get(), id, decidingOrganizationId,
				kind.toUpperCase(java.util.Locale.ROOT), Map.of());
	}

	@GetMapping("/campaigns/{id}/consequences")
	Map<String, Object> consequences(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		List<GradingResults.Flag> flags = this.results.consequences(user.scope(), this.campaigns.campaign(user, id));
		return Map.of("items", flags, "total", flags.size());
	}

}
