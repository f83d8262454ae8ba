package vn.capuy.directive;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.ReviewContribution.AnnexTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans, reports, roll-up, deadlines, the drafted review report and its exports, and
 * scope, on the embedded database: a tree of the test's own, and the sample's five-year
 * review of Directive 16-CT/TU checked against independent SQL counts.
 */
@FullTest
class DirectiveTests {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directives directives;

	@Autowired
	ProgressReports reports;

	@Autowired
	PlanDashboard dashboard;

	@Autowired
	Reviews reviews;

	@Autowired
	ReviewReport reviewReport;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long bloc;

	long cellA;

	long cellB;

	long office;

	long secretaryA;

	long outsider;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử chỉ thị", START);
		this.bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử chỉ thị", START);
		this.cellA = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Một", START);
		this.cellB = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Hai", START);
		long otherRoot = this.fixtures.root("Tỉnh khác", START);
		this.office = this.fixtures.user("vp", Role.OFFICE, this.bloc);
		this.secretaryA = this.fixtures.user("bt", Role.SECRETARY, this.cellA);
		this.outsider = this.fixtures.user("ng", Role.OFFICE, otherRoot);
	}

	Http as(long user) {
		String name = this.fixtures.username(user);
		return new Http(this.port).basic(name, "secret-" + name);
	}

	byte[] bytes(long user, String path) throws Exception {
		String name = this.fixtures.username(user);
		return bytes(name, "secret-" + name, path);
	}

	byte[] bytes(String name, String password, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** A plan for 2021 with two items (the first weighted 2) and three indicators. */
	record TestPlan(long plan, long number, long percent, long yesNo) {
	}

	TestPlan plan(String indicatorName) {
		long directive = this.directives.record(this.system, new Directives.NewDirective(this.bloc,
				DirectiveKind.RESOLUTION, "01-NQ/TU", "Nghị quyết thử", "Ban Thường vụ", START, null, null));
		long plan = this.directives.createPlan(this.system, directive,
				new Directives.NewPlan("02-KH/ĐU", "Kế hoạch thử", START, LocalDate.of(2021, 1, 1),
						LocalDate.of(2021, 12, 31), Frequency.SIX_MONTHLY, null));
		long item1 = this.directives.addItem(this.system, plan,
				new Directives.NewItem("Sinh hoạt chi bộ", "Ban Tổ chức", null, BigDecimal.valueOf(2)));
		long item2 = this.directives.addItem(this.system, plan,
				new Directives.NewItem("Quy chế làm việc", "Văn phòng", null, null));
		long number = this.directives.addIndicator(this.system, item1,
				new Directives.NewIndicator(indicatorName, IndicatorKind.NUMBER, BigDecimal.TEN, "buổi", null));
		long percent = this.directives.addIndicator(this.system, item1, new Directives.NewIndicator(
				"Tỷ lệ đảng viên dự", IndicatorKind.PERCENT, BigDecimal.valueOf(100), "%", BigDecimal.valueOf(3)));
		long yesNo = this.directives.addIndicator(this.system, item2,
				new Directives.NewIndicator("Có quy chế", IndicatorKind.YES_NO, BigDecimal.ONE, null, null));
		return new TestPlan(plan, number, percent, yesNo);
	}

	long report(TestPlan p, long org, LocalDate periodStart, int number, int percent, int yes, boolean accept) {
		long id = this.reports.open(this.system, p.plan(), org, periodStart);
		this.reports.save(
				this.system, id, Map.of(p.number(), BigDecimal.valueOf(number), p.percent(),
						BigDecimal.valueOf(percent), p.yesNo(), BigDecimal.valueOf(yes)),
				Map.of(), this.reports.get(this.system, id).version());
		this.reports.submit(this.system, id, periodStart.plusMonths(6).plusDays(2));
		if (accept) {
			this.reports.accept(this.system, id, periodStart.plusMonths(6).plusDays(5));
		}
		return id;
	}

	@Test
	void progressRollsUpWeightedByThePlanFromAcceptedReportsOnly() {
		TestPlan p = plan("Buổi sinh hoạt chuyên đề");
		LocalDate h1 = LocalDate.of(2021, 1, 1);
		LocalDate h2 = LocalDate.of(2021, 7, 1);
		report(p, this.cellA, h1, 4, 80, 1, true);
		report(p, this.cellA, h2, 4, 60, 1, true);
		report(p, this.cellB, h1, 10, 100, 0, true);
		report(p, this.cellB, h2, 0, 0, 1, false);
		PlanDashboard.Dashboard board = this.dashboard.on(this.system, p.plan(), LocalDate.of(2022, 3, 1));
		// cell A: item 1 = (8/10 × 1 + 60/100 × 3) / 4 = 0.65; item 2 = 1; plan = (2 ×
		// 0.65 +
		// 1) / 3 = 0.7667
		// cell B: item 1 = 1; item 2 = 0 (its second report is not accepted); plan = 2/3
		PlanDashboard.OrganizationRow a = board.organizations()
			.stream()
			.filter((o) -> o.id() == this.cellA)
			.findFirst()
			.orElseThrow();
		PlanDashboard.OrganizationRow b = board.organizations()
			.stream()
			.filter((o) -> o.id() == this.cellB)
			.findFirst()
			.orElseThrow();
		assertThat(a.progress()).isEqualTo(77);
		assertThat(b.progress()).isEqualTo(67);
		assertThat(board.items().get(0).progress()).isEqualTo(83);
		assertThat(board.items().get(1).progress()).isEqualTo(50);
		assertThat(board.overall()).isEqualTo(72);
		assertThat(board.periods()).hasSize(2);
		assertThat(board.periods().get(1).accepted()).isEqualTo(1);
		assertThat(board.periods().get(1).submitted()).isEqualTo(2);
	}

	@Test
	void reportStepsAreGuardedAndAnswer409WithTheRule() {
		TestPlan p = plan("Buổi học tập");
		long id = this.reports.open(this.system, p.plan(), this.cellA, LocalDate.of(2021, 1, 1));
		HttpResponse<String> accept = as(this.office).postJson("/api/v1/reports/" + id + "/accept",
				"{\"date\":\"2021-07-05\"}");
		assertThat(accept.statusCode()).isEqualTo(409);
		assertThat(accept.body()).contains("DRAFT → SUBMITTED → ACCEPTED");
		assertThat(as(this.secretaryA).postJson("/api/v1/reports/" + id + "/submit", "{\"date\":\"2021-07-03\"}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> again = as(this.secretaryA).postJson("/api/v1/reports/" + id + "/submit",
				"{\"date\":\"2021-07-04\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("SUBMITTED");
		assertThat(as(this.secretaryA).postJson("/api/v1/reports/" + id + "/accept", "{\"date\":\"2021-07-05\"}")
			.statusCode()).as("an organisation does not accept its own report").isEqualTo(403);
		HttpResponse<String> noComment = as(this.office).postJson("/api/v1/reports/" + id + "/return",
				"{\"date\":\"2021-07-05\"}");
		assertThat(noComment.statusCode()).isEqualTo(400);
		assertThat(as(this.office)
			.postJson("/api/v1/reports/" + id + "/return", "{\"date\":\"2021-07-05\",\"comment\":\"Bổ sung số liệu\"}")
			.body()).contains("RETURNED");
		assertThat(
				as(this.secretaryA).postJson("/api/v1/reports/" + id + "/submit", "{\"date\":\"2021-07-08\"}").body())
			.contains("SUBMITTED");
		assertThat(as(this.office).postJson("/api/v1/reports/" + id + "/accept", "{\"date\":\"2021-07-09\"}").body())
			.contains("ACCEPTED");
		List<String> steps = this.jdbc.sql("""
				SELECT to_status || ' ' || on_date || ' ' || actor FROM report_step
				WHERE report_kind = 'PROGRESS' AND report_id = :id ORDER BY id
				""").param("id", id).query(String.class).list();
		assertThat(steps).containsExactly("DRAFT 2021-01-01 system",
				"SUBMITTED 2021-07-03 " + this.fixtures.username(this.secretaryA),
				"RETURNED 2021-07-05 " + this.fixtures.username(this.office),
				"SUBMITTED 2021-07-08 " + this.fixtures.username(this.secretaryA),
				"ACCEPTED 2021-07-09 " + this.fixtures.username(this.office));
		ProgressReports.Report report = this.reports.get(this.system, id);
		assertThat(report.firstSubmittedOn()).isEqualTo(LocalDate.of(2021, 7, 3));
		assertThat(report.dueOn()).isEqualTo(LocalDate.of(2021, 1, 1).plusMonths(6).minusDays(1).plusDays(7));
	}

	@Test
	void reportDeadlinesCountWorkingDaysAcrossTet() {
		// period ending Friday 24/01/2025; Tết 2025 is 25/01–02/02; 5 working days →
		// 3, 4, 5, 6, 7 February
		assertThat(this.reports.dueDate(LocalDate.of(2025, 1, 24))).isEqualTo(LocalDate.of(2025, 2, 7));
		long directive = this.directives.record(this.system, new Directives.NewDirective(this.bloc, DirectiveKind.PLAN,
				"03-KH/TU", "Kế hoạch cấp trên", "Tỉnh uỷ", START, null, null));
		long plan = this.directives.createPlan(this.system, directive, new Directives.NewPlan("04-KH/ĐU", "Kế hoạch",
				null, LocalDate.of(2024, 10, 1), LocalDate.of(2025, 1, 24), Frequency.QUARTERLY, null));
		List<Directives.Period> periods = this.reports.periods(this.directives.plan(this.system, plan));
		assertThat(periods).extracting(Directives.Period::end)
			.containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 24));
		// 31/12/2024 (Tue) + 5 working days, 01/01 a holiday: 2, 3, 6, 7, 8 January
		assertThat(periods).extracting(Directives.Period::due)
			.containsExactly(LocalDate.of(2025, 1, 8), LocalDate.of(2025, 2, 7));
		assertThat(as(this.office).get("/api/v1/plans/" + plan + "/periods").body()).contains("2025-02-07");
	}

	Reviews.Review sampleReview() {
		long id = this.jdbc.sql("SELECT id FROM review WHERE title = :t")
			.param("t", DirectiveSample.REVIEW_TITLE)
			.query(Long.class)
			.single();
		return this.reviews.get(this.system, id);
	}

	@Test
	void everyAnnexTableOfTheSampleReviewEqualsAnIndependentCount() {
		Reviews.Review review = sampleReview();
		List<AnnexTable> annex = this.reviewReport.draft(this.system, review.id()).annex();
		AnnexTable organizations = annex.stream()
			.filter((t) -> t.titleKey().equals("review.annex.organizations"))
			.findFirst()
			.orElseThrow();
		List<LocalDate> dates = ReviewReport.countDates(review.periodFrom(), review.periodTo());
		assertThat(organizations.rows()).hasSize(7);
		for (int i = 0; i < dates.size(); i++) {
			LocalDate d = dates.get(i);
			List<Object> row = organizations.rows().get(i);
			assertThat(row.get(0)).isEqualTo(d.toString());
			String[] types = { "DANG_BO_CO_SO", "CHI_BO_CO_SO", "DANG_BO_BO_PHAN", "CHI_BO_TRUC_THUOC" };
			long total = 0;
			for (int t = 0; t < types.length; t++) {
				long count = this.jdbc.sql("""
						SELECT count(DISTINCT o.id) FROM organization o
						JOIN organization_closure c ON c.descendant_id = o.id AND c.ancestor_id = :bloc
						  AND c.valid_from <= :d AND (c.valid_to IS NULL OR c.valid_to > :d)
						WHERE o.type = :type AND o.valid_from <= :d AND (o.valid_to IS NULL OR o.valid_to > :d)
						""")
					.param("bloc", review.ownerId())
					.param("d", d)
					.param("type", types[t])
					.query(Long.class)
					.single();
				assertThat(((Number) row.get(t + 1)).longValue()).as("%s on %s", types[t], d).isEqualTo(count);
				total += count;
			}
			assertThat(((Number) row.get(5)).longValue()).isEqualTo(total);
			assertThat(total).isPositive();
		}
		AnnexTable reportTable = annex.stream()
			.filter((t) -> t.titleKey().equals("review.annex.reports"))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> expected = this.jdbc
			.sql("""
					SELECT r.period_start, count(*) FILTER (WHERE r.first_submitted_on IS NOT NULL) AS submitted,
					       count(*) FILTER (WHERE r.first_submitted_on <= r.due_on) AS on_time,
					       count(*) FILTER (WHERE r.status = 'ACCEPTED') AS accepted,
					       count(DISTINCT s.report_id) AS returned
					FROM progress_report r JOIN implementation_plan p ON p.id = r.plan_id
					JOIN directive d ON d.id = p.directive_id
					LEFT JOIN report_step s ON s.report_kind = 'PROGRESS' AND s.report_id = r.id AND s.to_status = 'RETURNED'
					WHERE d.id = :directive GROUP BY r.period_start ORDER BY r.period_start
					""")
			.param("directive", review.directiveId())
			.query()
			.listOfRows();
		assertThat(reportTable.rows()).hasSize(11).hasSameSizeAs(expected);
		long late = 0;
		long returned = 0;
		for (int i = 0; i < expected.size(); i++) {
			List<Object> row = reportTable.rows().get(i);
			Map<String, Object> sql = expected.get(i);
			assertThat(((Number) row.get(2)).longValue()).isEqualTo(((Number) sql.get("submitted")).longValue());
			assertThat(((Number) row.get(3)).longValue()).isEqualTo(((Number) sql.get("on_time")).longValue());
			assertThat(((Number) row.get(4)).longValue()).isEqualTo(((Number) sql.get("accepted")).longValue());
			assertThat(((Number) row.get(5)).longValue()).isEqualTo(((Number) sql.get("returned")).longValue());
			assertThat(((Number) row.get(1)).longValue()).isGreaterThanOrEqualTo(((Number) row.get(2)).longValue());
			late += ((Number) row.get(2)).longValue() - ((Number) row.get(3)).longValue();
			returned += ((Number) row.get(5)).longValue();
		}
		assertThat(late).as("a few reports are late").isPositive();
		assertThat(returned).as("a few were returned, then resubmitted").isPositive();
		AnnexTable indicators = annex.stream()
			.filter((t) -> t.titleKey().equals("review.annex.indicators"))
			.findFirst()
			.orElseThrow();
		assertThat(indicators.rows()).hasSize(7);
		List<Map<String, Object>> perYear = this.jdbc
			.sql("""
					SELECT n.position AS item, extract(year FROM r.period_end)::int AS year, n.kind,
					       sum(v.value) AS total, round(avg(v.value), 1) AS mean, count(*) FILTER (WHERE v.value >= 1) AS yes
					FROM progress_report_value v JOIN progress_report r ON r.id = v.report_id AND r.status = 'ACCEPTED'
					JOIN plan_indicator n ON n.id = v.indicator_id JOIN plan_item i ON i.id = n.item_id
					JOIN implementation_plan p ON p.id = i.plan_id
					WHERE p.directive_id = :directive GROUP BY i.position, n.position, year, n.kind
					ORDER BY i.position, year
					""")
			.param("directive", review.directiveId())
			.query()
			.listOfRows();
		int checked = 0;
		for (Map<String, Object> sql : perYear) {
			int itemIndex = checked / 6;
			int year = ((Number) sql.get("year")).intValue();
			List<Object> row = indicators.rows().get(itemIndex);
			Object cell = row.get(3 + year - 2007);
			String kind = (String) sql.get("kind");
			BigDecimal expectedValue = switch (kind) {
				case "NUMBER" -> (BigDecimal) sql.get("total");
				case "PERCENT" -> (BigDecimal) sql.get("mean");
				default -> BigDecimal.valueOf(((Number) sql.get("yes")).longValue());
			};
			assertThat(new BigDecimal(String.valueOf(cell))).as("item %s year %s", itemIndex + 1, year)
				.isEqualByComparingTo(expectedValue);
			checked++;
		}
		assertThat(checked).isEqualTo(7 * 6);
		assertThat(annex).extracting(AnnexTable::titleKey).contains("review.annex.members", "review.annex.admissions");
	}

	@Test
	void membershipAnnexTablesOfTheSampleReviewEqualIndependentCountsPerYear() {
		Reviews.Review review = sampleReview();
		List<AnnexTable> annex = this.reviewReport.draft(this.system, review.id()).annex();
		AnnexTable members = annex.stream()
			.filter((t) -> t.titleKey().equals("review.annex.members"))
			.findFirst()
			.orElseThrow();
		List<LocalDate> dates = ReviewReport.countDates(review.periodFrom(), review.periodTo());
		assertThat(members.rows()).as("the period's first day, then the end of 2007 … 2012").hasSize(dates.size());
		for (int i = 0; i < dates.size(); i++) {
			LocalDate d = dates.get(i);
			Map<String, Object> sql = this.jdbc.sql("""
					SELECT count(DISTINCT ms.member_id) FILTER (WHERE st.status = 'FULL') AS full,
					       count(DISTINCT ms.member_id) FILTER (WHERE st.status = 'PROBATIONARY') AS probationary,
					       count(DISTINCT ms.member_id) FILTER (WHERE st.status = 'EXEMPT') AS exempt
					FROM organization_closure c
					JOIN membership ms ON ms.organization_id = c.descendant_id
					 AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
					JOIN member_status st ON st.member_id = ms.member_id
					 AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
					WHERE c.ancestor_id = :owner AND c.valid_from <= :d AND (c.valid_to IS NULL OR c.valid_to > :d)
					""").param("owner", review.ownerId()).param("d", d).query().singleRow();
			List<Object> row = members.rows().get(i);
			long full = ((Number) sql.get("full")).longValue();
			long probationary = ((Number) sql.get("probationary")).longValue();
			long exempt = ((Number) sql.get("exempt")).longValue();
			assertThat(row.get(0)).isEqualTo(d.toString());
			assertThat(((Number) row.get(1)).longValue()).as("full members on %s", d).isEqualTo(full);
			assertThat(((Number) row.get(2)).longValue()).as("probationary members on %s", d).isEqualTo(probationary);
			assertThat(((Number) row.get(3)).longValue()).as("exempt members on %s", d).isEqualTo(exempt);
			assertThat(((Number) row.get(4)).longValue()).as("members on %s", d)
				.isEqualTo(full + probationary + exempt);
			assertThat(full).as("the bloc had members on %s", d).isGreaterThan(100);
		}
		AnnexTable admissions = annex.stream()
			.filter((t) -> t.titleKey().equals("review.annex.admissions"))
			.findFirst()
			.orElseThrow();
		assertThat(admissions.rows()).hasSize(6);
		long total = 0;
		for (int year = 2007; year <= 2012; year++) {
			LocalDate from = year == 2007 ? review.periodFrom() : LocalDate.of(year, 1, 1);
			LocalDate to = year == 2012 ? review.periodTo() : LocalDate.of(year, 12, 31);
			// admitted in the year: the admission decision falls in it and the member's
			// first
			// placement was in an organisation under the bloc on the day of that
			// placement
			long expected = this.jdbc.sql("""
					SELECT count(*) FROM member m
					JOIN LATERAL (SELECT ms.organization_id, ms.valid_from FROM membership ms WHERE ms.member_id = m.id
					              ORDER BY ms.valid_from LIMIT 1) placed ON true
					WHERE m.admission_decision_date BETWEEN :from AND :to
					  AND EXISTS (SELECT 1 FROM organization_closure c
					              WHERE c.ancestor_id = :owner AND c.descendant_id = placed.organization_id
					                AND c.valid_from <= placed.valid_from
					                AND (c.valid_to IS NULL OR c.valid_to > placed.valid_from))
					""")
				.param("owner", review.ownerId())
				.param("from", from)
				.param("to", to)
				.query(Long.class)
				.single();
			List<Object> row = admissions.rows().get(year - 2007);
			assertThat(row.get(0)).isEqualTo(String.valueOf(year));
			assertThat(((Number) row.get(1)).longValue()).as("admissions in %s", year).isEqualTo(expected);
			total += expected;
		}
		assertThat(total).as("the bloc admitted members over five years").isPositive();

		AnnexTable issued = annex.stream()
			.filter((t) -> t.titleKey().equals("document.review.issued"))
			.findFirst()
			.orElseThrow();
		Map<String, Long> issuedPerYear = new java.util.TreeMap<>();
		this.jdbc
			.sql("""
					SELECT extract(year FROM d.issued_on)::int AS year, count(*) AS n FROM document d
					WHERE d.direction = 'ISSUED' AND d.issued_on BETWEEN :from AND :to
					  AND d.issuer_org_id IN (SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = :owner)
					GROUP BY 1
					""")
			.param("from", review.periodFrom())
			.param("to", review.periodTo())
			.param("owner", review.ownerId())
			.query((rs, n) -> issuedPerYear.put(String.valueOf(rs.getInt(1)), rs.getLong(2)))
			.list();
		assertThat(issuedPerYear).as("the bloc issued documents in the period").isNotEmpty();
		Map<String, Long> inTable = new java.util.TreeMap<>();
		for (List<Object> row : issued.rows()) {
			inTable.put((String) row.get(0), ((Number) row.get(row.size() - 1)).longValue());
		}
		assertThat(inTable).as("documents issued per year").isEqualTo(issuedPerYear);
	}

	@Test
	void docxOfTheSampleReviewIsAPartyReport() throws Exception {
		Reviews.Review review = sampleReview();
		byte[] docx = bytes("vanphong", "demo", "/api/v1/reviews/" + review.id() + "/report.docx");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			String all = text.getText();
			assertThat(all).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG UỶ KHỐI CÁC CƠ QUAN TỈNH", "Số 125-BC/ĐUK",
					"BÁO CÁO", DirectiveSample.REVIEW_TITLE, "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nơi nhận:",
					"Kế hoạch 05-KH/ĐUK", "III. Hạn chế, khuyết điểm", "PHỤ LỤC SỐ LIỆU");
		}
		byte[] notice = bytes("vanphong", "demo", "/api/v1/reviews/" + review.id() + "/conclusions.docx");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(notice));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("THÔNG BÁO", "Số 130-TB/ĐUK", "ngày 31 tháng 10 năm 2012",
					"Lê Văn Phúc (mẫu)");
		}
	}

	@Test
	void xlsxOpensAndWritesFormulaLikeTextAsText() throws Exception {
		TestPlan p = plan("=HYPERLINK(\"http://x.invalid\",\"bấm\")");
		long directive = this.directives.plan(this.system, p.plan()).directiveId();
		report(p, this.cellA, LocalDate.of(2021, 1, 1), 3, 90, 1, true);
		long review = this.reviews.open(this.system,
				new Reviews.NewReview(this.bloc, directive, ReviewKind.INTERIM, "Sơ kết thử", LocalDate.of(2021, 1, 1),
						LocalDate.of(2021, 12, 31), null, null, null, null, "01-BC/ĐU", null, null, null, List.of()));
		byte[] xlsx = bytes(this.office, "/api/v1/reviews/" + review + "/report.xlsx");
		List<Cell> formulaLike = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getNumberOfSheets()).isGreaterThanOrEqualTo(3);
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING
								&& cell.getStringCellValue().startsWith("=HYPERLINK")) {
							formulaLike.add(cell);
						}
					}
				}
			}
			assertThat(formulaLike).hasSize(1);
			assertThat(formulaLike.get(0).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void outOfScopeReviewsAndReportsAre404() {
		TestPlan p = plan("Buổi");
		long reportA = report(p, this.cellA, LocalDate.of(2021, 1, 1), 1, 50, 1, false);
		long reportB = report(p, this.cellB, LocalDate.of(2021, 1, 1), 1, 50, 1, false);
		long review = this.reviews.open(this.system,
				new Reviews.NewReview(this.bloc, null, ReviewKind.YEARLY, "Báo cáo năm 2021", LocalDate.of(2021, 1, 1),
						LocalDate.of(2021, 12, 31), null, null, null, null, null, null, null, null, List.of()));
		assertThat(as(this.outsider).get("/api/v1/reviews/" + review).statusCode()).isEqualTo(404);
		assertThat(as(this.outsider).get("/api/v1/reviews/" + review + "/report.docx").statusCode()).isEqualTo(404);
		assertThat(as(this.outsider).get("/api/v1/reports/" + reportA).statusCode()).isEqualTo(404);
		assertThat(as(this.outsider).get("/api/v1/plans/" + p.plan()).statusCode()).isEqualTo(404);
		assertThat(as(this.outsider).get("/api/v1/reviews").body()).doesNotContain("Báo cáo năm 2021");
		assertThat(as(this.secretaryA).get("/api/v1/reports/" + reportA).statusCode()).isEqualTo(200);
		assertThat(as(this.secretaryA).get("/api/v1/reports/" + reportB).statusCode()).as("another cell's report")
			.isEqualTo(404);
		assertThat(as(this.secretaryA).get("/api/v1/reviews").body()).contains("Báo cáo năm 2021", "\"total\":");
		assertThat(as(this.office).get("/api/v1/reviews/" + review).statusCode()).isEqualTo(200);
	}

	@Test
	void draftEditsAddVersionsAndTheSamplePagesOpen() {
		Reviews.Review review = sampleReview();
		ReviewReport.Draft draft = this.reviewReport.draft(this.system, review.id());
		ReviewReport.DraftSection first = draft.sections().get(0);
		assertThat(first.gathered()).isFalse();
		ReviewReport.DraftSection third = draft.sections().get(2);
		assertThat(third.gathered()).isTrue();
		assertThat(third.text()).contains("[Chi bộ ", "Chất lượng sinh hoạt chi bộ ở một số nơi");
		Http office = new Http(this.port);
		office.login("vanphong", "demo");
		assertThat(office.get("/reviews/" + review.id() + "/draft").body()).contains("Phiên bản 1",
				"Biểu 1: Tổ chức đảng theo loại hình");
		assertThat(office.get("/reviews/" + review.id()).body()).contains("Lê Văn Phúc (mẫu)");
		assertThat(office.get("/directives").body()).contains("16-CT/TU");
		long plan = this.jdbc.sql("SELECT id FROM implementation_plan WHERE symbol = '05-KH/ĐUK'")
			.query(Long.class)
			.single();
		assertThat(office.get("/plans/" + plan + "/dashboard?asOf=2012-10-31").statusCode()).isEqualTo(200);
		assertThat(office.get("/plans/" + plan + "/reports?asOf=2012-10-31").statusCode()).isEqualTo(200);
		int next = this.reviews.saveDraft(this.system, review.id(), first.section().id(), first.text() + "\nThêm.",
				first.version());
		assertThat(next).isEqualTo(first.version() + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM review_draft_version WHERE section_id = :s")
			.param("s", first.section().id())
			.query(Long.class)
			.single()).isEqualTo(next);
		HttpResponse<String> stale = as(this.office).get("/api/v1/reviews");
		assertThat(stale.statusCode()).isEqualTo(200);
	}

}
