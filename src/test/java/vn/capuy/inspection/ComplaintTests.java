package vn.capuy.inspection;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaints against discipline are decided with an outcome, a document and a date: an
 * expulsion annulled or reduced gives the member back the status held before it, in the
 * same transaction, keeping the expelled period in the history; bad input is refused with
 * the field named in Vietnamese, through the page and the API.
 */
@FullTest
class ComplaintTests {

	private static final LocalDate START = LocalDate.of(2014, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Members members;

	@Autowired
	JdbcClient jdbc;

	long bloc;

	long cell;

	long member;

	long inspector;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử khiếu nại", START);
		this.bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử khiếu nại", START);
		this.cell = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Khiếu", START);
		// admitted 2011-10-01: 15 years and two months of party age on 2026-11-29, so
		// a deducted expelled period of three months would show as 14
		this.member = this.fixtures.member(this.cell, "Hoàng Văn Nại", LocalDate.of(2014, 10, 1));
		this.fixtures.member(this.cell, "Ngô Thị Bình", START);
		this.inspector = this.fixtures.user("ubkt", Role.INSPECTION, root);
	}

	private Http api() {
		String name = this.fixtures.username(this.inspector);
		return new Http(this.port).basic(name, "secret-" + name);
	}

	private Http browser() {
		String name = this.fixtures.username(this.inspector);
		Http http = new Http(this.port);
		http.login(name, "secret-" + name);
		return http;
	}

	private static long id(HttpResponse<String> response) {
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
		assertThat(m.find()).as(response.body()).isTrue();
		return Long.parseLong(m.group(1));
	}

	/**
	 * The expulsion by the bloc's standing committee and a complaint to its full
	 * committee.
	 */
	private long[] expelAndComplain() {
		HttpResponse<String> expel = api().postJson("/api/v1/discipline/decisions", """
				{"decidingOrganizationId":%d,"body":"UPPER_STANDING","memberId":%d,"area":"ETHICS",
				 "violationSummary":"Vi phạm đạo đức nghiêm trọng","violationDate":"2023-03-01","form":"KHAI_TRU",
				 "decisionDate":"2024-06-01","effectiveDate":"2024-06-05","documentRef":"21-QĐ/ĐUK",
				 "eligibleVoters":7,"votesFor":6,"votesAgainst":1}
				""".formatted(this.bloc, this.member));
		assertThat(expel.statusCode()).as(expel.body()).isEqualTo(201);
		long decision = id(expel);
		assertThat(this.members.statusOf(this.member, LocalDate.of(2024, 6, 5))).isEqualTo(MemberStatus.EXPELLED);
		HttpResponse<String> complaint = api().postJson("/api/v1/discipline/decisions/" + decision + "/complaints", """
				{"handlingOrganizationId":%d,"body":"UPPER_COMMITTEE","receivedOn":"2024-06-20",
				 "grounds":"Đề nghị xem xét lại mức độ vi phạm"}
				""".formatted(this.bloc));
		assertThat(complaint.statusCode()).as(complaint.body()).isEqualTo(201);
		return new long[] { decision, id(complaint) };
	}

	private List<Map<String, Object>> statusHistory() {
		return this.jdbc.sql("""
				SELECT status, valid_from, valid_to, decision_ref FROM member_status WHERE member_id = :m
				ORDER BY valid_from
				""").param("m", this.member).query().listOfRows();
	}

