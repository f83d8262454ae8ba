package vn.capuy.fee;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.membership.Sex;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Party fees: amounts per category and exemption before and after Quy định 01-QĐ/TW
 * (01/02/2026), the ledger against SQL, the removal flag, and retention shares that add
 * up to what was collected at every level.
 */
@FullTest
class FeeTests {

	private static final LocalDate START = LocalDate.of(2020, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	FeeRates rates;

	@Autowired
	Fees fees;

	@Autowired
	Remittances remittances;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0} base {1} on {2}: {3}")
	@CsvSource({
			// QĐ 342 (until 31/01/2026)
			"SOCIAL_INSURANCE_SALARY, 8000000, 2026-01-01, 80000", "PENSION, 5000000, 2026-01-01, 25000",
			"STUDENT, 0, 2026-01-01, 2000", "OTHER, 0, 2012-06-01, 2000",
			"SICK_MATERNITY_BENEFIT, 4500000, 2012-06-01, 45000",
			// Quy định 01-QĐ/TW (from 01/02/2026)
			"SOCIAL_INSURANCE_SALARY, 8000000, 2026-02-01, 80000",
			"SOCIAL_INSURANCE_SALARY, 12345670, 2026-03-01, 123457",
			"SICK_MATERNITY_BENEFIT, 4500000, 2026-02-01, 45000", "PENSION, 5000000, 2026-02-01, 25000",
			"PENSION, 7777777, 2026-02-01, 38889", "STUDENT, 0, 2026-02-01, 5000", "OTHER, 0, 2026-02-01, 10000" })
	void theRateOfEachCategoryOnADate(FeeCategory category, long base, LocalDate month, long expected) {
		FeeRates.Payer payer = new FeeRates.Payer(category, base, 0, Sex.NU, LocalDate.of(1990, 1, 1),
				LocalDate.of(2015, 1, 1));
		assertThat(this.rates.due(payer, month, null, 0).amount()).isEqualTo(expected);
	}

	@Test
	void membersOverWorkingAgePayHalfTheFixedAmountUnderQd342Only() {
		FeeRates.Payer old = new FeeRates.Payer(FeeCategory.OTHER, 0, 0, Sex.NAM, LocalDate.of(1950, 1, 1),
				LocalDate.of(1980, 1, 1));
		assertThat(this.rates.due(old, LocalDate.of(2012, 6, 1), null, 0).amount()).isEqualTo(1000);
		FeeRates.Payer woman = new FeeRates.Payer(FeeCategory.OTHER, 0, 0, Sex.NU, LocalDate.of(1957, 7, 1),
				LocalDate.of(1990, 1, 1));
		// 55 on 2012-07-01, not yet on 2012-06-01
		assertThat(this.rates.due(woman, LocalDate.of(2012, 6, 1), null, 0).amount()).isEqualTo(2000);
		assertThat(this.rates.due(woman, LocalDate.of(2012, 7, 1), null, 0).amount()).isEqualTo(1000);
	}

	@Test
	void fiftyYearsOfPartyAgeExemptFromFebruary2026Only() {
		FeeRates.Payer veteran = new FeeRates.Payer(FeeCategory.PENSION, 6000000, 0, Sex.NAM, LocalDate.of(1950, 1, 1),
				LocalDate.of(1976, 2, 1));
		assertThat(this.rates.due(veteran, LocalDate.of(2026, 1, 1), null, 0)).isEqualTo(new FeeRates.Due(30000, null));
		assertThat(this.rates.due(veteran, LocalDate.of(2026, 2, 1), null, 0))
			.isEqualTo(new FeeRates.Due(0, "PARTY_AGE"));
		FeeRates.Payer almost = new FeeRates.Payer(FeeCategory.PENSION, 6000000, 0, Sex.NAM, LocalDate.of(1950, 1, 1),
				LocalDate.of(1976, 2, 2));
		assertThat(this.rates.due(almost, LocalDate.of(2026, 2, 1), null, 0).amount()).isEqualTo(30000);
		assertThat(this.rates.due(almost, LocalDate.of(2026, 3, 1), null, 0).amount()).isZero();
	}

