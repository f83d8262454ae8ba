package vn.capuy.membership;

import java.net.http.HttpResponse;
import java.time.LocalDate;

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
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullTest
class MemberRegisterTests {

	static final LocalDate START = LocalDate.of(2007, 1, 1);

	static final LocalDate ON = LocalDate.of(2012, 10, 31);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Members members;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long root;

	long cellA;

	long cellB;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Tỉnh thử đảng viên", START);
		long bloc = this.fixtures.child(this.root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử", START);
		long committee = this.fixtures.child(bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Thử", START);
		this.cellA = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Một", START);
		this.cellB = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Hai", START);
	}

	@Test
	void searchFindsTheSamePersonWithOrWithoutDiacriticsAndInAnyCase() {
		long id = this.fixtures.member(this.cellA, "Trần Xuân Lộc", START);
		for (String q : new String[] { "tran xuan loc", "TRẦN XUÂN LỘC", "Trần Xuân Lộc", "xuan loc", "LOC tran" }) {
			Page<MemberListItem> page = search(this.system, q, null);
			assertThat(page.items()).as(q).extracting(MemberListItem::id).contains(id);
		}
	}

	@Test
	void thuyFindsBothTonePlacements() {
		long a = this.fixtures.member(this.cellA, "Hoàng Thị Thuỷ", START);
		long b = this.fixtures.member(this.cellA, "Hoàng Thị Thủy", START);
		Page<MemberListItem> page = this.members.search(this.system,
				new Members.Query("hoang thi thuy", this.cellA, null, ON, 0, 50));
		assertThat(page.items()).extracting(MemberListItem::id).containsExactlyInAnyOrder(a, b);
	}

	@Test
	void theListIsSortedByGivenNameTheVietnameseWay() {
		this.fixtures.member(this.cellB, "Trần Văn Đức", START);
		this.fixtures.member(this.cellB, "Nguyễn Văn Dũng", START);
		this.fixtures.member(this.cellB, "Lê Thị An", START);
		Page<MemberListItem> page = search(this.system, null, this.cellB);
		assertThat(page.items()).extracting(MemberListItem::fullName)
			.containsExactly("Lê Thị An", "Nguyễn Văn Dũng", "Trần Văn Đức");
	}

	@Test
	void aSecretaryCannotSeeAnotherOrganizationsMember() {
		long other = this.fixtures.member(this.cellB, "Phạm Văn Ngoài", START);
		long mine = this.fixtures.member(this.cellA, "Phạm Văn Trong", START);
		long committee = this.jdbc.sql("SELECT parent_id FROM organization_link WHERE organization_id = :c")
			.param("c", this.cellA)
			.query(Long.class)
			.single();
		long secretaryId = this.fixtures.user("bithu", Role.SECRETARY, committee);
		CurrentUser secretary = this.fixtures.as(secretaryId);

		assertThat(this.members.get(secretary, mine).record().fullName()).isEqualTo("Phạm Văn Trong");
		assertThatThrownBy(() -> this.members.get(secretary, other)).isInstanceOf(NotFoundException.class);
		assertThat(search(secretary, "pham van", null).items()).extracting(MemberListItem::id).containsExactly(mine);

		String name = this.fixtures.username(secretaryId);
		Http api = new Http(this.port).basic(name, "secret-" + name);
		assertThat(api.get("/api/v1/members/" + other).statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/members/" + mine).statusCode()).isEqualTo(200);
		HttpResponse<String> list = api.get("/api/v1/members?q=pham+van&asOf=2012-10-31");
		assertThat(list.body()).contains("\"total\":1").contains("Phạm Văn Trong").doesNotContain("Phạm Văn Ngoài");
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		assertThat(browser.get("/members/" + other).statusCode()).isEqualTo(404);
	}

	@Test
	void aBadCardNumberIsRefusedNamingTheFieldAndTheRuleInVietnamese() {
		String json = registration("\"partyCardNumber\":\"1234567\"");
		HttpResponse<String> response = admin().postJson("/api/v1/members", json);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Số thẻ đảng viên")
			.contains("1234567")
			.contains("Chỉ thị 29-CT/TW")
			.contains("\"field\":\"partyCardNumber\"");
	}

	@Test
	void aBadLifeHistoryNumberAndCitizenIdAreRefused() {
		assertThat(admin().postJson("/api/v1/members", registration("\"lifeHistoryNumber\":\"12345QB\"")).body())
			.contains("Số lý lịch đảng viên");
		assertThat(admin().postJson("/api/v1/members", registration("\"citizenId\":\"04412345678\"")).body())
			.contains("Số căn cước công dân")
			.contains("12 chữ số");
	}

	@Test
	void fullMembershipBeforeTwelveMonthsOfProbationIsRefused() {
		String json = registration("\"fullMembershipDate\":\"2008-06-01\"");
		HttpResponse<String> response = admin().postJson("/api/v1/members", json);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Ngày công nhận chính thức").contains("12 tháng");
	}

	@Test
	void anAdmissionBeforeEighteenIsRefused() {
		String json = registration("\"dateOfBirth\":\"1995-06-01\"");
		HttpResponse<String> response = admin().postJson("/api/v1/members", json);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("đủ 18 tuổi");
	}

	@Test
	void aValidRegistrationIsSavedWithItsHistoryAndNothingIsHalfSavedOnError() {
		long before = count();
		assertThat(admin().postJson("/api/v1/members", registration("\"phone\":\"abc\"")).statusCode()).isEqualTo(400);
		assertThat(count()).isEqualTo(before);
		HttpResponse<String> ok = admin().postJson("/api/v1/members", registration(""));
		assertThat(ok.statusCode()).isEqualTo(201);
		assertThat(count()).isEqualTo(before + 1);
		long id = Long.parseLong(ok.body().replaceAll("\\D", ""));
		MemberFile file = this.members.get(this.system, id);
		assertThat(file.statuses()).extracting(MemberFile.StatusPeriod::status)
			.containsExactly(MemberStatus.PROBATIONARY, MemberStatus.FULL);
		assertThat(file.homeTownProvinceToday()).isEqualTo("Tỉnh Quảng Trị");
		assertThat(file.partyAgeYears()).isEqualTo(java.time.Period
			.between(LocalDate.of(2008, 3, 1), LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
			.getYears());
	}

	@Test
	void aConcurrentCorrectionIsRefusedAndNothingIsOverwritten() {
		long id = this.fixtures.member(this.cellA, "Dương Văn Sửa", START);
		MemberFile file = this.members.get(this.system, id);
		MemberRecord first = withName(file.record(), "Dương Văn Sửa Một");
		MemberRecord second = withName(file.record(), "Dương Văn Sửa Hai");
		this.members.correct(this.system, id, first, file.version());
		assertThatThrownBy(() -> this.members.correct(this.system, id, second, file.version()))
			.isInstanceOf(RuleViolationException.class);
		assertThat(this.members.get(this.system, id).record().fullName()).isEqualTo("Dương Văn Sửa Một");
	}

	@Test
	void namesAreStoredAsNfcWithoutInvisibleCharacters() {
		long id = this.fixtures.member(this.cellA, "Nguye\u0302\u0303n\u200B Va\u0306n Tu\u0300ng", START);
		assertThat(this.members.get(this.system, id).record().fullName()).isEqualTo("Nguyễn Văn Tùng");
	}

	@Test
	void aMemberCanOnlyBePlacedInACell() {
		MemberRecord record = this.members.get(this.system, this.fixtures.member(this.cellA, "Lê Văn Ô", START))
			.record();
		MemberRecord other = new MemberRecord("Lê Văn Khác", null, Sex.NAM, record.dateOfBirth(), null, null, null,
				null, "01", null, null, null, null, null, record.admissionDecisionDate(), null, null, null, null);
		assertThatThrownBy(() -> this.members.register(this.system, other, this.root, ON))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).field()).isEqualTo("organizationId"));
	}

