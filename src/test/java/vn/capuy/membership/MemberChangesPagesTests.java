package vn.capuy.membership;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
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
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretary does each change of a member from the member's page: transfers started and
 * completed, exemptions, end of membership and readmission; a refused input comes back in
 * the form with the Vietnamese message next to its field and nothing saved.
 */
@FullTest
class MemberChangesPagesTests {

	static final LocalDate START = LocalDate.of(2000, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Members members;

	@Autowired
	Transfers transfers;

	@Autowired
	MemberLifecycle lifecycle;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long cellA;

	long cellB;

	Http browser;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử biến động", START);
		long committee = this.fixtures.child(root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Biến Động", START);
		this.cellA = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Đi", START);
		this.cellB = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Đến", START);
		long user = this.fixtures.user("vpbd", Role.OFFICE, root);
		String name = this.fixtures.username(user);
		this.browser = new Http(this.port);
		this.browser.login(name, "secret-" + name);
	}

	HttpResponse<String> post(long member, String path, String... pairs) {
		Map<String, String> form = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		form.put("_csrf", this.browser.csrf("/members/" + member + "/changes"));
		return this.browser.postForm("/members/" + member + path, form);
	}

	String follow(HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
		return this.browser
			.get(redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body();
	}

	/** The message rendered next to a field of a form, by the id the page gives it. */
	static String fieldMessage(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(html);
		return m.find() ? m.group(1) : null;
	}

	@Test
	void theMemberPageLeadsToTheChangesPage() {
		long id = this.fixtures.member(this.cellA, "Trần Văn Trang", LocalDate.of(2010, 1, 1));
		assertThat(this.browser.get("/members/" + id).body()).contains("/members/" + id + "/changes");
		String page = this.browser.get("/members/" + id + "/changes").body();
		assertThat(page).contains("Làm thủ tục chuyển sinh hoạt")
			.contains("Miễn hoặc tạm miễn sinh hoạt")
			.contains("Ra khỏi Đảng")
			.doesNotContain("Mở hồ sơ kết nạp lại");
	}

	@Test
	void internalTransferIsStartedAndReceivedThroughTheForms() {
		long id = this.fixtures.member(this.cellA, "Lò Văn Chuyển", LocalDate.of(2010, 1, 1));
		String page = follow(post(id, "/transfers", "kind", "NOI_BO", "toOrganizationId", String.valueOf(this.cellB),
				"causeDate", "2025-03-03", "startedOn", "2025-03-05", "letterNumber", "77/GTSHĐ", "letterIssuedOn",
				"2025-03-06", "feesPaidTo", "2025-02", "decisionRef", "QĐ 5 (mẫu)"));
		assertThat(page).contains("Đã ghi nhận chuyển sinh hoạt.").contains("77/GTSHĐ");
		Transfers.Row row = this.transfers.ofMember(this.system, id).get(0);
		assertThat(row.kind()).isEqualTo(TransferKind.NOI_BO);
		assertThat(row.feesPaidTo()).isEqualTo(LocalDate.of(2025, 2, 1));
		// a date before the letter is refused next to its field; nothing moves
		HttpResponse<String> early = post(id, "/transfers/" + row.id() + "/receive", "presentedOn", "2025-03-01");
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat(fieldMessage(early.body(), "receive-" + row.id() + "-presentedOn-error"))
			.isEqualTo("phải có giấy giới thiệu và không trước ngày ký");
		assertThat(this.members.get(this.system, id).organizationId()).isEqualTo(this.cellA);
		page = follow(post(id, "/transfers/" + row.id() + "/receive", "presentedOn", "2025-03-20"));
		assertThat(page).contains("Đã tiếp nhận giấy giới thiệu sinh hoạt đảng.");
		assertThat(this.members.get(this.system, id).organizationId()).isEqualTo(this.cellB);
	}

	@Test
	void temporaryAndAbroadTransfersReturnAndPermanentLeavesTheSystem() {
		long id = this.fixtures.member(this.cellA, "Lò Thị Tạm", LocalDate.of(2010, 1, 1));
		// temporary without an end date: the message is by the end-date field, the
		// values typed come back
		HttpResponse<String> missing = post(id, "/transfers", "kind", "TAM_THOI", "toOrganizationId",
				String.valueOf(this.cellB), "causeDate", "2025-01-06", "startedOn", "2025-01-07");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(fieldMessage(missing.body(), "transfer-endDate-error")).isEqualTo("bắt buộc phải nhập");
		assertThat(missing.body()).contains("Ngày kết thúc: bắt buộc phải nhập").contains("value=\"2025-01-06\"");
		assertThat(this.transfers.ofMember(this.system, id)).isEmpty();
		HttpResponse<String> tooLong = post(id, "/transfers", "kind", "TAM_THOI", "toOrganizationId",
				String.valueOf(this.cellB), "causeDate", "2025-01-06", "startedOn", "2025-01-07", "endDate",
				"2028-01-07");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(fieldMessage(tooLong.body(), "transfer-endDate-error")).startsWith("sinh hoạt tạm thời từ 3 đến 24");
		follow(post(id, "/transfers", "kind", "TAM_THOI", "toOrganizationId", String.valueOf(this.cellB), "causeDate",
				"2025-01-06", "startedOn", "2025-01-07", "endDate", "2025-07-07"));
		long temporary = this.transfers.ofMember(this.system, id).get(0).id();
		assertThat(follow(post(id, "/transfers/" + temporary + "/return", "returnedOn", "2025-07-07")))
			.contains("Đã ghi nhận đảng viên trở về.");
		assertThat(this.transfers.get(this.system, temporary).returnedOn()).isEqualTo(LocalDate.of(2025, 7, 7));
		follow(post(id, "/transfers", "kind", "NUOC_NGOAI", "destination", "Chi bộ tại Nhật Bản (mẫu)", "causeDate",
				"2025-08-01", "startedOn", "2025-08-04"));
		Transfers.Row abroad = this.transfers.ofMember(this.system, id).get(0);
		assertThat(abroad.kind()).isEqualTo(TransferKind.NUOC_NGOAI);
		assertThat(abroad.toName()).isEqualTo("Chi bộ tại Nhật Bản (mẫu)");
		follow(post(id, "/transfers/" + abroad.id() + "/return", "returnedOn", "2025-10-01"));
		// permanent to an organisation outside the system: the placement closes on
		// receipt
		follow(post(id, "/transfers", "kind", "CHINH_THUC", "destination", "Đảng bộ tỉnh khác (mẫu)", "causeDate",
				"2025-11-03", "startedOn", "2025-11-04", "letterNumber", "90/GTSHĐ", "letterIssuedOn", "2025-11-05"));
		Transfers.Row permanent = this.transfers.ofMember(this.system, id).get(0);
		follow(post(id, "/transfers/" + permanent.id() + "/receive", "presentedOn", "2025-11-10"));
		Long open = this.jdbc.sql("SELECT count(*) FROM membership WHERE member_id = :m AND valid_to IS NULL")
			.param("m", id)
			.query(Long.class)
			.single();
		assertThat(open).isZero();
	}

	@Test
	void exemptionsAreRecordedAndEndedThroughTheForms() {
		long id = this.fixtures.member(this.cellA, "Hà Văn Miễn", LocalDate.of(2010, 1, 1));
		HttpResponse<String> noDecision = post(id, "/exemptions", "kind", "EXEMPT", "validFrom", "2024-05-01");
		assertThat(noDecision.statusCode()).isEqualTo(400);
		assertThat(fieldMessage(noDecision.body(), "exemption-decisionRef-error")).isEqualTo("bắt buộc phải nhập");
		assertThat(this.lifecycle.exemptions(this.system, id)).isEmpty();
		assertThat(follow(post(id, "/exemptions", "kind", "EXEMPT", "validFrom", "2024-05-01", "reason",
				"Tuổi cao, sức yếu", "decisionRef", "QĐ 8 (mẫu)")))
			.contains("Đã ghi nhận miễn sinh hoạt.");
		assertThat(this.members.statusOf(id, LocalDate.of(2024, 6, 1))).isEqualTo(MemberStatus.EXEMPT);
		long exemption = this.lifecycle.exemptions(this.system, id).get(0).id();
		HttpResponse<String> before = post(id, "/exemptions/" + exemption + "/end", "validTo", "2024-04-01");
		assertThat(before.statusCode()).isEqualTo(400);
		assertThat(fieldMessage(before.body(), "end-exemption-" + exemption + "-validTo-error"))
			.isEqualTo("phải sau ngày bắt đầu");
		follow(post(id, "/exemptions/" + exemption + "/end", "validTo", "2025-01-02", "decisionRef", "QĐ 9 (mẫu)"));
		assertThat(this.members.statusOf(id, LocalDate.of(2025, 2, 1))).isEqualTo(MemberStatus.FULL);
		follow(post(id, "/exemptions", "kind", "TEMPORARY", "validFrom", "2025-03-01", "validTo", "2025-09-01",
				"decisionRef", "QĐ 10 (mẫu)"));
		assertThat(this.lifecycle.exemptions(this.system, id)).extracting(MemberLifecycle.Exemption::kind)
			.containsExactly(MemberLifecycle.ExemptionKind.TEMPORARY, MemberLifecycle.ExemptionKind.EXEMPT);
		assertThat(this.members.statusOf(id, LocalDate.of(2025, 4, 1))).isEqualTo(MemberStatus.FULL);
	}

	@Test
	void membershipEndsAndReadmissionIsAllowedOnceThroughTheForms() {
		long id = this.fixtures.member(this.cellA, "Vi Văn Lại", LocalDate.of(2010, 1, 1));
		long helper = this.fixtures.member(this.cellA, "Vi Thị Giúp", LocalDate.of(2010, 1, 1));
		HttpResponse<String> future = post(id, "/end", "endReason", "XOA_TEN_HAI_NAM_VI_PHAM", "date", "2099-01-01");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(fieldMessage(future.body(), "end-date-error")).isNotBlank();
		assertThat(this.members.statusOf(id, LocalDate.of(2022, 1, 1))).isEqualTo(MemberStatus.FULL);
		assertThat(follow(post(id, "/end", "endReason", "XOA_TEN_HAI_NAM_VI_PHAM", "date", "2021-06-01", "decisionRef",
				"QĐ xoá tên (mẫu)")))
			.contains("Đã ghi nhận ra khỏi Đảng.")
			.contains("Mở hồ sơ kết nạp lại");
		assertThat(this.members.statusOf(id, LocalDate.of(2022, 1, 1))).isEqualTo(MemberStatus.REMOVED);
		// without the provincial consent: refused with the rule
		HttpResponse<String> noConsent = post(id, "/readmission", "organizationId", String.valueOf(this.cellA),
				"helperMemberId", String.valueOf(helper), "considerOn", "2025-12-01");
		assertThat(noConsent.statusCode()).isEqualTo(409);
		assertThat(noConsent.body()).contains("Kết nạp lại cần văn bản đồng ý của Ban Thường vụ tỉnh uỷ");
		HttpResponse<String> opened = post(id, "/readmission", "organizationId", String.valueOf(this.cellA),
				"helperMemberId", String.valueOf(helper), "considerOn", "2025-12-01", "provincialConsentRef",
				"CV 21-CV/TU (mẫu)");
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(opened.headers().firstValue("Location").orElseThrow()).contains("/admissions/");
		assertThat(this.browser
			.get(opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body()).contains("Vi Văn Lại");
		// the second time: refused, once only
		HttpResponse<String> again = post(id, "/readmission", "organizationId", String.valueOf(this.cellA),
				"helperMemberId", String.valueOf(helper), "considerOn", "2026-01-05", "provincialConsentRef",
				"CV 22-CV/TU (mẫu)");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("chỉ được kết nạp lại một lần");
		assertThat(this.jdbc.sql("SELECT count(*) FROM readmission WHERE member_id = :m")
			.param("m", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
