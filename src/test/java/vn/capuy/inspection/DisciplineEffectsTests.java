package vn.capuy.inspection;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.committee.Committees;
import vn.capuy.committee.FilledBy;
import vn.capuy.committee.Position;
import vn.capuy.grading.GradingInputs;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a discipline does elsewhere: a removal from post ends the member's committee
 * positions on the effective date and the account loses the grants they carried; grading
 * sees the decisions of a member, of an organisation's committee members and of the
 * organisations under it, without the annulled ones and with the reduced form.
 */
@FullTest
class DisciplineEffectsTests {

	private static final LocalDate START = LocalDate.of(2018, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Committees committees;

	@Autowired
	Disciplines disciplines;

	@Autowired
	Users users;

	@Autowired
	List<GradingInputs> gradingInputs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	vn.capuy.fee.Fees fees;

	@Autowired
	Inspections inspections;

	long root;

	long bloc;

	long cell;

	long otherCell;

	long secretary;

	long plain;

	long inspector;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Tỉnh thử hiệu lực kỷ luật", START);
		this.bloc = this.fixtures.child(this.root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử hiệu lực", START);
		this.cell = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Chức", START);
		this.otherCell = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Khác", START);
		this.secretary = this.fixtures.member(this.cell, "Trịnh Văn Chức", START);
		this.plain = this.fixtures.member(this.cell, "Lý Thị Thường", START);
		this.fixtures.member(this.otherCell, "Mai Văn Khác", START);
		this.inspector = this.fixtures.user("ubkt", Role.INSPECTION, this.root);
		CurrentUser system = CurrentUser.system();
		this.committees.openTerm(system, this.cell,
				new Committees.NewTerm(1, "2020–2025", LocalDate.of(2020, 6, 1), null, "CONGRESS", "Nghị quyết thử"));
		this.committees.recordPosition(system, this.cell, new Committees.NewPosition(Position.SECRETARY, this.secretary,
				LocalDate.of(2020, 6, 1), null, FilledBy.ELECTED, "Biên bản thử"));
	}

	private HttpResponse<String> decide(String json) {
		String name = this.fixtures.username(this.inspector);
		return new Http(this.port).basic(name, "secret-" + name).postJson("/api/v1/discipline/decisions", json);
	}

	private GradingInputs inspectionInputs() {
		return this.gradingInputs.stream()
			.filter((g) -> g instanceof DisciplineGradingInputs)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void removalFromPostEndsThePositionOnTheEffectiveDateAndTheAccountLosesItsGrant() {
		long account = this.fixtures.user("cb", Role.CLERK, this.otherCell);
		String username = this.fixtures.username(account);
		this.users.linkMember(username, this.secretary, "test");
		assertThat(this.users.currentUser(username).roles()).contains(Role.SECRETARY);
		HttpResponse<String> removal = decide("""
				{"decidingOrganizationId":%d,"body":"UPPER_INSPECTION","memberId":%d,"standing":"COMMITTEE_MEMBER",
				 "area":"MEMBER_DUTIES","violationSummary":"Buông lỏng lãnh đạo chi bộ","violationDate":"2023-05-01",
				 "form":"CACH_CHUC","decisionDate":"2024-06-01","effectiveDate":"2024-06-10",
				 "documentRef":"12-QĐ/UBKT","eligibleVoters":5,"votesFor":5}
				""".formatted(this.bloc, this.secretary));
		assertThat(removal.statusCode()).as(removal.body()).isEqualTo(201);
		assertThat(removal.body()).doesNotContain("post-unknown");
		Map<String, Object> position = this.jdbc.sql("""
				SELECT valid_to, closed_reason FROM committee_position WHERE member_id = :m AND organization_id = :o
				""").param("m", this.secretary).param("o", this.cell).query().singleRow();
		assertThat(position.get("valid_to").toString()).isEqualTo("2024-06-10");
		assertThat(position.get("closed_reason").toString()).contains("Cách chức").contains("12-QĐ/UBKT");
		CurrentUser after = this.users.currentUser(username);
		assertThat(after.roles()).doesNotContain(Role.SECRETARY).contains(Role.CLERK);
		assertThat(after.scopeRoots()).doesNotContain(this.cell);
		// the committee of the cell on the day before still had its secretary
		assertThat(this.committees.committee(CurrentUser.system(), this.cell, LocalDate.of(2024, 6, 9)).secretary())
			.isPresent();
		assertThat(this.committees.committee(CurrentUser.system(), this.cell, LocalDate.of(2024, 6, 10)).secretary())
			.isEmpty();
	}

	@Test
	void gradingSeesTheDisciplineOfAMemberOfALeadershipAndOfSubordinates() {
		HttpResponse<String> leader = decide("""
				{"decidingOrganizationId":%d,"body":"UPPER_STANDING","memberId":%d,"area":"ETHICS",
				 "violationSummary":"Vi phạm quy định về nêu gương","violationDate":"2024-02-01","form":"CANH_CAO",
				 "decisionDate":"2024-04-01","documentRef":"7-QĐ/ĐUK","eligibleVoters":7,"votesFor":7}
				""".formatted(this.bloc, this.secretary));
		assertThat(leader.statusCode()).as(leader.body()).isEqualTo(201);
		HttpResponse<String> member = decide("""
				{"decidingOrganizationId":%d,"body":"UPPER_STANDING","memberId":%d,"area":"PARTY_ACTIVITY",
				 "violationSummary":"Bỏ sinh hoạt nhiều lần","violationDate":"2024-01-03","form":"CANH_CAO",
				 "decisionDate":"2024-05-01","documentRef":"8-QĐ/ĐUK","eligibleVoters":7,"votesFor":6}
				""".formatted(this.bloc, this.plain));
		assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
		HttpResponse<String> organization = decide("""
				{"decidingOrganizationId":%d,"body":"UPPER_STANDING","subjectOrganizationId":%d,"area":"OTHER",
				 "violationSummary":"Không duy trì sinh hoạt","violationDate":"2024-01-01","form":"KHIEN_TRACH",
				 "decisionDate":"2024-12-31","documentRef":"9-QĐ/ĐUK","eligibleVoters":7,"votesFor":5}
				""".formatted(this.bloc, this.otherCell));
		assertThat(organization.statusCode()).as(organization.body()).isEqualTo(201);
		GradingInputs inputs = inspectionInputs();
		LocalDate from = LocalDate.of(2024, 1, 1);
		LocalDate to = LocalDate.of(2024, 12, 31);
		assertThat(inputs.disciplineOfMember(this.plain, from, to)).extracting(GradingInputs.DisciplineRecord::form)
			.containsExactly("CANH_CAO");
		assertThat(inputs.disciplineOfMember(this.plain, LocalDate.of(2024, 5, 2), to)).isEmpty();
		// the secretary sat on the cell's committee on the decision date; the ordinary
		// member did not
		assertThat(inputs.disciplineOfLeadership(this.cell, from, to))
			.extracting(GradingInputs.DisciplineRecord::subject)
			.containsExactly("Trịnh Văn Chức");
		assertThat(inputs.disciplineOfLeadership(this.otherCell, from, to)).isEmpty();
		// an organisation under the bloc (the last day of the period counts), not under
		// itself
		assertThat(inputs.disciplineOfSubordinates(this.bloc, from, to))
			.extracting(GradingInputs.DisciplineRecord::subject)
			.containsExactly("Chi bộ Ban Khác");
		assertThat(inputs.disciplineOfSubordinates(this.root, from, to)).hasSize(1);
		assertThat(inputs.disciplineOfSubordinates(this.otherCell, from, to)).isEmpty();
		assertThat(inputs.disciplineOfSubordinates(this.bloc, from, LocalDate.of(2024, 12, 30))).isEmpty();
		// a complaint reduces the member's warning to a reprimand, the secretary's is
		// annulled
		CurrentUser ubkt = this.fixtures.as(this.inspector);
		long memberDecision = this.jdbc
			.sql("SELECT id FROM discipline_decision WHERE document_ref = '8-QĐ/ĐUK' "
					+ "AND deciding_organization_id = :b")
			.param("b", this.bloc)
			.query(Long.class)
			.single();
		long leaderDecision = this.jdbc
			.sql("SELECT id FROM discipline_decision WHERE document_ref = '7-QĐ/ĐUK' "
					+ "AND deciding_organization_id = :b")
			.param("b", this.bloc)
			.query(Long.class)
			.single();
		long c1 = this.disciplines.complain(ubkt, memberDecision, this.bloc, DecidingBody.UPPER_COMMITTEE,
				LocalDate.of(2024, 5, 10), "Xin xem xét lại");
		this.disciplines.resolve(ubkt, c1, ComplaintOutcome.REDUCED, DisciplineForm.KHIEN_TRACH,
				LocalDate.of(2024, 6, 1), "11-QĐ/ĐUK");
		long c2 = this.disciplines.complain(ubkt, leaderDecision, this.bloc, DecidingBody.UPPER_COMMITTEE,
				LocalDate.of(2024, 4, 15), "Không đúng sự thật");
		this.disciplines.resolve(ubkt, c2, ComplaintOutcome.ANNULLED, null, LocalDate.of(2024, 6, 1), "12-QĐ/ĐUK");
		assertThat(inputs.disciplineOfMember(this.plain, from, to)).extracting(GradingInputs.DisciplineRecord::form)
			.containsExactly("KHIEN_TRACH");
		assertThat(inputs.disciplineOfLeadership(this.cell, from, to)).isEmpty();
		// counted against an independent SQL count of decisions in force in the period
		long inForce = this.jdbc.sql("""
				SELECT count(*) FROM discipline_decision WHERE deciding_organization_id = :b AND status <> 'ANNULLED'
				  AND decision_date BETWEEN '2024-01-01' AND '2024-12-31'
				""").param("b", this.bloc).query(Long.class).single();
		assertThat(inForce).isEqualTo(inputs.disciplineOfMember(this.plain, from, to).size()
				+ inputs.disciplineOfSubordinates(this.bloc, from, to).size());
	}

	@Test
	void aFinanceInspectionReadsTheFeeLedgerOfTheYearBeforeItOpened() {
		CurrentUser system = CurrentUser.system();
		this.fees.setProfile(system, this.secretary, vn.capuy.fee.FeeCategory.SOCIAL_INSURANCE_SALARY, 7000000, 0,
				LocalDate.of(2023, 1, 1));
		this.fees.setProfile(system, this.plain, vn.capuy.fee.FeeCategory.SOCIAL_INSURANCE_SALARY, 9000000, 0,
				LocalDate.of(2023, 1, 1));
		java.time.YearMonth march = java.time.YearMonth.of(2023, 3);
		this.fees.openMonth(system, this.cell, march);
		this.fees.collectAll(system, this.cell, march, LocalDate.of(2023, 3, 3), List.of());
		CurrentUser ubkt = this.fixtures.as(this.inspector);
		long finance = this.inspections.open(ubkt,
				new Inspections.NewCase(this.bloc, DecidingBody.UPPER_INSPECTION, CaseKind.FINANCE, null, this.cell,
						"Kiểm tra thu, nộp đảng phí năm 2023", LocalDate.of(2024, 2, 1), "3-QĐ/UBKT", null));
		long other = this.inspections.open(ubkt,
				new Inspections.NewCase(this.bloc, DecidingBody.UPPER_INSPECTION, CaseKind.IMPLEMENTATION, null,
						this.cell, "Kiểm tra việc chấp hành", LocalDate.of(2024, 2, 1), "4-QĐ/UBKT", null));
		String name = this.fixtures.username(this.inspector);
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		long collected = this.jdbc
			.sql("SELECT sum(paid) FROM fee_ledger WHERE organization_id = :o "
					+ "AND month >= '2023-01-01' AND month < '2024-01-01'")
			.param("o", this.cell)
			.query(Long.class)
			.single();
		assertThat(collected).isEqualTo(160000);
		String page = browser.get("/inspection/cases/" + finance).body();
		assertThat(page).contains("Đảng phí năm 2023").contains("160.000").contains("Chi bộ Ban Chức");
		assertThat(browser.get("/inspection/cases/" + other).body()).doesNotContain("Đảng phí năm 2023");
	}

}