	@Test
	void anAnnulledExpulsionRestoresTheRegisterStatusAndKeepsBothInTheHistory() {
		long[] ids = expelAndComplain();
		// while expelled, no party age
		assertThat(this.members.get(CurrentUser.system(), this.member).partyAgeYears()).isNull();
		HttpResponse<String> annul = api().postJson("/api/v1/discipline/complaints/" + ids[1] + "/outcome", """
				{"outcome":"ANNULLED","decidedOn":"2024-09-02","outcomeRef":"30-QĐ/ĐUK"}
				""");
		assertThat(annul.statusCode()).as(annul.body()).isEqualTo(200);
		assertThat(annul.body()).contains("\"outcome\":\"ANNULLED\"").contains("\"rightsRestored\":true");
		List<Map<String, Object>> history = statusHistory();
		assertThat(history).extracting((r) -> r.get("status"))
			.containsExactly("PROBATIONARY", "FULL", "EXPELLED", "FULL");
		assertThat(history.get(2).get("valid_from").toString()).isEqualTo("2024-06-05");
		assertThat(history.get(2).get("valid_to").toString()).isEqualTo("2024-09-02");
		assertThat(history.get(3).get("valid_from").toString()).isEqualTo("2024-09-02");
		assertThat(history.get(3).get("valid_to")).isNull();
		assertThat(history.get(3).get("decision_ref")).isEqualTo("30-QĐ/ĐUK");
		assertThat(this.members.statusOf(this.member, LocalDate.of(2026, 11, 29))).isEqualTo(MemberStatus.FULL);
		// the annulled period is not time out of the Party: 15 whole years, not 14
		assertThat(this.members.get(CurrentUser.system(), this.member).partyAgeYears()).isEqualTo(15);
		assertThat(this.jdbc.sql("SELECT status FROM discipline_decision WHERE id = :id")
			.param("id", ids[0])
			.query(String.class)
			.single()).isEqualTo("ANNULLED");
		// the member's file shows both periods; the decision page shows the outcome
		Http browser = browser();
		String file = browser.get("/members/" + this.member).body();
		assertThat(file).contains("21-QĐ/ĐUK").contains("30-QĐ/ĐUK").contains("Huỷ quyết định khai trừ");
		String page = browser.get("/inspection/decisions/" + ids[0]).body();
		assertThat(page).contains("Huỷ quyết định").contains("30-QĐ/ĐUK").contains("Đã huỷ, phục hồi quyền lợi");
		// a decided complaint is not decided twice
		HttpResponse<String> again = api().postJson("/api/v1/discipline/complaints/" + ids[1] + "/outcome", """
				{"outcome":"UPHELD","decidedOn":"2024-09-03","outcomeRef":"31-QĐ/ĐUK"}
				""");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("đã được giải quyết");
	}

	@Test
	void aRefusedRestorationLeavesTheComplaintUndecidedAndNothingHalfSaved() {
		long[] ids = expelAndComplain();
		// the register moved on after the expulsion (a death recorded from 2024-10-01)
		this.jdbc.sql("UPDATE member_status SET valid_to = '2024-10-01' WHERE member_id = :m AND valid_to IS NULL")
			.param("m", this.member)
			.update();
		this.jdbc.sql("""
				INSERT INTO member_status (member_id, status, valid_from, reason, decision_ref)
				VALUES (:m, 'DECEASED', '2024-10-01', 'Từ trần', 'GB-01')
				""").param("m", this.member).update();
		HttpResponse<String> annul = api().postJson("/api/v1/discipline/complaints/" + ids[1] + "/outcome", """
				{"outcome":"ANNULLED","decidedOn":"2024-09-02","outcomeRef":"30-QĐ/ĐUK"}
				""");
		assertThat(annul.statusCode()).as(annul.body()).isEqualTo(409);
		assertThat(this.jdbc.sql("SELECT outcome FROM discipline_complaint WHERE id = :id")
			.param("id", ids[1])
			.query(String.class)
			.optional()).isEmpty();
		assertThat(this.jdbc.sql("SELECT status FROM discipline_decision WHERE id = :id")
			.param("id", ids[0])
			.query(String.class)
			.single()).isEqualTo("IN_FORCE");
		assertThat(statusHistory()).extracting((r) -> r.get("status"))
			.containsExactly("PROBATIONARY", "FULL", "EXPELLED", "DECEASED");
	}

