package vn.capuy.inspection;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases are confidential: INSPECTION and LEADER users list them, the secretary whose
 * scope holds the handling organisation opens them, everybody else gets 404; every read
 * is audited. Discipline decisions answer 201 or 409 with the rule.
 */
@FullTest
class InspectionApiTests {

	private static final LocalDate START = LocalDate.of(2015, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Inspections inspections;

	@Autowired
	JdbcClient jdbc;

	long root;

	long bloc;

	long committee;

	long cellA;

	long cellB;

	long memberA;

	long memberB;

	long inspector;

	long caseId;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Tỉnh thử kiểm tra", START);
		this.bloc = this.fixtures.child(this.root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử kiểm tra", START);
		this.committee = this.fixtures.child(this.bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Kiểm", START);
		this.cellA = this.fixtures.child(this.committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Một", START);
		this.cellB = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Hai", START);
		this.memberA = this.fixtures.member(this.cellA, "Lê Văn Kiểm", START);
		this.fixtures.member(this.cellA, "Phan Thị Một", START);
		this.fixtures.member(this.cellA, "Võ Văn Hai", START);
		this.memberB = this.fixtures.member(this.cellB, "Đặng Thị Xét", START);
		this.inspector = this.fixtures.user("ubkt", Role.INSPECTION, this.root);
		this.caseId = this.inspections.open(this.fixtures.as(this.inspector),
				new Inspections.NewCase(this.cellA, DecidingBody.CELL, CaseKind.SIGNS_OF_VIOLATION, this.memberA, null,
						"Dấu hiệu vi phạm sinh hoạt đảng", LocalDate.of(2024, 3, 1), "01-QĐ/CB", null));
	}

	private Http as(long user) {
		String name = this.fixtures.username(user);
		return new Http(this.port).basic(name, "secret-" + name);
	}

	private long reads(long user) {
		return this.jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = 'READ'")
			.param("a", this.fixtures.username(user))
			.query(Long.class)
			.single();
	}

	@Test
	void inspectionStaffListCasesOfTheYearAndEveryReadIsAudited() {
		long before = reads(this.inspector);
		HttpResponse<String> list = as(this.inspector)
			.get("/api/v1/inspection/cases?year=2024&organizationId=" + this.bloc);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"id\":" + this.caseId)
			.contains("\"kind\":\"SIGNS_OF_VIOLATION\"")
			.contains("Lê Văn Kiểm")
			.contains("\"stage\":\"DECISION\"")
			.contains("\"total\":1");
		assertThat(as(this.inspector).get("/api/v1/inspection/cases/" + this.caseId).statusCode()).isEqualTo(200);
		assertThat(reads(this.inspector)).isEqualTo(before + 2);
		assertThat(as(this.inspector).get("/api/v1/inspection/cases?year=2023&organizationId=" + this.bloc).body())
			.contains("\"total\":0");
	}

	@Test
	void theSecretaryOfTheHandlingOrganisationOpensTheCaseButOthersGet404() {
		long secretaryAbove = this.fixtures.user("bt", Role.SECRETARY, this.committee);
		long secretaryOther = this.fixtures.user("bt", Role.SECRETARY, this.cellB);
		long office = this.fixtures.user("vp", Role.OFFICE, this.root);
		long before = reads(secretaryAbove);
		assertThat(as(secretaryAbove).get("/api/v1/inspection/cases/" + this.caseId).statusCode()).isEqualTo(200);
		assertThat(reads(secretaryAbove)).isEqualTo(before + 1);
		// the list is for INSPECTION and LEADER only
		assertThat(as(secretaryAbove).get("/api/v1/inspection/cases?year=2024").statusCode()).isEqualTo(404);
		for (long other : List.of(secretaryOther, office)) {
			assertThat(as(other).get("/api/v1/inspection/cases?year=2024").statusCode()).isEqualTo(404);
			assertThat(as(other).get("/api/v1/inspection/cases/" + this.caseId).statusCode()).isEqualTo(404);
		}
		long leader = this.fixtures.user("ld", Role.LEADER, this.root);
		assertThat(as(leader).get("/api/v1/inspection/cases?year=2024").body()).contains("Lê Văn Kiểm");
	}

	@Test
	void othersInScopeSeeTheProgrammeAndPublishedConclusionsOnly() {
		CurrentUser ubkt = this.fixtures.as(this.inspector);
		long programme = this.inspections.adopt(ubkt, this.cellA, DecidingBody.CELL, 2024, "Kế hoạch giám sát thử",
				LocalDate.of(2024, 1, 10), null, null);
		this.inspections.addItem(ubkt, programme, CaseKind.REGULAR_SUPERVISION, this.memberA, null, "Giữ gìn đạo đức",
				LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 28), "Tự báo cáo");
		for (CaseStage s : List.of(CaseStage.NOTIFICATION, CaseStage.SELF_REPORT, CaseStage.VERIFICATION,
				CaseStage.DRAFT_CONCLUSION, CaseStage.MEETING_VOTE, CaseStage.CONCLUSION_NOTIFIED)) {
			this.inspections.advance(ubkt, this.caseId, s, LocalDate.of(2024, 3, 2 + s.ordinal()), null, null,
					"Kết luận công khai số bảy", true);
		}
		long office = this.fixtures.user("vp", Role.OFFICE, this.root);
		Http browser = new Http(this.port);
		String name = this.fixtures.username(office);
		browser.login(name, "secret-" + name);
		String page = browser.get("/inspection?year=2024").body();
		assertThat(page).contains("Kế hoạch giám sát thử").contains("Kết luận công khai số bảy");
		assertThat(browser.get("/inspection/programmes/" + programme).body()).doesNotContain("Giữ gìn đạo đức");
		assertThat(browser.get("/inspection/cases/" + this.caseId).statusCode()).isEqualTo(404);
		// the inspection staff see the whole file: steps, conclusion, the programme's
		// subjects
		Http staff = new Http(this.port);
		String staffName = this.fixtures.username(this.inspector);
		staff.login(staffName, "secret-" + staffName);
		HttpResponse<String> file = staff.get("/inspection/cases/" + this.caseId);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).contains("Lê Văn Kiểm").contains("Thông báo kết luận").contains("MẬT");
		assertThat(staff.get("/inspection/programmes/" + programme).body()).contains("Giữ gìn đạo đức");
		assertThat(staff.get("/inspection?year=2024").body()).contains("Lê Văn Kiểm");
		// the programme's progress: 1 of 3 members supervised is below the 30% target
		Inspections.Progress progress = this.inspections.progress(ubkt, programme, LocalDate.of(2024, 12, 31));
		assertThat(progress.members()).isEqualTo(3);
		assertThat(progress.membersSupervised()).isEqualTo(1);
		assertThat(progress.targetMin()).isEqualTo(30);
		assertThat(progress.targetMet()).isTrue();
		assertThat(this.inspections.report(ubkt, this.bloc, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
			.satisfies((r) -> {
				assertThat(r.inspections()).isEqualTo(1);
				assertThat(r.concluded()).isEqualTo(1);
			});
	}

	@Test
	void aDecisionBeyondTheBodysAuthorityOrOutOfTimeIs409WithTheRule() {
		Http ubkt = as(this.inspector);
		String base = """
				{"caseId":%d,"decidingOrganizationId":%d,"body":"%s","memberId":%d,"standing":"MEMBER",
				 "area":"PARTY_ACTIVITY","violationSummary":"%s","violationDate":"%s","form":"%s",
				 "decisionDate":"2024-05-10","documentRef":"05-QĐ/CB","eligibleVoters":3,"votesFor":%d,"votesAgainst":0}
				""";
		HttpResponse<String> expel = ubkt.postJson("/api/v1/discipline/decisions", base.formatted(this.caseId,
				this.cellA, "CELL", this.memberA, "Bỏ sinh hoạt", "2023-12-01", "KHAI_TRU", 3));
		assertThat(expel.statusCode()).isEqualTo(409);
		assertThat(expel.body()).contains("discipline.authority.CELL.MEMBER");
		HttpResponse<String> late = ubkt.postJson("/api/v1/discipline/decisions", base.formatted(this.caseId,
				this.cellA, "CELL", this.memberA, "Bỏ sinh hoạt cũ", "2019-05-09", "KHIEN_TRACH", 3));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("discipline.limitation-months.KHIEN_TRACH").contains("2024-05-08");
		HttpResponse<String> noMajority = ubkt.postJson("/api/v1/discipline/decisions", base.formatted(this.caseId,
				this.cellA, "CELL", this.memberA, "Bỏ sinh hoạt", "2023-12-01", "CANH_CAO", 1));
		assertThat(noMajority.statusCode()).isEqualTo(409);
		HttpResponse<String> ok = ubkt.postJson("/api/v1/discipline/decisions", base.formatted(this.caseId, this.cellA,
				"CELL", this.memberA, "Bỏ sinh hoạt", "2023-12-01", "CANH_CAO", 2));
		assertThat(ok.statusCode()).isEqualTo(201);
		HttpResponse<String> again = ubkt.postJson("/api/v1/discipline/decisions", base.formatted(this.caseId,
				this.cellA, "CELL", this.memberA, "Bỏ sinh hoạt", "2023-12-01", "KHIEN_TRACH", 2));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("một hình thức");
		// a member of another cell is outside the cell's authority
		HttpResponse<String> outside = ubkt.postJson("/api/v1/discipline/decisions", base.formatted(this.caseId,
				this.cellA, "CELL", this.memberB, "Bỏ sinh hoạt", "2023-12-01", "KHIEN_TRACH", 2));
		assertThat(outside.statusCode()).isEqualTo(409);
		// the same ballot by the standing committee of the grassroots committee: no
		// authority at all
		HttpResponse<String> standing = ubkt.postJson("/api/v1/discipline/decisions", base.formatted(this.caseId,
				this.committee, "GRASSROOTS_STANDING", this.memberA, "Khác", "2023-11-01", "KHIEN_TRACH", 3));
		assertThat(standing.statusCode()).isEqualTo(409);
		assertThat(standing.body()).contains("discipline.authority.GRASSROOTS_STANDING.MEMBER");
	}

	@Test
	void expulsionByTheCommitteeAboveGrassrootsEndsTheMembershipOnItsDate() {
		HttpResponse<String> expel = as(this.inspector).postJson("/api/v1/discipline/decisions", """
				{"decidingOrganizationId":%d,"body":"UPPER_STANDING","memberId":%d,"area":"ETHICS",
				 "violationSummary":"Vi phạm nghiêm trọng","violationDate":"2012-01-01","form":"KHAI_TRU",
				 "decisionDate":"2024-06-01","effectiveDate":"2024-06-05","documentRef":"9-QĐ/ĐUK",
				 "eligibleVoters":7,"votesFor":6,"votesAgainst":1}
				""".formatted(this.bloc, this.memberA));
		assertThat(expel.statusCode()).isEqualTo(201);
		String status = this.jdbc
			.sql("SELECT status FROM member_status WHERE member_id = :m AND valid_from = '2024-06-05'")
			.param("m", this.memberA)
			.query(String.class)
			.single();
		assertThat(status).isEqualTo("EXPELLED");
		// the committee module knows the member holds no post: no removal from post
		HttpResponse<String> removal = as(this.inspector).postJson("/api/v1/discipline/decisions", """
				{"decidingOrganizationId":%d,"body":"UPPER_INSPECTION","memberId":%d,"area":"OTHER",
				 "violationSummary":"Buông lỏng quản lý","violationDate":"2023-01-01","form":"CACH_CHUC",
				 "decisionDate":"2024-06-01","documentRef":"10-QĐ/UBKT","eligibleVoters":5,"votesFor":5}
				""".formatted(this.bloc, this.memberB));
		assertThat(removal.statusCode()).isEqualTo(409);
		assertThat(removal.body()).contains("Đặng Thị Xét").contains("không giữ chức vụ nào");
	}

	@Test
	void theLimitationEndpointAnswersExpiredAndTheLastDay() {
		Http ubkt = as(this.inspector);
		assertThat(ubkt
			.get("/api/v1/discipline/limitation?form=KHIEN_TRACH&violationDate=2018-06-01&decisionDate=2023-05-31")
			.body()).contains("\"expired\":false").contains("\"expiresOn\":\"2023-05-31\"");
		assertThat(ubkt
			.get("/api/v1/discipline/limitation?form=KHIEN_TRACH&violationDate=2018-06-01&decisionDate=2023-06-01")
			.body()).contains("\"expired\":true");
		assertThat(
				ubkt.get("/api/v1/discipline/limitation?form=CANH_CAO&violationDate=2018-06-01&decisionDate=2028-05-31")
					.body())
			.contains("\"expired\":false")
			.contains("\"expiresOn\":\"2028-05-31\"");
		assertThat(ubkt.get(
				"/api/v1/discipline/limitation?form=CACH_CHUC&violationDate=2014-06-01&decisionDate=2024-06-01&laterViolation=2020-01-15")
			.body()).contains("\"expired\":false").contains("\"expiresOn\":\"2030-01-14\"");
		assertThat(
				ubkt.get("/api/v1/discipline/limitation?form=KHAI_TRU&violationDate=1990-01-01&decisionDate=2024-01-01")
					.body())
			.contains("\"expired\":false")
			.contains("\"expiresOn\":null");
		assertThat(ubkt.get("/api/v1/discipline/limitation?form=GIAI_TAN&violationDate=1990-01-01").body())
			.contains("\"expiresOn\":null");
		assertThat(ubkt
			.get("/api/v1/discipline/limitation?form=KHIEN_TRACH&violationDate=2001-01-01&area=INTERNAL_POLITICS")
			.body()).contains("\"expired\":false");
	}

}
