package vn.capuy.grading;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A campaign end to end on a tree of the test's own: who is reviewed, the workflow, the
 * quota and the conditions at the decision, the rules of each year, the results against
 * SQL, and scope.
 */
@FullTest
class GradingFlowTests {

	private static final LocalDate FROM = LocalDate.of(2020, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GradingCampaigns campaigns;

	@Autowired
	GradingResults results;

	@Autowired
	Members members;

	@Autowired
	JdbcClient jdbc;

	long root;

	long bloc;

	long grassroots;

	long cell;

	long exempt;

	String board;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Đảng bộ thử xếp loại", FROM);
		this.bloc = this.fixtures.child(this.root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ khối thử", FROM);
		this.grassroots = this.fixtures.child(this.bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ cơ sở thử", FROM);
		this.cell = this.fixtures.child(this.grassroots, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ thử", FROM);
		for (int i = 0; i < 31; i++) {
			this.fixtures.member(this.cell, "Đảng viên thử " + (char) ('A' + i % 26) + (i >= 26 ? "a" : ""), FROM);
		}
		this.exempt = this.fixtures.member(this.cell, "Đảng viên được miễn", FROM);
		this.members.changeStatus(Fixtures.system(), this.exempt, MemberStatus.EXEMPT, LocalDate.of(2024, 6, 1),
				"Tuổi cao, sức yếu", null);
		long user = this.fixtures.user("bantochuc", Role.ORGANIZATION_BOARD, this.bloc);
		this.board = this.fixtures.username(user);
	}

	private Http http() {
		return new Http(this.port).basic(this.board, "secret-" + this.board);
	}

	private CurrentUser boardUser() {
		return this.fixtures.as(this.fixtures.user("bantochuc", Role.ORGANIZATION_BOARD, this.bloc));
	}

	private long open(int year) {
		return this.campaigns
			.open(boardUser(),
					new GradingCampaigns.NewCampaign(this.bloc, PeriodKind.YEAR, LocalDate.of(year, 1, 1),
							LocalDate.of(year, 12, 31), null, false, LocalDate.of(year, 11, 20)))
			.id();
	}

	@Test
	void exemptMembersAreNeverGraded() {
		CurrentUser user = boardUser();
		long id = open(2025);
		List<Review> reviews = this.campaigns.reviews(user, id, null, Review.MEMBER, null);
		assertThat(reviews).hasSize(31);
		assertThat(reviews).extracting(Review::memberId).doesNotContain(this.exempt);
		Integer exemptRows = this.jdbc
			.sql("SELECT count(*) FROM grading_review WHERE campaign_id = :c AND member_id = :m")
			.param("c", id)
			.param("m", this.exempt)
			.query(Integer.class)
			.single();
		assertThat(exemptRows).isZero();
		// the grassroots organisation, its committee and the cell are reviewed; the bloc
		// decides
		List<Review> organizations = this.campaigns.reviews(user, id, null, Review.ORGANIZATION, null);
		assertThat(organizations).extracting(Review::collective)
			.containsExactlyInAnyOrder(Collective.ORGANIZATION, Collective.COMMITTEE, Collective.ORGANIZATION);
		assertThat(reviews).allMatch((r) -> r.decidingOrganizationId() == this.grassroots);
	}

	@Test
	void fiveExcellentWithTwentyFiveGoodAreAcceptedAndSixAreRefused() {
		CurrentUser user = boardUser();
		long id = open(2025);
		List<Review> reviews = this.campaigns.reviews(user, id, null, Review.MEMBER, null);
		List<String> decisions = new ArrayList<>();
		for (int i = 0; i < reviews.size(); i++) {
			boolean excellent = i < 6;
			Review r = reviews.get(i);
			this.campaigns.selfAssess(user, r.id(),
					GradingCampaigns.Assessment.score(new BigDecimal(excellent ? "95" : "80"), null, null));
			this.campaigns.propose(user, r.id(), GradingCampaigns.Assessment.score(null, null, null));
			decisions.add("{\"reviewId\":" + r.id() + ",\"grade\":\"" + (excellent ? "HTXS" : "HTT") + "\"}");
		}
		String six = "{\"decisions\":[" + String.join(",", decisions) + "]}";
		HttpResponse<String> refused = http().postJson("/api/v1/grading/campaigns/" + id + "/decisions", six);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("6").contains("tối đa 5").contains("Quy định 366-QĐ/TW");
		assertThat(decided(id)).as("nothing half-saved").isZero();

		String five = "{\"decisions\":[" + String.join(",", decisions.subList(1, decisions.size())) + "]}";
		HttpResponse<String> accepted = http().postJson("/api/v1/grading/campaigns/" + id + "/decisions", five);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(decided(id)).isEqualTo(30);

		String sixth = "{\"decisions\":[" + decisions.get(0) + "]}";
		assertThat(http().postJson("/api/v1/grading/campaigns/" + id + "/decisions", sixth).statusCode())
			.isEqualTo(409);
		String excepted = "{\"decisions\":[" + decisions.get(0)
				+ "],\"quotaExceptionReason\":\"Đơn vị nổi trội, được Ban Thường vụ cho phép\"}";
		assertThat(http().postJson("/api/v1/grading/campaigns/" + id + "/decisions", excepted).statusCode())
			.isEqualTo(200);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM grading_review WHERE campaign_id = :c AND quota_exception_reason IS NOT NULL
				""").param("c", id).query(Integer.class).single()).isEqualTo(1);

		// the results equal an independent count
		HttpResponse<String> res = http().get("/api/v1/grading/campaigns/" + id + "/results");
		assertThat(res.statusCode()).isEqualTo(200);
		int htxs = count(id, "MEMBER", "HTXS");
		int htt = count(id, "MEMBER", "HTT");
		assertThat(htxs).isEqualTo(6);
		assertThat(htt).isEqualTo(25);
		assertThat(res.body()).contains("\"members\":{\"HTXS\":" + htxs + ",\"HTT\":" + htt + ",\"HTNV\":0,\"KHTNV\":0")
			.contains("\"quotaUsed\":" + htxs);
		GradingResults.Results r = this.results.results(user, id, this.cell);
		assertThat(r.members().get(Grade.HTXS)).isEqualTo(htxs);
		assertThat(r.members().get(Grade.HTT)).isEqualTo(htt);
		assertThat(r.organizations().undecided()).isEqualTo(1);
		assertThat(this.results.results(user, id, null).organizations().undecided())
			.isEqualTo(count(id, "ORGANIZATION", null));
	}

	@Test
	void aCollectiveWithADisciplinedLeadershipMemberCannotBeExcellent() {
		CurrentUser user = boardUser();
		long id = open(2025);
		Review committee = this.campaigns.reviews(user, id, null, Review.ORGANIZATION, this.grassroots)
			.stream()
			.filter((r) -> r.collective() == Collective.ORGANIZATION && r.organizationId() == this.grassroots)
			.findFirst()
			.orElseThrow();
		Review self = this.campaigns.selfAssess(user, committee.id(),
				GradingCampaigns.Assessment.score(new BigDecimal("95"), null, null).withDiscipline(1, 0, 0));
		assertThat(self.selfGrade()).isEqualTo(Grade.HTT);
		assertThatThrownBy(() -> this.campaigns.propose(user, committee.id(),
				GradingCampaigns.Assessment.score(null, Grade.HTXS, "Đề xuất của Ban Tổ chức")))
			.isInstanceOf(RuleViolationException.class)
			.extracting((e) -> ((RuleViolationException) e).messageKey())
			.isEqualTo("grading.error.condition");
		Review proposed = this.campaigns.propose(user, committee.id(),
				GradingCampaigns.Assessment.score(null, Grade.HTT, null));
		HttpResponse<String> excellent = http().postJson("/api/v1/grading/campaigns/" + id + "/decisions",
				"{\"decisions\":[{\"reviewId\":" + proposed.id() + ",\"grade\":\"HTXS\",\"reason\":\"Thành tích\"}]}");
		assertThat(excellent.statusCode()).isEqualTo(409);
		assertThat(excellent.body()).contains("bị kỷ luật");
	}

	@Test
	void theSameScoresGiveExcellentUnder124In2023AndGoodUnder366In2025() {
		CurrentUser user = boardUser();
		long in2023 = open(2023);
		long in2025 = open(2025);
		GradingCampaigns.Assessment a = GradingCampaigns.Assessment.score(new BigDecimal("92"), null, null)
			.withTasks(10, 10, 2, 0, 0);
		Review r2023 = this.campaigns.selfAssess(user,
				this.campaigns.reviews(user, in2023, null, Review.MEMBER, null).get(0).id(), a);
		Review r2025 = this.campaigns.selfAssess(user,
				this.campaigns.reviews(user, in2025, null, Review.MEMBER, null).get(0).id(), a);
		assertThat(r2023.selfGrade()).isEqualTo(Grade.HTXS);
		assertThat(r2025.selfGrade()).isEqualTo(Grade.HTT);
		assertThat(this.campaigns.rulesOn(LocalDate.of(2023, 12, 31)).quota().sourceDocument()).contains("124-QĐ/TW");
		assertThat(this.campaigns.rulesOn(LocalDate.of(2025, 12, 31)).quota().sourceDocument()).contains("366-QĐ/TW");
		// quarterly reviews exist only from Quy định 366
		assertThatThrownBy(
				() -> this.campaigns.open(user,
						new GradingCampaigns.NewCampaign(this.bloc, PeriodKind.QUARTER, LocalDate.of(2023, 4, 1),
								LocalDate.of(2023, 6, 30), null, false, null)))
			.isInstanceOf(RuleViolationException.class);
		assertThat(this.campaigns
			.open(user,
					new GradingCampaigns.NewCampaign(this.bloc, PeriodKind.QUARTER, LocalDate.of(2025, 10, 1),
							LocalDate.of(2025, 12, 31), null, false, null))
			.members()).isEqualTo(31);
	}

	@Test
	void changingAProposedGradeNeedsAReason() {
		CurrentUser user = boardUser();
		long id = open(2025);
		Review r = this.campaigns.reviews(user, id, null, Review.MEMBER, null).get(0);
		this.campaigns.selfAssess(user, r.id(), GradingCampaigns.Assessment.score(new BigDecimal("80"), null, null));
		HttpResponse<String> noReason = http().postJson("/api/v1/grading/reviews/" + r.id() + "/proposal",
				"{\"grade\":\"HTNV\"}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason").contains("lý do");
		HttpResponse<String> withReason = http().postJson("/api/v1/grading/reviews/" + r.id() + "/proposal",
				"{\"grade\":\"HTNV\",\"reason\":\"Chưa hoàn thành báo cáo quý\"}");
		assertThat(withReason.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'grading_review' AND entity_id = :id")
			.param("id", String.valueOf(r.id()))
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void outsideTheCallersScopeIsNotFound() {
		long id = open(2025);
		long otherRoot = this.fixtures.root("Đảng bộ khác", FROM);
		long stranger = this.fixtures.user("nguoila", Role.ORGANIZATION_BOARD, otherRoot);
		String name = this.fixtures.username(stranger);
		Http other = new Http(this.port).basic(name, "secret-" + name);
		assertThat(other.get("/api/v1/grading/campaigns/" + id + "/results").statusCode()).isEqualTo(404);
		assertThat(other.get("/api/v1/grading/campaigns").body()).doesNotContain("\"id\":" + id + ",");
		assertThat(http().get("/api/v1/grading/campaigns/" + id + "/results?organizationId=" + otherRoot).statusCode())
			.isEqualTo(404);
		assertThatThrownBy(() -> this.results.results(this.fixtures.as(stranger), id, null))
			.isInstanceOf(NotFoundException.class);
		// a secretary of the cell sees the campaign, limited to the cell
		long secretary = this.fixtures.user("bithu", Role.SECRETARY, this.cell);
		String s = this.fixtures.username(secretary);
		HttpResponse<String> own = new Http(this.port).basic(s, "secret-" + s)
			.get("/api/v1/grading/campaigns/" + id + "/results");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("\"members\":{\"HTXS\":0,\"HTT\":0,\"HTNV\":0,\"KHTNV\":0,\"undecided\":31");
	}

	@Test
	void pagesShowTheCampaignAndTheQuota() {
		long id = open(2025);
		Http browser = new Http(this.port);
		browser.login(this.board, "secret-" + this.board);
		HttpResponse<String> page = browser.get("/grading/campaigns/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Hoàn thành xuất sắc nhiệm vụ").contains("Quy định 366-QĐ/TW");
		HttpResponse<String> decide = browser
			.get("/grading/campaigns/" + id + "/decide?deciding=" + this.grassroots + "&kind=MEMBER");
		assertThat(decide.statusCode()).isEqualTo(200);
		assertThat(decide.body()).contains("tối đa được phép: 0").contains("Đảng viên thử B");
		assertThat(browser.get("/grading/campaigns/" + id + "/results.xlsx").statusCode()).isEqualTo(200);
		HttpResponse<String> docx = browser.get("/grading/campaigns/" + id + "/report.docx");
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
	}

	@Test
	void theSampleGradesEachYearUnderItsRulesAndLeavesOneOrganisationOverTheQuota() {
		CurrentUser system = Fixtures.system();
		List<Campaign> sample = this.campaigns.campaigns(system)
			.stream()
			.filter((c) -> c.title().startsWith("Kiểm điểm, đánh giá, xếp loại chất lượng năm"))
			.toList();
		assertThat(sample.stream().map((c) -> c.periodTo().getYear()).distinct().sorted().toList())
			.containsExactly(2008, 2009, 2010, 2011, 2012, 2021, 2022, 2023, 2024, 2025);
		Campaign c2023 = sample.stream().filter((c) -> c.periodTo().getYear() == 2023).findFirst().orElseThrow();
		Campaign c2025 = sample.stream().filter((c) -> c.periodTo().getYear() == 2025).findFirst().orElseThrow();
		assertThat(this.campaigns.rulesOf(c2023).quota().sourceDocument()).contains("124-QĐ/TW");
		assertThat(this.campaigns.rulesOf(c2025).quota().sourceDocument()).contains("366-QĐ/TW");
		assertThat(this.campaigns.rulesOf(c2025).minExceedingShare()).isEqualByComparingTo("0.30");
		assertThat(this.campaigns.rulesOf(c2023).minExceedingShare()).isEqualByComparingTo("0");
		// every decided group keeps its quota; one 2025 group of proposals is over it
		Integer brokenDecided = this.jdbc.sql("""
				SELECT count(*) FROM (
				  SELECT campaign_id, deciding_organization_id, subject_kind FROM grading_review
				  WHERE decided_grade IS NOT NULL GROUP BY 1, 2, 3
				  HAVING count(*) FILTER (WHERE decided_grade = 'HTXS')
				       > floor(0.2 * count(*) FILTER (WHERE decided_grade = 'HTT'))
				     AND bool_and(quota_exception_reason IS NULL)) g
				""").query(Integer.class).single();
		assertThat(brokenDecided).isZero();
		Integer overProposed = this.jdbc
			.sql("""
					SELECT count(*) FROM (
					  SELECT r.deciding_organization_id FROM grading_review r JOIN grading_campaign c ON c.id = r.campaign_id
					  WHERE extract(year FROM c.period_to) = 2025 AND r.step = 'PROPOSED' AND r.subject_kind = 'MEMBER'
					    AND c.title LIKE 'Kiểm điểm, đánh giá, xếp loại chất lượng năm%'
					  GROUP BY 1
					  HAVING count(*) FILTER (WHERE r.proposed_grade = 'HTXS')
					       > floor(0.2 * count(*) FILTER (WHERE r.proposed_grade = 'HTT'))) g
					""")
			.query(Integer.class)
			.single();
		assertThat(overProposed).isEqualTo(1);
		// two members did not complete their tasks in 2024 and 2025: flagged for their
		// cells
		assertThat(this.results.alerts(system.scope(), LocalDate.of(2026, 11, 29)))
			.anyMatch((a) -> a.messageKey().equals("grading.alert.KHTNV_CONSECUTIVE"));
		assertThat(
				this.results.tables(system.scope(), LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31)).get(0).rows())
			.hasSizeGreaterThanOrEqualTo(10);
	}

	private int decided(long campaign) {
		return this.jdbc.sql("SELECT count(*) FROM grading_review WHERE campaign_id = :c AND decided_grade IS NOT NULL")
			.param("c", campaign)
			.query(Integer.class)
			.single();
	}

	private int count(long campaign, String kind, String grade) {
		return this.jdbc.sql("""
				SELECT count(*) FROM grading_review
				WHERE campaign_id = :c AND subject_kind = :k AND decided_grade IS NOT DISTINCT FROM :g
				""").param("c", campaign).param("k", kind).param("g", grade).query(Integer.class).single();
	}

	static String ids(List<Review> reviews) {
		return reviews.stream().map((r) -> String.valueOf(r.id())).collect(Collectors.joining(","));
	}

}