	@Test
	void aReducedExpulsionDecidedThroughThePageRestoresTheMemberWithTheMilderForm() {
		long decision = expelAndComplain()[0];
		Http browser = browser();
		String page = browser.get("/inspection/decisions/" + decision).body();
		assertThat(page).contains("Đang giải quyết").contains("Giải quyết khiếu nại nhận ngày 20/06/2024");
		Matcher complaint = Pattern.compile("/inspection/complaints/(\\d+)/resolve").matcher(page);
		assertThat(complaint.find()).isTrue();
		String action = complaint.group();
		String csrf = browser.csrf("/inspection/decisions/" + decision);
		// bad input: no document, a date before the complaint, a "milder" form that is
		// not
		Map<String, String> form = new java.util.HashMap<>(Map.of("_csrf", csrf, "decisionId", String.valueOf(decision),
				"outcome", "REDUCED", "reducedForm", "CANH_CAO", "decidedOn", "2024-08-15"));
		assertThat(browser.postForm(action, form).statusCode()).isEqualTo(302);
		assertThat(browser.get("/inspection/decisions/" + decision).body())
			.contains("Số văn bản giải quyết: bắt buộc phải nhập");
		form.put("outcomeRef", "25-QĐ/ĐUK");
		form.put("decidedOn", "2024-06-10");
		browser.postForm(action, form);
		assertThat(browser.get("/inspection/decisions/" + decision).body())
			.contains("Ngày giải quyết: ngày giải quyết phải sau ngày nhận khiếu nại");
		form.put("decidedOn", "2024-08-15");
		form.put("reducedForm", "");
		browser.postForm(action, form);
		assertThat(browser.get("/inspection/decisions/" + decision).body())
			.contains("Hình thức mới: hình thức mới phải nhẹ hơn");
		assertThat(this.jdbc.sql("SELECT count(*) FROM discipline_complaint WHERE decision_id = :d AND outcome IS NULL")
			.param("d", decision)
			.query(Long.class)
			.single()).isEqualTo(1);
		form.put("reducedForm", "CANH_CAO");
		assertThat(browser.postForm(action, form).statusCode()).isEqualTo(302);
		String after = browser.get("/inspection/decisions/" + decision).body();
		assertThat(after).contains("Đã lưu").contains("Giảm xuống Cảnh cáo").contains("Đã giảm hình thức");
		assertThat(this.members.statusOf(this.member, LocalDate.of(2024, 8, 15))).isEqualTo(MemberStatus.FULL);
		assertThat(this.members.statusOf(this.member, LocalDate.of(2024, 8, 14))).isEqualTo(MemberStatus.EXPELLED);
	}

	@Test
	void complaintsFiledThroughThePageGoUpTheChainAndTheApiNamesBadFields() {
		long decision = expelAndComplain()[0];
		Http browser = browser();
		String csrf = browser.csrf("/inspection/decisions/" + decision);
		// to the same body that decided: not up the chain
		browser.postForm("/inspection/decisions/" + decision + "/complaints",
				Map.of("_csrf", csrf, "handlingOrganizationId", String.valueOf(this.bloc), "body", "UPPER_STANDING",
						"receivedOn", "2024-06-25", "grounds", "Khiếu nại lần hai"));
		assertThat(browser.get("/inspection/decisions/" + decision).body())
			.contains("Khiếu nại phải gửi lên cấp trên của cơ quan đã quyết định kỷ luật");
		// more than a month after the decision
		HttpResponse<String> late = api().postJson("/api/v1/discipline/decisions/" + decision + "/complaints", """
				{"handlingOrganizationId":%d,"body":"UPPER_COMMITTEE","receivedOn":"2024-07-15","grounds":"Muộn"}
				""".formatted(this.bloc));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("Quá thời hạn khiếu nại").contains("discipline.complaint.period-months");
		long complaint = this.jdbc.sql("SELECT id FROM discipline_complaint WHERE decision_id = :d")
			.param("d", decision)
			.query(Long.class)
			.single();
		HttpResponse<String> noOutcome = api().postJson("/api/v1/discipline/complaints/" + complaint + "/outcome", """
				{"decidedOn":"2024-09-02","outcomeRef":"30-QĐ/ĐUK"}
				""");
		assertThat(noOutcome.statusCode()).isEqualTo(400);
		assertThat(noOutcome.body()).contains("Kết quả: bắt buộc phải nhập");
		HttpResponse<String> future = api().postJson("/api/v1/discipline/complaints/" + complaint + "/outcome", """
				{"outcome":"UPHELD","decidedOn":"2099-01-01","outcomeRef":"30-QĐ/ĐUK"}
				""");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("Ngày giải quyết");
		HttpResponse<String> upheld = api().postJson("/api/v1/discipline/complaints/" + complaint + "/outcome", """
				{"outcome":"UPHELD","decidedOn":"2024-09-02","outcomeRef":"30-QĐ/ĐUK"}
				""");
		assertThat(upheld.statusCode()).isEqualTo(200);
		// the decision stands: still expelled
		assertThat(this.members.statusOf(this.member, LocalDate.of(2025, 1, 1))).isEqualTo(MemberStatus.EXPELLED);
		assertThat(api().get("/api/v1/discipline/decisions/" + decision).body()).contains("\"status\":\"IN_FORCE\"")
			.contains("\"outcome\":\"UPHELD\"");
		// someone outside inspection work gets 404
		long office = this.fixtures.user("vp", Role.OFFICE, this.bloc);
		String name = this.fixtures.username(office);
		assertThat(new Http(this.port).basic(name, "secret-" + name)
			.get("/api/v1/discipline/decisions/" + decision)
			.statusCode()).isEqualTo(404);
	}

}