	@Test
	void reliefsAndVoluntaryExtra() {
		FeeRates.Payer payer = new FeeRates.Payer(FeeCategory.SOCIAL_INSURANCE_SALARY, 10000000, 20000, Sex.NU,
				LocalDate.of(1985, 1, 1), LocalDate.of(2010, 1, 1));
		LocalDate march = LocalDate.of(2026, 3, 1);
		assertThat(this.rates.due(payer, march, null, 0).amount()).isEqualTo(120000);
		assertThat(this.rates.due(payer, march, ReliefKind.HARDSHIP, 30).amount()).isEqualTo(70000 + 20000);
		assertThat(this.rates.due(payer, march, ReliefKind.HARDSHIP, 70))
			.isEqualTo(new FeeRates.Due(50000, "HARDSHIP"));
		assertThat(this.rates.due(payer, march, ReliefKind.POVERTY, 100)).isEqualTo(new FeeRates.Due(20000, "POVERTY"));
	}

	@Test
	void hardshipReliefIsLimitedToTheRuleBookSharesAndTwelveMonths() {
		Tree t = tree();
		CurrentUser office = this.fixtures.as(t.office);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.fees.grantRelief(office, t.a1, ReliefKind.HARDSHIP, 40,
					LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 1), "01/QĐ"))
			.isInstanceOfSatisfying(vn.capuy.system.InvalidInputException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("percent"));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.fees.grantRelief(office, t.a1, ReliefKind.HARDSHIP, 50,
					LocalDate.of(2026, 2, 1), LocalDate.of(2027, 2, 2), "01/QĐ"))
			.isInstanceOfSatisfying(vn.capuy.system.InvalidInputException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("validTo"));
		this.fees.grantRelief(office, t.a1, ReliefKind.HARDSHIP, 50, LocalDate.of(2026, 2, 1), LocalDate.of(2027, 2, 1),
				"01/QĐ");
		this.fees.openMonth(office, t.root, YearMonth.of(2026, 3));
		assertThat(due(t.a1, "2026-03-01")).isEqualTo(40000);
	}

	@Test
	void remittancesRecordedThroughTheApiAndThePageAreReconciledWithWhatIsDue() {
		Tree t = tree();
		CurrentUser office = this.fixtures.as(t.office);
		YearMonth feb = YearMonth.of(2026, 2);
		this.fees.openMonth(office, t.root, feb);
		this.fees.collectAll(office, t.root, feb, feb.atDay(15), List.of());
		String name = this.fixtures.username(t.office);
		Http api = new Http(this.port).basic(name, "secret-" + name);
		// the subordinate cell remits exactly its 70% (73.500 đ) through the API
		HttpResponse<String> created = api.postJson("/api/v1/fees/remittances",
				"""
						{"organizationId":%d,"month":"2026-02","amount":73500,"remittedOn":"2026-03-05","reference":"PT-01/2026"}
						"""
					.formatted(t.cellA));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		// bad input is refused, named in Vietnamese, nothing saved
		HttpResponse<String> negative = api.postJson("/api/v1/fees/remittances", """
				{"organizationId":%d,"month":"2026-02","amount":-5,"remittedOn":"2026-03-05","reference":"X"}
				""".formatted(t.cellB));
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat(negative.body()).contains("Số tiền").contains("phải lớn hơn 0");
		HttpResponse<String> future = api.postJson("/api/v1/fees/remittances", """
				{"organizationId":%d,"month":"2027-02","amount":5,"remittedOn":"2026-03-05","reference":"X"}
				""".formatted(t.cellB));
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("Tháng").contains("chưa đến tháng 2027-02");
		HttpResponse<String> early = api.postJson("/api/v1/fees/remittances", """
				{"organizationId":%d,"month":"2026-02","amount":5,"remittedOn":"2026-01-20","reference":"X"}
				""".formatted(t.cellB));
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat(early.body()).contains("Ngày nộp");
		long stranger = this.fixtures.user("vp", Role.OFFICE, this.fixtures.root("Tỉnh khác nộp", START));
		String other = this.fixtures.username(stranger);
		assertThat(new Http(this.port).basic(other, "secret-" + other).postJson("/api/v1/fees/remittances", """
				{"organizationId":%d,"month":"2026-02","amount":5,"remittedOn":"2026-03-05","reference":"X"}
				""".formatted(t.cellB)).statusCode()).isEqualTo(404);
		// the grassroots cell remits 20.000 đ of its 21.130 đ through the page, after
		// two refused attempts
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		String back = "/fees/remittance?organizationId=" + t.root + "&year=2026";
		String csrf = browser.csrf(back);
		Map<String, String> form = new java.util.HashMap<>(Map.of("_csrf", csrf, "organizationId",
				String.valueOf(t.cellB), "month", "2026-02", "amount", "hai mươi nghìn", "remittedOn", "2026-03-06",
				"reference", "PT-02/2026", "reportOrganizationId", String.valueOf(t.root), "year", "2026"));
		HttpResponse<String> refused = browser.postForm("/fees/remittance", form);
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(back);
		assertThat(browser.get(back).body()).contains("Số tiền: số tiền &quot;hai mươi nghìn&quot; không phải là số");
		form.put("amount", "20.000");
		form.put("reference", " ");
		browser.postForm("/fees/remittance", form);
		assertThat(browser.get(back).body()).contains("Số chứng từ: bắt buộc phải nhập");
		assertThat(this.jdbc.sql("SELECT count(*) FROM fee_remittance WHERE organization_id = :o")
			.param("o", t.cellB)
			.query(Long.class)
			.single()).isZero();
		form.put("reference", "PT-02/2026");
		browser.postForm("/fees/remittance", form);
		String page = browser.get(back).body();
		assertThat(page).contains("Đã ghi khoản nộp tháng 2026-02")
			.contains("PT-01/2026")
			.contains("PT-02/2026")
			.contains("Các khoản đã nộp lên cấp trên năm 2026");
		// reconciliation: the cell under the committee matches, the grassroots cell is
		// short
		// by 1.130 đ, levels that recorded nothing are short by all they owe
		Map<Long, Remittances.Row> rows = new java.util.HashMap<>();
		this.remittances.report(office, t.root, 2026, null).rows().forEach((r) -> rows.put(r.organizationId(), r));
		assertThat(rows.get(t.cellA).recorded()).isEqualTo(73500);
		assertThat(rows.get(t.cellA).reconciliation()).isEqualTo("OK");
		assertThat(rows.get(t.cellB).recorded()).isEqualTo(20000);
		assertThat(rows.get(t.cellB).difference()).isEqualTo(20000 - 21130);
		assertThat(rows.get(t.cellB).reconciliation()).isEqualTo("SHORT");
		assertThat(rows.get(t.committee).reconciliation()).isEqualTo("SHORT");
		assertThat(page).contains("Khớp").contains("Nộp thiếu").contains("-1.130");
		long sqlRecorded = this.jdbc.sql("""
				SELECT sum(amount) FROM fee_remittance WHERE organization_id IN (:a, :b, :c, :bloc, :root)
				""")
			.param("a", t.cellA)
			.param("b", t.cellB)
			.param("c", t.committee)
			.param("bloc", t.bloc)
			.param("root", t.root)
			.query(Long.class)
			.single();
		assertThat(rows.values().stream().mapToLong(Remittances.Row::recorded).sum()).isEqualTo(sqlRecorded);
		assertThat(api.get("/api/v1/fees/remittances?organizationId=" + t.root + "&year=2026").body())
			.contains("\"total\":2")
			.contains("PT-02/2026");
	}

	/** A tree of its own with members and an office user. */
	record Tree(long root, long bloc, long committee, long cellA, long cellB, long a1, long a2, long b1, long office) {
	}

	private Tree tree() {
		long root = this.fixtures.root("Tỉnh thử đảng phí", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử đảng phí", START);
		long committee = this.fixtures.child(bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Phí", START);
		long cellA = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Thu", START);
		long cellB = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Nộp", START);
		long a1 = this.fixtures.member(cellA, "Nguyễn Văn Đóng", START);
		long a2 = this.fixtures.member(cellA, "Trần Thị Nợ", START);
		long b1 = this.fixtures.member(cellB, "Lê Văn Đủ", START);
		long office = this.fixtures.user("vp", Role.OFFICE, root);
		CurrentUser user = this.fixtures.as(office);
		this.fees.setProfile(user, a1, FeeCategory.SOCIAL_INSURANCE_SALARY, 8000000, 0, LocalDate.of(2025, 1, 1));
		this.fees.setProfile(user, a2, FeeCategory.PENSION, 5000000, 0, LocalDate.of(2025, 1, 1));
		this.fees.setProfile(user, b1, FeeCategory.SOCIAL_INSURANCE_SALARY, 6543210, 5000, LocalDate.of(2025, 1, 1));
		return new Tree(root, bloc, committee, cellA, cellB, a1, a2, b1, office);
	}

	private long due(long member, String month) {
		return this.jdbc.sql("SELECT due FROM fee_ledger WHERE member_id = :m AND month = CAST(:mo AS date)")
			.param("m", member)
			.param("mo", month)
			.query(Long.class)
			.single();
	}

	@Test
	void theLedgerShowsDuePaidAndArrearsAndFlagsThreeUnpaidMonthsFrom2026() {
		Tree t = tree();
		CurrentUser office = this.fixtures.as(t.office);
		for (int m = 10; m <= 12; m++) {
			this.fees.openMonth(office, t.root, YearMonth.of(2025, m));
			this.fees.collectAll(office, t.root, YearMonth.of(2025, m), LocalDate.of(2025, m, 10), List.of(t.a2));
		}
		for (int m = 1; m <= 4; m++) {
			this.fees.openMonth(office, t.root, YearMonth.of(2026, m));
			this.fees.collectAll(office, t.root, YearMonth.of(2026, m), LocalDate.of(2026, m, 10), List.of(t.a2, t.b1));
		}
		this.fees.pay(office, t.b1, YearMonth.of(2026, 2), 30000, LocalDate.of(2026, 2, 20), "CASH", null);
		this.fees.excuse(office, t.b1, YearMonth.of(2026, 3), "Ốm dài ngày, chi bộ chấp thuận");
		String name = this.fixtures.username(t.office);
		HttpResponse<String> response = new Http(this.port).basic(name, "secret-" + name)
			.get("/api/v1/fees/ledger?organizationId=" + t.root + "&month=2026-04");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"total\":3");
		List<Fees.Line> lines = this.fees.ledger(office, t.root, YearMonth.of(2026, 4));
		Map<Long, Fees.Line> byMember = new java.util.HashMap<>();
		lines.forEach((l) -> byMember.put(l.memberId(), l));
		// a1 paid everything
		assertThat(byMember.get(t.a1).due()).isEqualTo(80000);
		assertThat(byMember.get(t.a1).paid()).isEqualTo(80000);
		assertThat(byMember.get(t.a1).arrears()).isZero();
		// a2 (pension 25.000) owes 3 months of 2025 and 4 of 2026; flagged in 2026 only
		assertThat(byMember.get(t.a2).arrears()).isEqualTo(7 * 25000);
		assertThat(byMember.get(t.a2).unpaidMonthsInYear()).isEqualTo(4);
		assertThat(byMember.get(t.a2).removalFlag()).isTrue();
		assertThat(this.fees.ledger(office, t.root, YearMonth.of(2025, 12))
			.stream()
			.filter((l) -> l.memberId() == t.a2)
			.findFirst()
			.orElseThrow()
			.removalFlag()).isFalse();
		// b1: 65.432 + 5.000 extra a month; January unpaid, February partly, March
		// excused
		long b1Due = 65432 + 5000;
		assertThat(byMember.get(t.b1).due()).isEqualTo(b1Due);
		assertThat(byMember.get(t.b1).arrears()).isEqualTo(b1Due + (b1Due - 30000) + b1Due);
		assertThat(byMember.get(t.b1).unpaidMonthsInYear()).isEqualTo(3);
		assertThat(byMember.get(t.b1).removalFlag()).isTrue();
		long sqlArrears = this.jdbc.sql("""
				SELECT sum(due - paid) FROM fee_ledger WHERE member_id IN (:a1, :a2, :b1) AND month <= '2026-04-01'
				  AND unpaid_reason IS NULL
				""").param("a1", t.a1).param("a2", t.a2).param("b1", t.b1).query(Long.class).single();
		assertThat(lines.stream().mapToLong(Fees.Line::arrears).sum()).isEqualTo(sqlArrears);
		// money in VND with '.' grouping on the page
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		assertThat(browser.get("/fees?organizationId=" + t.root + "&month=2026-04").body()).contains("70.432")
			.contains("80.000");
	}

	@Test
	void retentionSharesAddUpToWhatWasCollectedAtEveryLevel() {
		Tree t = tree();
		CurrentUser office = this.fixtures.as(t.office);
		for (YearMonth m : List.of(YearMonth.of(2025, 6), YearMonth.of(2026, 1), YearMonth.of(2026, 2))) {
			this.fees.openMonth(office, t.root, m);
			this.fees.collectAll(office, t.root, m, m.atDay(15), List.of());
		}
		for (int year : List.of(2025, 2026)) {
			Remittances.Report report = this.remittances.report(office, t.root, year, null);
			long collected = this.jdbc.sql("""
					SELECT coalesce(sum(paid), 0) FROM fee_ledger WHERE member_id IN (:a1, :a2, :b1)
					  AND month >= :from AND month < :to
					""")
				.param("a1", t.a1)
				.param("a2", t.a2)
				.param("b1", t.b1)
				.param("from", LocalDate.of(year, 1, 1))
				.param("to", LocalDate.of(year + 1, 1, 1))
				.query(Long.class)
				.single();
			assertThat(collected).isPositive();
			assertThat(report.collected()).isEqualTo(collected);
			assertThat(report.kept() + report.remittedAbove()).isEqualTo(collected);
			Map<Long, Remittances.Row> rows = new java.util.HashMap<>();
			report.rows().forEach((r) -> rows.put(r.organizationId(), r));
			for (Remittances.Row r : report.rows()) {
				assertThat(r.kept() + r.remitted()).as(r.name()).isEqualTo(r.collected() + r.received());
			}
			// what each level received is what its subordinates remitted
			assertThat(rows.get(t.committee).received()).isEqualTo(rows.get(t.cellA).remitted());
			assertThat(rows.get(t.bloc).received())
				.isEqualTo(rows.get(t.committee).remitted() + rows.get(t.cellB).remitted());
			assertThat(rows.get(t.root).received()).isEqualTo(rows.get(t.bloc).remitted());
			assertThat(rows.get(t.root).remitted()).isZero();
		}
		// shares of the rule book in one month: a subordinate cell keeps 30%, a
		// grassroots
		// cell and a grassroots committee 70%, the bloc 50%, the province all
		Map<Long, Remittances.Row> feb = new java.util.HashMap<>();
		this.remittances.report(office, t.root, 2026, 2).rows().forEach((r) -> feb.put(r.organizationId(), r));
		assertThat(feb.get(t.cellA).collected()).isEqualTo(80000 + 25000);
		assertThat(feb.get(t.cellA).kept()).isEqualTo(31500);
		assertThat(feb.get(t.committee).received()).isEqualTo(73500);
		assertThat(feb.get(t.committee).kept()).isEqualTo(51450);
		assertThat(feb.get(t.cellB).collected()).isEqualTo(65432 + 5000);
		assertThat(feb.get(t.cellB).kept()).isEqualTo(49302);
		assertThat(feb.get(t.bloc).received()).isEqualTo(22050 + 21130);
		assertThat(feb.get(t.bloc).kept()).isEqualTo(21590);
		assertThat(feb.get(t.root).kept()).isEqualTo(21590);
		String name = this.fixtures.username(t.office);
		HttpResponse<String> api = new Http(this.port).basic(name, "secret-" + name)
			.get("/api/v1/fees/remittance?organizationId=" + t.root + "&year=2026");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("\"organizationId\":" + t.cellA).contains("\"kept\"");
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		HttpResponse<String> page = browser.get("/fees/remittance?organizationId=" + t.root + "&year=2026");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("63.000").contains("175.432");
		// another scope's office gets 404
		long stranger = this.fixtures.user("vp", Role.OFFICE, this.fixtures.root("Tỉnh khác", START));
		String other = this.fixtures.username(stranger);
		assertThat(new Http(this.port).basic(other, "secret-" + other)
			.get("/api/v1/fees/remittance?organizationId=" + t.root + "&year=2026")
			.statusCode()).isEqualTo(404);
	}

}
