package vn.capuy.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.SampleExtension;

/**
 * The sample's directive work: Directive 16-CT/TU of the provincial standing committee
 * (its date and content items invented, marked "(mẫu)"), the bloc's plan, five years of
 * six-monthly reports of every grassroots organisation (a few late, a few returned and
 * resubmitted), the five-year review with its conference of 31/10/2012 (invented guest),
 * and an interim review of a 2021 resolution by today's committee. Deterministic, through
 * the module's own services.
 */
@Component
class DirectiveSample implements SampleExtension {

	static final String BLOC_FIRST_NAME = "Đảng bộ Khối các cơ quan Dân Chính Đảng tỉnh";

	static final String PARTY_AGENCIES = "Đảng bộ các cơ quan Đảng tỉnh";

	static final String SYMBOL = "16-CT/TU";

	static final String TITLE = "Về tăng cường vai trò lãnh đạo của các tổ chức cơ sở Đảng trong Đảng bộ Khối các cơ quan Dân Chính Đảng tỉnh";

	static final String REVIEW_TITLE = "Tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU của Ban Thường vụ Tỉnh uỷ";

	static final LocalDate PLAN_START = LocalDate.of(2007, 7, 1);

	static final LocalDate PLAN_END = LocalDate.of(2012, 9, 30);

	static final LocalDate CONFERENCE = LocalDate.of(2012, 10, 31);

	private static final long SEED = 16_2007L;

	private final Directives directives;

	private final ProgressReports reports;

	private final Reviews reviews;

	private final OrganizationTree tree;

	private final DirectiveScope scope;

	private final WorkingDayCalendar calendar;