	private MemberRecord withName(MemberRecord r, String name) {
		return new MemberRecord(name, r.birthName(), r.sex(), r.dateOfBirth(), r.placeOfBirth(),
				r.placeOfBirthProvince(), r.homeTown(), r.homeTownProvince(), r.ethnicityCode(), r.religionCode(),
				r.citizenId(), r.phone(), r.education(), r.politicalTheory(), r.admissionDecisionDate(),
				r.admissionCeremonyDate(), r.fullMembershipDate(), r.partyCardNumber(), r.lifeHistoryNumber());
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM member").query(Long.class).single();
	}

	private Http admin() {
		long id = this.fixtures.user("vp", Role.OFFICE, this.root);
		String name = this.fixtures.username(id);
		return new Http(this.port).basic(name, "secret-" + name);
	}

	private String registration(String override) {
		int n = Fixtures.next();
		String base = """
				"fullName":"Nguyễn Thị Mẫu","sex":"NU","dateOfBirth":"1980-05-04","homeTownProvince":"Quảng Bình",
				"ethnicityCode":"01","admissionDecisionDate":"2008-03-01","admissionCeremonyDate":"2008-03-01",
				"fullMembershipDate":"2009-03-01","partyCardNumber":"%08d","lifeHistoryNumber":"%06dQB"
				""".formatted(80000000 + n, n).strip();
		for (String field : override.isEmpty() ? new String[0] : new String[] { override }) {
			String key = field.substring(0, field.indexOf(':') + 1);
			base = base.replaceAll("\"" + key.substring(1, key.length() - 2) + "\":\"[^\"]*\"", field);
			if (!base.contains(field)) {
				base = base + "," + field;
			}
		}
		return "{\"record\":{" + base + "},\"organizationId\":" + this.cellA + ",\"placedOn\":\"2012-01-01\"}";
	}

	private Page<MemberListItem> search(CurrentUser user, String q, Long org) {
		return this.members.search(user, new Members.Query(q, org, null, ON, 0, 50));
	}

}
