package vn.capuy.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.SampleExtension;

/**
 * The sample's grading: a yearly campaign for 2008–2012 and 2021–2025 under each
 * committee directly above grassroots, graded under the rules of each year (2023: Quy
 * định 124-QĐ/TW; 2025: Quy định 366-QĐ/TW). Earlier years are recorded from the
 * (invented) paper files and published; 2025 is decided except for one grassroots
 * organisation whose proposals exceed the HTXS quota and wait for the standing committee.
 * Two members did not complete their tasks in 2024 and 2025 (flagged for their cells).
 * The Hồ Chí Minh study has a theme for each year 2021–2025, and commitments (with
 * results) and exemplary models in 2025. Deterministic (fixed seed); scores and comments
 * are invented.
 */
@Component
class GradingSample implements SampleExtension {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GradingSample.class);

	private static final long SEED = 20250830L;

	/** The campaign whose proposals exceed the quota. */
	static final int OVER_QUOTA_YEAR = 2025;

	private final GradingCampaigns campaigns;

	private final HoChiMinhStudy study;

	private final OrganizationTree tree;

	GradingSample(GradingCampaigns campaigns, HoChiMinhStudy study, OrganizationTree tree) {
		this.campaigns = campaigns;
		this.study = study;
		this.tree = tree;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public String name() {
		return "grading";
	}

	@Override
	public void load() {
		CurrentUser system = CurrentUser.system();
		Random random = new Random(SEED);
		List<Long> lagging = new ArrayList<>();
		List<Integer> years = Stream
			.concat(IntStream.rangeClosed(2008, 2012).boxed(), IntStream.rangeClosed(2021, 2025).boxed())
			.toList();
		for (int year : years) {
			LocalDate end = LocalDate.of(year, 12, 31);
			List<Organization> roots = this.tree.list(system, end)
				.stream()
				.filter((o) -> o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO)
				.sorted(Comparator.comparingLong(Organization::id))
				.toList();
			boolean overQuotaDone = false;
			for (Organization root : roots) {
				long t0 = System.nanoTime();
				var opened = this.campaigns.open(system,
						new GradingCampaigns.NewCampaign(root.id(), PeriodKind.YEAR, LocalDate.of(year, 1, 1), end,
								"Kiểm điểm, đánh giá, xếp loại chất lượng năm " + year + " — " + root.name(), false,
								LocalDate.of(year, 11, 20)));
				List<Review> reviews = this.campaigns.reviews(system, opened.id(), null, null, null);
				Long overQuota = null;
				if (year == OVER_QUOTA_YEAR && !overQuotaDone) {
					overQuota = reviews.stream()
						.filter(Review::isMember)
						.map(Review::decidingOrganizationId)
						.sorted()
						.findFirst()
						.orElse(null);
					overQuotaDone = overQuota != null;
				}
				long t1 = System.nanoTime();
				List<GradingCampaigns.Recorded> rows = grades(random, reviews, overQuota, lagging, year);
				if (year != OVER_QUOTA_YEAR) {
					// the paper file of a published year: recorded and published in one
					// pass
					this.campaigns.recordPublished(system, opened.id(), rows, LocalDate.of(year, 12, 20),
							LocalDate.of(year + 1, 1, 10));
				}
				else {
					this.campaigns.record(system, opened.id(), rows, LocalDate.of(year, 12, 20), null);
				}
				log.info("Grading sample {} {}: {} reviews; opened in {} ms, recorded (and published) in {} ms", year,
						root.name(), rows.size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
			}
			if (year >= 2021) {
				this.study.setTheme(system, year, "Chuyên đề năm " + year + " về học tập và làm theo Bác (mẫu)",
						"Kế hoạch (mẫu) của Ban Thường vụ");
			}
		}
		studyOf2025(system, random);
	}

	/**
	 * Scores drawn around the usual distribution; decisions keep the quota of each
	 * deciding organisation by lowering the surplus HTXS to HTT with a reason, except the
	 * organisation left over the quota, whose proposals stay undecided.
	 */
	private List<GradingCampaigns.Recorded> grades(Random random, List<Review> reviews, Long overQuota,
			List<Long> lagging, int year) {
		GradingRules rules = this.campaigns.rulesOn(LocalDate.of(year, 12, 31));
		Map<String, List<Review>> byDecider = new LinkedHashMap<>();
		for (Review r : reviews) {
			byDecider.computeIfAbsent(r.subjectKind() + ":" + r.decidingOrganizationId(), (k) -> new ArrayList<>())
				.add(r);
		}
		List<GradingCampaigns.Recorded> rows = new ArrayList<>();
		for (Map.Entry<String, List<Review>> group : byDecider.entrySet()) {
			boolean over = overQuota != null && group.getKey().equals(Review.MEMBER + ":" + overQuota);
			Map<Review, BigDecimal> scores = new LinkedHashMap<>();
			for (Review r : group.getValue()) {
				double p = random.nextDouble();
				int score;
				if (over && p < 0.45) {
					score = 90 + random.nextInt(9);
				}
				else if (p < 0.12) {
					score = 90 + random.nextInt(9);
				}
				else if (p < 0.82) {
					score = 70 + random.nextInt(20);
				}
				else if (p < 0.98) {
					score = 50 + random.nextInt(20);
				}
				else {
					score = 35 + random.nextInt(15);
				}
				if (r.isMember() && year >= 2024 && lagging.size() < 2 && year == 2024 && p > 0.5) {
					lagging.add(r.memberId());
				}
				if (r.isMember() && lagging.contains(r.memberId()) && year >= 2024) {
					score = 40 + random.nextInt(5);
				}
				scores.put(r, BigDecimal.valueOf(score));
			}
			Map<Review, Grade> decided = new HashMap<>();
			scores.forEach((r, s) -> decided.put(r, rules.band(s)));
			if (!over) {
				List<Review> excellent = new ArrayList<>(
						scores.keySet().stream().filter((r) -> decided.get(r) == Grade.HTXS).toList());
				excellent.sort(Comparator.comparing(scores::get));
				while (!excellent.isEmpty()
						&& count(decided, Grade.HTXS) > rules.quotaAllowed(count(decided, Grade.HTT))) {
					decided.put(excellent.remove(0), Grade.HTT);
				}
			}
			for (Map.Entry<Review, BigDecimal> e : scores.entrySet()) {
				Grade proposed = rules.band(e.getValue());
				Grade finalGrade = over ? null : decided.get(e.getKey());
				rows.add(new GradingCampaigns.Recorded(e.getKey().id(), e.getValue(), proposed, finalGrade,
						finalGrade != null && finalGrade != proposed
								? "Ban Thường vụ hạ mức để giữ tỷ lệ Hoàn thành xuất sắc (mẫu)" : null));
			}
		}
		return rows;
	}

	private static int count(Map<Review, Grade> grades, Grade grade) {
		return (int) grades.values().stream().filter((g) -> g == grade).count();
	}

	/**
	 * Commitments, results and exemplary models in the first grassroots organisation of
	 * 2025.
	 */
	private void studyOf2025(CurrentUser system, Random random) {
		List<Campaign> all = this.campaigns.campaigns(system);
		Campaign latest = all.stream().filter((c) -> c.periodTo().getYear() == 2025).findFirst().orElse(null);
		if (latest == null) {
			return;
		}
		List<Review> members = this.campaigns.reviews(system, latest.id(), null, Review.MEMBER, null)
			.stream()
			.limit(12)
			.toList();
		StudyResult[] results = StudyResult.values();
		for (Review m : members) {
			long id = this.study.commit(system, m.memberId(), 2025,
					"Nêu gương, hoàn thành đúng hạn các nhiệm vụ được giao; giữ gìn đoàn kết nội bộ (mẫu)",
					"Tham mưu văn bản đúng hạn; tham gia sinh hoạt chi bộ đầy đủ (mẫu)", LocalDate.of(2025, 2, 10));
			this.study.assess(system, id, "Thực hiện đúng cam kết 6 tháng đầu năm (mẫu)",
					"Hoàn thành các nội dung đã cam kết (mẫu)", "Chi bộ ghi nhận đồng chí thực hiện tốt cam kết (mẫu)",
					results[random.nextInt(3)]);
		}
		if (!members.isEmpty()) {
			Review first = members.get(0);
			this.study.addModel(system, 2025, first.organizationId(), null,
					first.organizationName() + ": điển hình tiên tiến năm 2025 (mẫu)",
					"Giấy khen của Ban Thường vụ (mẫu)", "Quyết định số 01-QĐ/ĐU (mẫu)", LocalDate.of(2025, 12, 20));
			this.study.addModel(system, 2025, first.organizationId(), first.memberId(),
					first.subjectName() + ": cá nhân điển hình tiên tiến (mẫu)", "Giấy khen (mẫu)",
					"Quyết định số 02-QĐ/ĐU (mẫu)", LocalDate.of(2025, 12, 20));
		}
	}

}