	DirectiveSample(Directives directives, ProgressReports reports, Reviews reviews, OrganizationTree tree,
			DirectiveScope scope, WorkingDayCalendar calendar) {
		this.directives = directives;
		this.reports = reports;
		this.reviews = reviews;
		this.tree = tree;
		this.scope = scope;
		this.calendar = calendar;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String name() {
		return "directives and reviews (Chỉ thị 16-CT/TU)";
	}

	/** A content item of the sample plan with its indicator. */
	private record SampleItem(String title, String responsible, BigDecimal weight, String indicator, IndicatorKind kind,
			int target, String unit, String text) {
	}

	private static final List<SampleItem> ITEMS = List.of(
			new SampleItem("Xây dựng, bổ sung và thực hiện quy chế làm việc của cấp uỷ (mẫu)", "Văn phòng Đảng uỷ Khối",
					null, "Cấp uỷ có quy chế làm việc được sửa đổi, bổ sung", IndicatorKind.YES_NO, 1, null,
					"Cấp uỷ đã rà soát, bổ sung quy chế làm việc và thực hiện nghiêm túc (mẫu)."),
			new SampleItem("Phân công trách nhiệm cụ thể cho từng cấp uỷ viên (mẫu)", "Ban Tổ chức Đảng uỷ Khối", null,
					"Có văn bản phân công nhiệm vụ cấp uỷ viên", IndicatorKind.YES_NO, 1, null,
					"Đã phân công nhiệm vụ cho từng đồng chí cấp uỷ viên bằng văn bản (mẫu)."),
			new SampleItem("Xây dựng mối quan hệ giữa bí thư cấp uỷ với thủ trưởng cơ quan (mẫu)",
					"Thường trực Đảng uỷ Khối", null, "Có quy chế phối hợp giữa cấp uỷ và thủ trưởng cơ quan",
					IndicatorKind.YES_NO, 1, null,
					"Quy chế phối hợp giữa cấp uỷ với thủ trưởng cơ quan được ban hành và thực hiện (mẫu)."),
			new SampleItem("Lãnh đạo các tổ chức quần chúng, nhất là Đoàn TNCS Hồ Chí Minh (mẫu)",
					"Ban Dân vận Đảng uỷ Khối", null, "Đoàn viên ưu tú được giới thiệu cho Đảng xem xét kết nạp",
					IndicatorKind.NUMBER, 5, "người",
					"Cấp uỷ định kỳ nghe Đoàn thanh niên báo cáo, giới thiệu đoàn viên ưu tú (mẫu)."),
			new SampleItem("Nâng cao chất lượng sinh hoạt chi bộ (mẫu)", "Ban Tổ chức Đảng uỷ Khối",
					BigDecimal.valueOf(2), "Tỷ lệ chi bộ sinh hoạt định kỳ đúng quy định", IndicatorKind.PERCENT, 100,
					"%", "Các chi bộ sinh hoạt định kỳ hằng tháng, nội dung thiết thực hơn (mẫu)."),
			new SampleItem("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh (mẫu)", "Ban Tuyên giáo Đảng uỷ Khối",
					null, "Buổi sinh hoạt chuyên đề về tấm gương đạo đức Hồ Chí Minh", IndicatorKind.NUMBER, 10, "buổi",
					"Tổ chức sinh hoạt chuyên đề, đăng ký làm theo gắn với nhiệm vụ chuyên môn (mẫu)."),
			new SampleItem("Tăng cường công tác kiểm tra, giám sát (mẫu)", "Uỷ ban Kiểm tra Đảng uỷ Khối", null,
					"Cuộc kiểm tra, giám sát của cấp uỷ cơ sở", IndicatorKind.NUMBER, 10, "cuộc",
					"Thực hiện chương trình kiểm tra, giám sát năm; không có đảng viên vi phạm phải xử lý (mẫu)."));

	@Override
	public void load() {
		CurrentUser system = CurrentUser.system();
		Random random = new Random(SEED);
		Organization bloc = find(system, BLOC_FIRST_NAME, LocalDate.of(2008, 1, 1));
		long directive = this.directives.record(system,
				new Directives.NewDirective(bloc.id(), DirectiveKind.DIRECTIVE, SYMBOL, TITLE,
						"Ban Thường vụ Tỉnh uỷ Quảng Bình", LocalDate.of(2007, 6, 15), null,
						"Dữ liệu mẫu: ngày ban hành và các nội dung của Chỉ thị là giả định (mẫu)."));
		long plan = this.directives.createPlan(system, directive,
				new Directives.NewPlan("05-KH/ĐUK",
						"Kế hoạch thực hiện Chỉ thị 16-CT/TU của Ban Thường vụ Tỉnh uỷ (mẫu)",
						LocalDate.of(2007, 6, 28), PLAN_START, PLAN_END, Frequency.SIX_MONTHLY,
						"Quán triệt và cụ thể hoá Chỉ thị 16-CT/TU trong toàn Đảng bộ Khối (mẫu)."));
		Map<Long, SampleItem> indicatorSample = new LinkedHashMap<>();
		Map<Long, Long> indicatorItem = new HashMap<>();
		for (SampleItem s : ITEMS) {
			long item = this.directives.addItem(system, plan,
					new Directives.NewItem(s.title(), s.responsible(), PLAN_END, s.weight()));
			long indicator = this.directives.addIndicator(system, item, new Directives.NewIndicator(s.indicator(),
					s.kind(), BigDecimal.valueOf(s.target()), s.unit(), null));
			indicatorSample.put(indicator, s);
			indicatorItem.put(indicator, item);
			this.directives.addTask(system, item,
					new Directives.NewTask(null, "Hướng dẫn, đôn đốc các tổ chức cơ sở đảng thực hiện (mẫu)",
							s.responsible(), LocalDate.of(2008, 3, 31), null));
		}
		Directives.Plan thePlan = this.directives.plan(system, plan);
		for (Directives.Task task : this.directives.view(system, plan).tasks()) {
			this.directives.recordProgress(system, task.id(), 100, LocalDate.of(2008, 3, 20), task.version());
		}
		List<Organization> first = this.scope.reporters(system, bloc.id(), PLAN_START);
		for (Organization org : first) {
			boolean own = random.nextInt(100) < 30;
			this.directives.recordOrganizationPlan(system, plan, org.id(), !own, own ? "01-KH/ĐU" : null,
					LocalDate.of(2007, 7, 10 + random.nextInt(15)),
					own ? "Kế hoạch của cấp uỷ cơ sở (mẫu)" : "Thực hiện theo kế hoạch của Đảng uỷ Khối (mẫu)");
		}
		reportsOf(system, random, thePlan, indicatorSample, indicatorItem);
		review(system, random, bloc, directive);
		todaysReview(system, random);
	}

	private Organization find(CurrentUser system, String name, LocalDate date) {
		return this.tree.list(system, date)
			.stream()
			.filter((o) -> o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO && o.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no sample organisation " + name));
	}

	private void reportsOf(CurrentUser system, Random random, Directives.Plan plan,
			Map<Long, SampleItem> indicatorSample, Map<Long, Long> indicatorItem) {
		List<Directives.Period> periods = this.reports.periods(plan);
		for (int p = 0; p < periods.size(); p++) {
			Directives.Period period = periods.get(p);
			double maturity = (p + 1) / (double) periods.size();
			for (Organization org : this.scope.reporters(system, plan.ownerId(), period.end())) {
				int roll = random.nextInt(100);
				if (roll < 2 && p > 0) {
					// a few never reported for the period
					continue;
				}
				long report = this.reports.open(system, plan.id(), org.id(), period.start());
				Map<Long, BigDecimal> values = new LinkedHashMap<>();
				Map<Long, String> texts = new LinkedHashMap<>();
				for (Map.Entry<Long, SampleItem> e : indicatorSample.entrySet()) {
					SampleItem s = e.getValue();
					BigDecimal value = switch (s.kind()) {
						case YES_NO -> BigDecimal.valueOf(random.nextDouble() < 0.5 + maturity / 2 ? 1 : 0);
						case PERCENT -> BigDecimal.valueOf(70 + random.nextInt(31));
						case NUMBER -> BigDecimal.valueOf(random.nextInt(3));
					};
					values.put(e.getKey(), value);
					texts.put(indicatorItem.get(e.getKey()), s.text());
				}
				this.reports.save(system, report, values, texts, 0);
				boolean late = roll >= 2 && roll < 8;
				LocalDate sent = late ? period.due().plusDays(1 + random.nextInt(10))
						: period.due().minusDays(random.nextInt(6));
				if (sent.isBefore(period.end())) {
					sent = period.end();
				}
				this.reports.submit(system, report, sent);
				if (roll >= 8 && roll < 12) {
					LocalDate returned = this.calendar.addWorkingDays(sent, 2);
					this.reports.returnForCorrection(system, report, returned,
							"Đề nghị bổ sung số liệu sinh hoạt chi bộ và kiểm tra, giám sát (mẫu).");
					LocalDate again = this.calendar.addWorkingDays(returned, 3);
					this.reports.save(system, report, Map.of(), Map.of(), 3);
					this.reports.submit(system, report, again);
					sent = again;
				}
				this.reports.accept(system, report, this.calendar.addWorkingDays(sent, 3));
			}
		}
	}

	private static final String[] SECTION_TEXT = {
			"Cấp uỷ đã tổ chức quán triệt Chỉ thị 16-CT/TU đến toàn thể đảng viên và ban hành kế hoạch thực hiện (mẫu).",
			"Các nội dung của Chỉ thị được thực hiện nghiêm túc; vai trò hạt nhân chính trị của tổ chức đảng được nâng lên (mẫu).",
			"Chất lượng sinh hoạt chi bộ ở một số nơi chưa cao; công tác kiểm tra, giám sát có lúc chưa thường xuyên (mẫu).",
			"Nguyên nhân chủ quan là một số cấp uỷ chưa quan tâm đúng mức; khách quan là nhiệm vụ chuyên môn nhiều (mẫu).",
			"Cấp uỷ phải nắm vững chức năng, nhiệm vụ; phát huy vai trò người đứng đầu (mẫu).",
			"Tiếp tục đổi mới phương thức lãnh đạo, nâng cao chất lượng sinh hoạt chi bộ (mẫu).",
			"Đề nghị Đảng uỷ Khối tiếp tục mở lớp bồi dưỡng nghiệp vụ công tác đảng cho cấp uỷ viên (mẫu)." };

	private void review(CurrentUser system, Random random, Organization bloc, long directive) {
		long review = this.reviews.open(system,
				new Reviews.NewReview(bloc.id(), directive, ReviewKind.FINAL, REVIEW_TITLE, PLAN_START, PLAN_END,
						LocalDate.of(2012, 9, 5), LocalDate.of(2012, 10, 15), "Đảng bộ tỉnh Quảng Bình",
						"Đảng uỷ Khối các cơ quan tỉnh", "125-BC/ĐUK", "Đồng Hới", LocalDate.of(2012, 10, 25),
						"Nguyễn Văn Hải (mẫu)", List.of("Ban Thường vụ Tỉnh uỷ (để báo cáo)", "Ban Tổ chức Tỉnh uỷ",
								"Các tổ chức cơ sở đảng trực thuộc", "Lưu Văn phòng Đảng uỷ Khối")));
		List<Reviews.Section> outline = this.reviews.outline(review);
		for (Organization org : this.scope.reporters(system, bloc.id(), LocalDate.of(2012, 9, 30))) {
			int roll = random.nextInt(100);
			if (roll < 5) {
				continue;
			}
			long submission = this.reviews.openSubmission(system, review, org.id());
			Map<Long, String> texts = new LinkedHashMap<>();
			for (int i = 0; i < outline.size() && i < SECTION_TEXT.length; i++) {
				texts.put(outline.get(i).id(), SECTION_TEXT[i]);
			}
			this.reviews.saveSubmission(system, submission, texts, Map.of(),
					this.reviews.submission(system, submission).version());
			LocalDate sent = LocalDate.of(2012, 10, 1).plusDays(random.nextInt(roll < 15 ? 25 : 14));
			this.reviews.submit(system, submission, sent);
			if (roll < 12) {
				this.reviews.returnForCorrection(system, submission, sent.plusDays(2),
						"Đề nghị bổ sung phần nguyên nhân và bài học kinh nghiệm (mẫu).");
				this.reviews.submit(system, submission, sent.plusDays(5));
				sent = sent.plusDays(5);
			}
			this.reviews.accept(system, submission, sent.plusDays(2));
		}
		this.reviews.saveDraft(system, review, outline.get(0).id(),
				"Ngay sau khi Ban Thường vụ Tỉnh uỷ ban hành Chỉ thị 16-CT/TU, Ban Thường vụ Đảng uỷ Khối đã ban hành "
						+ "Kế hoạch 05-KH/ĐUK, tổ chức hội nghị quán triệt đến cán bộ chủ chốt của các tổ chức cơ sở đảng (mẫu).\n"
						+ "Các tổ chức cơ sở đảng đã xây dựng kế hoạch hoặc thực hiện theo kế hoạch của Đảng uỷ Khối; "
						+ "định kỳ 6 tháng báo cáo kết quả (mẫu).",
				0);
		this.reviews.recordConference(system, review, CONFERENCE, "Hội trường Đảng uỷ Khối (mẫu)",
				"Đồng chí Bí thư Đảng uỷ Khối (mẫu)",
				"1. Khai mạc\n2. Báo cáo tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU\n3. Tham luận, thảo luận\n"
						+ "4. Khen thưởng tập thể, cá nhân\n5. Phát biểu chỉ đạo\n6. Bế mạc",
				"Cấp uỷ cơ sở cần nắm vững và vận dụng đúng đắn các nghị quyết, chỉ thị, quy định, hướng dẫn của Đảng.\n"
						+ "Tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh.\n"
						+ "Đổi mới phương thức lãnh đạo của cấp uỷ đảng, nâng cao chất lượng sinh hoạt chi bộ theo hướng phát huy "
						+ "tính lãnh đạo, tính giáo dục và tính chiến đấu.\n"
						+ "Nắm vững và lãnh đạo thực hiện đúng chức năng, nhiệm vụ của các loại hình tổ chức cơ sở đảng.\n"
						+ "Tăng cường công tác kiểm tra, giám sát, giữ gìn kỷ luật trong Đảng.",
				"130-TB/ĐUK", LocalDate.of(2012, 11, 5),
				"đồng chí Lê Văn Phúc (mẫu), Uỷ viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh uỷ");
		this.reviews.addDelegate(system, review, "Lê Văn Phúc (mẫu)",
				"Uỷ viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh uỷ", "Tỉnh uỷ Quảng Bình", true, true);
		this.reviews.addDelegate(system, review, "Nguyễn Văn Hải (mẫu)", "Bí thư Đảng uỷ Khối",
				"Đảng uỷ Khối các cơ quan tỉnh", false, true);
		List<Organization> orgs = this.scope.reporters(system, bloc.id(), CONFERENCE);
		for (int i = 0; i < orgs.size(); i++) {
			this.reviews.addDelegate(system, review, "Bí thư " + orgs.get(i).name() + " (mẫu)", "Bí thư cấp uỷ",
					orgs.get(i).name(), false, i % 11 != 0);
		}
		this.reviews.addSpeech(system, review, "Nguyễn Văn Hải (mẫu)", "Bí thư Đảng uỷ Khối",
				"Trình bày báo cáo tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU (mẫu).");
		for (int i = 0; i < 4 && i < orgs.size(); i++) {
			Organization org = orgs.get((i * 7) % orgs.size());
			this.reviews.addSpeech(system, review, "Bí thư " + org.name() + " (mẫu)", org.name(),
					"Tham luận về kinh nghiệm nâng cao chất lượng sinh hoạt chi bộ (mẫu).");
		}
		this.reviews.addSpeech(system, review, "Lê Văn Phúc (mẫu)", "Uỷ viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh uỷ",
				"Phát biểu chỉ đạo hội nghị (mẫu).");
		for (int i = 0; i < 5 && i < orgs.size(); i++) {
			Organization org = orgs.get((i * 5 + 2) % orgs.size());
			this.reviews.addCommendation(system, review, "COLLECTIVE", org.name(), null,
					"Giấy khen của Ban Thường vụ Đảng uỷ Khối (mẫu)",
					"Có thành tích xuất sắc trong 5 năm thực hiện Chỉ thị 16-CT/TU (mẫu)");
		}
		String[] people = { "Trương Thị Lan (mẫu)", "Hoàng Minh Đức (mẫu)", "Đinh Văn Quang (mẫu)",
				"Phạm Thị Ngọc Anh (mẫu)", "Lưu Quốc Bảo (mẫu)" };
		for (int i = 0; i < people.length && i < orgs.size(); i++) {
			this.reviews.addCommendation(system, review, "INDIVIDUAL", people[i],
					orgs.get((i * 3 + 1) % orgs.size()).name(), "Giấy khen của Ban Thường vụ Đảng uỷ Khối (mẫu)",
					"Có thành tích tiêu biểu trong thực hiện Chỉ thị 16-CT/TU (mẫu)");
		}
	}

	private void todaysReview(CurrentUser system, Random random) {
		LocalDate opened = LocalDate.of(2026, 1, 5);
		Organization committee = find(system, PARTY_AGENCIES, opened);
		long directive = this.directives.record(system,
				new Directives.NewDirective(committee.id(), DirectiveKind.RESOLUTION, "05-NQ/TU",
						"Về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2021–2025 (mẫu)", "Ban Thường vụ Tỉnh uỷ",
						LocalDate.of(2021, 3, 15), null, "Dữ liệu mẫu: nghị quyết giả định (mẫu)."));
		long review = this.reviews.open(system, new Reviews.NewReview(committee.id(), directive, ReviewKind.INTERIM,
				"Sơ kết 5 năm thực hiện Nghị quyết 05-NQ/TU (mẫu)", LocalDate.of(2021, 1, 1),
				LocalDate.of(2025, 12, 31), opened, null, "Đảng bộ tỉnh Quảng Trị", "Đảng uỷ các cơ quan Đảng tỉnh",
				null, "Đông Hà", null, null, List.of("Ban Thường vụ Tỉnh uỷ (để báo cáo)", "Lưu Văn phòng Đảng uỷ")));
		List<Reviews.Section> outline = this.reviews.outline(review);
		List<Organization> orgs = this.scope.reporters(system, committee.id(), opened);
		for (int i = 0; i < orgs.size() && i < 8; i++) {
			long submission = this.reviews.openSubmission(system, review, orgs.get(i).id());
			Map<Long, String> texts = new LinkedHashMap<>();
			texts.put(outline.get(0).id(), "Chi bộ, đảng bộ đã quán triệt và cụ thể hoá Nghị quyết (mẫu).");
			texts.put(outline.get(1).id(), "Sinh hoạt chi bộ định kỳ bảo đảm nội dung, thời gian (mẫu).");
			this.reviews.saveSubmission(system, submission, texts, Map.of(),
					this.reviews.submission(system, submission).version());
			if (i < 6) {
				this.reviews.submit(system, submission, opened.plusDays(5 + random.nextInt(10)));
			}
			if (i < 3) {
				this.reviews.accept(system, submission, opened.plusDays(20));
			}
			else if (i == 3) {
				this.reviews.returnForCorrection(system, submission, opened.plusDays(20),
						"Đề nghị bổ sung số liệu (mẫu).");
			}
		}
	}

}
