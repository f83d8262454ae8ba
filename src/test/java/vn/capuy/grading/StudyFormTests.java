package vn.capuy.grading;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

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
import vn.capuy.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Hồ Chí Minh study entered through its pages as a browser does (CSRF, redirect,
 * flash): the theme, a commitment, its assessment by the cell, an exemplary model; bad
 * input names the field in Vietnamese and saves nothing; the result feeds the grade; the
 * review page shows what is known and the conditions that cap the grade.
 */
@FullTest
class StudyFormTests {

	private static final LocalDate FROM = LocalDate.of(2018, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GradingCampaigns campaigns;

	@Autowired
	HoChiMinhStudy study;

	@Autowired
	JdbcClient jdbc;

	long bloc;

	long cell;

	long member;

	String board;

	int year;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Đảng bộ thử học tập", FROM);
		this.bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ khối học tập", FROM);
		long grassroots = this.fixtures.child(this.bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ cơ sở học tập", FROM);
		this.cell = this.fixtures.child(grassroots, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ học tập", FROM);
		this.member = this.fixtures.member(this.cell, "Lê Thị Cam Kết", FROM);
		this.fixtures.member(this.cell, "Trần Văn Khác", FROM);
		this.board = this.fixtures.username(this.fixtures.user("bantochuc", Role.ORGANIZATION_BOARD, this.bloc));
		// a year of the test's own for the (national, per-year) theme
		this.year = 2019;
	}

	private Http browser() {
		Http browser = new Http(this.port);
		browser.login(this.board, "secret-" + this.board);
		return browser;
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private int commitmentsOf(long memberId) {
		return this.jdbc.sql("SELECT count(*) FROM hcm_commitment WHERE member_id = :m")
			.param("m", memberId)
			.query(Integer.class)
			.single();
	}

	@Test
	void theThemeACommitmentItsAssessmentAndAModelAreEnteredThroughThePages() {
		Http browser = browser();
		String page = "/grading/study?year=" + this.year + "&organizationId=" + this.cell;
		// the theme of the year
		String theme = "Chuyên đề thử " + Fixtures.next() + " về phong cách nêu gương";
		String done = location(browser.postForm("/grading/study/theme", Map.of("year", String.valueOf(this.year),
				"theme", theme, "documentRef", "Kế hoạch 01-KH/TU (thử)", "_csrf", browser.csrf(page))));
		assertThat(browser.get(done).body()).contains("Đã ghi chuyên đề năm.")
			.contains(theme + " (Kế hoạch 01-KH/TU (thử))");
		// the commitment form offers the members of the chosen cell by name
		String form = browser.get(page).body();
		assertThat(form).contains("Lê Thị Cam Kết").contains("Trần Văn Khác");
		done = location(browser.postForm("/grading/study/commitments",
				Map.of("year", String.valueOf(this.year), "organizationId", String.valueOf(this.cell), "memberId",
						String.valueOf(this.member), "commitment", "Nêu gương đúng giờ trong sinh hoạt chi bộ",
						"linkedTasks", "Báo cáo quý đúng hạn", "signedOn", this.year + "-02-15", "_csrf",
						browser.csrf(page))));
		String listed = browser.get(done).body();
		assertThat(listed).contains("Đã ghi bản cam kết.").contains("Nêu gương đúng giờ trong sinh hoạt chi bộ");
		long id = this.jdbc.sql("SELECT id FROM hcm_commitment WHERE member_id = :m AND year = :y")
			.param("m", this.member)
			.param("y", this.year)
			.query(Long.class)
			.single();
		// the member's self-assessments and the cell's comment and result
		String one = "/grading/study/commitments/" + id;
		done = location(browser.postForm(one,
				Map.of("midYearSelf", "Sáu tháng đầu năm thực hiện đủ", "yearEndSelf", "Cả năm thực hiện đủ",
						"cellComment", "Chi bộ ghi nhận thực hiện tốt", "result", "TOT", "_csrf", browser.csrf(one))));
		String assessed = browser.get(done).body();
		assertThat(assessed).contains("Sáu tháng đầu năm thực hiện đủ")
			.contains("Chi bộ ghi nhận thực hiện tốt")
			.contains(">Tốt<");
		assertThat(browser.get(page).body()).contains("Chi bộ ghi nhận thực hiện tốt");
		// an exemplary collective
		done = location(browser.postForm("/grading/study/models",
				Map.of("year", String.valueOf(this.year), "organizationId", String.valueOf(this.cell), "memberId", "",
						"modelTitle", "Chi bộ học tập: điển hình tiên tiến", "commendation", "Giấy khen", "decisionRef",
						"Quyết định 12-QĐ/ĐU", "recordedOn", this.year + "-12-20", "_csrf", browser.csrf(page))));
		assertThat(browser.get(done).body()).contains("Đã ghi điển hình tiên tiến.")
			.contains("Chi bộ học tập: điển hình tiên tiến")
			.contains("Quyết định 12-QĐ/ĐU");
		// the API shows the same year
		Http api = new Http(this.port).basic(this.board, "secret-" + this.board);
		HttpResponse<String> json = api.get("/api/v1/grading/study/" + this.year + "?organizationId=" + this.cell);
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("\"total\":1").contains("Nêu gương đúng giờ").contains(theme);
	}

	@Test
	void anExemplaryMemberMustBelongToTheOrganisationNamed() {
		long otherCell = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ khác học tập", FROM);
		long outsider = this.fixtures.member(otherCell, "Phạm Văn Ngoài", FROM);
		CurrentUser board = this.fixtures.as(this.fixtures.user("bantochuc", Role.ORGANIZATION_BOARD, this.bloc));
		LocalDate on = LocalDate.of(this.year, 12, 20);
		assertThatThrownBy(
				() -> this.study.addModel(board, this.year, this.cell, outsider, "Cá nhân điển hình", null, null, on))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.field()).isEqualTo("memberId"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM hcm_model WHERE member_id = :m")
			.param("m", outsider)
			.query(Integer.class)
			.single()).isZero();
		// the member of the cell is accepted, and so is the cell's member for the
		// grassroots above it
		this.study.addModel(board, this.year, this.cell, this.member, "Cá nhân điển hình", null, null, on);
		this.study.addModel(board, this.year, this.bloc, this.member, "Cá nhân điển hình của khối", null, null, on);
		assertThat(this.jdbc.sql("SELECT count(*) FROM hcm_model WHERE member_id = :m")
			.param("m", this.member)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void badInputNamesTheFieldInVietnameseAndSavesNothing() {
		Http browser = browser();
		String page = "/grading/study?year=" + this.year + "&organizationId=" + this.cell;
		String back = location(browser.postForm("/grading/study/commitments",
				Map.of("year", String.valueOf(this.year), "organizationId", String.valueOf(this.cell), "memberId",
						String.valueOf(this.member), "commitment", "  ", "signedOn", this.year + "-02-15", "_csrf",
						browser.csrf(page))));
		assertThat(browser.get(back).body()).contains("Nội dung cam kết");
		assertThat(commitmentsOf(this.member)).isZero();
		// signed in another year than the commitment's
		back = location(browser.postForm("/grading/study/commitments",
				Map.of("year", String.valueOf(this.year), "organizationId", String.valueOf(this.cell), "memberId",
						String.valueOf(this.member), "commitment", "Cam kết", "signedOn", (this.year + 1) + "-02-15",
						"_csrf", browser.csrf(page))));
		assertThat(browser.get(back).body()).contains("Ngày ký cam kết").contains("phải trong năm " + this.year);
		assertThat(commitmentsOf(this.member)).isZero();
		Integer models = this.jdbc.sql("SELECT count(*) FROM hcm_model WHERE organization_id = :o")
			.param("o", this.cell)
			.query(Integer.class)
			.single();
		back = location(browser.postForm("/grading/study/models", Map.of("year", String.valueOf(this.year),
				"organizationId", String.valueOf(this.cell), "modelTitle", "", "_csrf", browser.csrf(page))));
		assertThat(browser.get(back).body()).contains("Tên điển hình tiên tiến");
		assertThat(this.jdbc.sql("SELECT count(*) FROM hcm_model WHERE organization_id = :o")
			.param("o", this.cell)
			.query(Integer.class)
			.single()).isEqualTo(models);
		// the API answers 400 naming the field
		Http api = new Http(this.port).basic(this.board, "secret-" + this.board);
		HttpResponse<String> refused = api.postJson("/api/v1/grading/study/" + this.year + "/commitments",
				"{\"memberId\":" + this.member + ",\"commitment\":\"\",\"signedOn\":\"" + this.year + "-03-01\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Nội dung cam kết");
		assertThat(commitmentsOf(this.member)).isZero();
	}

	@Test
	void theStudyResultFeedsTheGradeAndTheReviewPageShowsTheCaps() {
		CurrentUser user = this.fixtures.as(this.fixtures.user("bantochuc", Role.ORGANIZATION_BOARD, this.bloc));
		long campaign = this.campaigns
			.open(user,
					new GradingCampaigns.NewCampaign(this.bloc, PeriodKind.YEAR, LocalDate.of(2024, 1, 1),
							LocalDate.of(2024, 12, 31), null, false, LocalDate.of(2024, 11, 20)))
			.id();
		Review review = this.campaigns.reviews(user, campaign, null, Review.MEMBER, null)
			.stream()
			.filter((r) -> r.memberId() == this.member)
			.findFirst()
			.orElseThrow();
		Http browser = browser();
		String page = "/grading/study?year=2024&organizationId=" + this.cell;
		location(browser.postForm("/grading/study/commitments",
				Map.of("year", "2024", "organizationId", String.valueOf(this.cell), "memberId",
						String.valueOf(this.member), "commitment", "Cam kết 2024", "signedOn", "2024-02-01", "_csrf",
						browser.csrf(page))));
		long id = this.jdbc.sql("SELECT id FROM hcm_commitment WHERE member_id = :m AND year = 2024")
			.param("m", this.member)
			.query(Long.class)
			.single();
		location(browser.postForm("/grading/study/commitments/" + id, Map.of("cellComment", "Đạt", "result", "DAT",
				"_csrf", browser.csrf("/grading/study/commitments/" + id))));
		// criteria without the study: its points come from the result (DAT × maximum)
		GradingRules rules = this.campaigns.rulesOn(LocalDate.of(2024, 12, 31));
		int studyMax = rules.memberCriteria().get(GradingRules.HCM_STUDY);
		Map<String, BigDecimal> criteria = new java.util.LinkedHashMap<>();
		rules.memberCriteria().forEach((k, max) -> {
			if (!k.equals(GradingRules.HCM_STUDY)) {
				criteria.put(k, BigDecimal.valueOf(max));
			}
		});
		GradingCampaigns.Assessment a = new GradingCampaigns.Assessment(null, criteria, null, 10, 9, 3, 1, 0, null,
				null, null, null, null, null, null, null, LocalDate.of(2024, 12, 5));
		Review self = this.campaigns.selfAssess(user, review.id(), a);
		BigDecimal expected = BigDecimal.valueOf(100 - studyMax)
			.add(rules.studyFactors().get(StudyResult.DAT).multiply(BigDecimal.valueOf(studyMax)));
		assertThat(self.selfScore()).isEqualByComparingTo(expected);
		// 9 of 10 tasks on time: the page says why the grade is capped
		String reviewPage = browser.get("/grading/reviews/" + review.id()).body();
		assertThat(reviewPage).contains("mới hoàn thành đúng hạn, bảo đảm chất lượng 9/10 nhiệm vụ")
			.contains("mức cao nhất được xếp: Hoàn thành nhiệm vụ")
			.contains("Chưa có số liệu dự họp.")
			.contains("Đọc khi tự đánh giá hoặc đề xuất ngày 05/12/2024");
		assertThat(self.selfGrade()).isEqualTo(Grade.HTNV);
	}

}
