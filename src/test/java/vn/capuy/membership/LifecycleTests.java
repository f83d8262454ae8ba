package vn.capuy.membership;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullTest
class LifecycleTests {

	static final LocalDate START = LocalDate.of(1990, 1, 1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Members members;

	@Autowired
	MemberLifecycle lifecycle;

	@Autowired
	Transfers transfers;

	@Autowired
	MemberStatistics statistics;

	@Autowired
	Badges badges;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long root;

	long cellA;

	long cellB;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Tỉnh thử vòng đời", START);
		long committee = this.fixtures.child(this.root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Vòng Đời", START);
		this.cellA = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Một", START);
		this.cellB = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Hai", START);
	}

	@Test
	void partyAgeCountsOnlyTimeInTheParty() {
		long id = this.fixtures.member(this.cellA, "Đinh Văn Trở Lại", LocalDate.of(2008, 1, 1));
		LocalDate decision = this.members.get(this.system, id).record().admissionDecisionDate();
		LocalDate left = LocalDate.of(2012, 1, 1);
		this.lifecycle.end(this.system, id, MembershipEndReason.XOA_TEN_HAI_NAM_VI_PHAM, left, "QĐ xoá tên (mẫu)",
				null);
		LocalDate back = LocalDate.of(2016, 3, 1);
		this.members.readmit(this.system, id, back, back, this.cellA, "QĐ kết nạp lại (mẫu)");
		this.members.recognise(this.system, id, back.plusMonths(12), "QĐ công nhận (mẫu)");
		LocalDate on = LocalDate.of(2026, 6, 1);
		MemberFile f = this.members.get(this.system, id);
		long daysOut = ChronoUnit.DAYS.between(left, back);
		int expected = Period.between(decision.plusDays(daysOut), on).getYears();
		assertThat(this.members.partyAge(f.record(), f.statuses(), on)).isEqualTo(expected)
			.isLessThan(Period.between(decision, on).getYears());
	}

	@Test
	void readmissionOnlyOnceAfterTheWaitingPeriodWithConsentAndNeverForResignation() {
		long id = this.fixtures.member(this.cellA, "Mai Văn Kết Lại", LocalDate.of(2008, 1, 1));
		long helper = this.fixtures.member(this.cellA, "Mai Thị Giúp", LocalDate.of(2008, 1, 1));
		this.lifecycle.end(this.system, id, MembershipEndReason.XOA_TEN_HAI_NAM_VI_PHAM, LocalDate.of(2023, 1, 10),
				"QĐ (mẫu)", null);
		assertThatThrownBy(() -> this.lifecycle.readmit(this.system,
				new MemberLifecycle.Readmission(id, this.cellA, helper, LocalDate.of(2025, 12, 31), "CV đồng ý (mẫu)",
						false)))
			.isInstanceOfSatisfying(AdmissionBlocked.class,
					(ex) -> assertThat(ex.rule()).isEqualTo("readmission.min-months-after-leaving"));
		assertThatThrownBy(() -> this.lifecycle.readmit(this.system,
				new MemberLifecycle.Readmission(id, this.cellA, helper, LocalDate.of(2026, 2, 1), " ", false)))
			.isInstanceOf(AdmissionBlocked.class);
		long file = this.lifecycle.readmit(this.system, new MemberLifecycle.Readmission(id, this.cellA, helper,
				LocalDate.of(2026, 2, 1), "CV 12 (mẫu)", false));
		assertThat(file).isPositive();
		assertThatThrownBy(() -> this.lifecycle.readmit(this.system,
				new MemberLifecycle.Readmission(id, this.cellA, helper, LocalDate.of(2026, 3, 1), "CV 13 (mẫu)",
						false)))
			.isInstanceOfSatisfying(AdmissionBlocked.class,
					(ex) -> assertThat(ex.rule()).isEqualTo("readmission.max-times"));
		long resigned = this.fixtures.member(this.cellA, "Mai Văn Xin Ra", LocalDate.of(2008, 1, 1));
		this.lifecycle.end(this.system, resigned, MembershipEndReason.XIN_RA_KHOI_DANG, LocalDate.of(2018, 1, 10),
				"QĐ (mẫu)", null);
		assertThatThrownBy(() -> this.lifecycle.readmit(this.system,
				new MemberLifecycle.Readmission(resigned, this.cellA, helper, LocalDate.of(2026, 2, 1), "CV (mẫu)",
						false)))
			.isInstanceOfSatisfying(AdmissionBlocked.class,
					(ex) -> assertThat(ex.rule()).isEqualTo("readmission.excluded"));
	}

	@Test
	void transferLetterCarriesTheNumbersAndTheMemberMovesOnReceipt() throws Exception {
		long id = this.fixtures.member(this.cellA, "Tạ Văn Chuyển", LocalDate.of(2010, 1, 1));
		long t = this.transfers.start(this.system,
				new Transfers.NewTransfer(id, TransferKind.NOI_BO, this.cellB, null, LocalDate.of(2024, 3, 1),
						LocalDate.of(2024, 3, 5), "125/GTSHĐ", LocalDate.of(2024, 3, 6), null, LocalDate.of(2024, 2, 1),
						null, null));
		byte[] docx = this.transfers.letter(this.system, t);
		String text;
		try (XWPFDocument doc = new XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
			text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
		}
		MemberFile f = this.members.get(this.system, id);
		assertThat(text).contains("125/GTSHĐ")
			.contains(f.record().partyCardNumber())
			.contains(f.record().lifeHistoryNumber())
			.contains("02/2024");
		this.transfers.receive(this.system, t, LocalDate.of(2024, 3, 20));
		assertThat(this.members.get(this.system, id).organizationId()).isEqualTo(this.cellB);
		assertThat(this.transfers.outgoing(this.system.scope(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
			.extracting(Transfers.Row::id)
			.contains(t);
	}

	long independentInParty(LocalDate d) {
		return this.jdbc
			.sql("""
					SELECT count(*) FROM membership ms JOIN member_status st ON st.member_id = ms.member_id
					WHERE ms.organization_id IN (:a, :b) AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
					  AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
					  AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT')
					""")
			.param("a", this.cellA)
			.param("b", this.cellB)
			.param("d", d)
			.query(Long.class)
			.single();
	}

	@Test
	void statisticsEqualIndependentSqlCounts() {
		for (int i = 0; i < 4; i++) {
			this.fixtures.member(this.cellA, "Hà Văn Thống " + (char) ('A' + i), LocalDate.of(2010, 1, 1));
		}
		long newOne = this.fixtures.probationaryMember(this.cellB, "Hà Thị Mới", LocalDate.of(2022, 4, 1));
		long dies = this.fixtures.member(this.cellB, "Hà Văn Từ", LocalDate.of(2010, 1, 1));
		this.lifecycle.end(this.system, dies, MembershipEndReason.TU_TRAN, LocalDate.of(2022, 8, 1), null, null);
		LocalDate from = LocalDate.of(2022, 1, 1);
		LocalDate to = LocalDate.of(2022, 12, 31);
		Map<String, Long> m = this.statistics.memberChanges(this.system, this.root, from, to);
		assertThat(m.get("opening")).isEqualTo(independentInParty(from.minusDays(1)));
		assertThat(m.get("closing")).isEqualTo(independentInParty(to));
		long admitted = this.jdbc.sql("""
				SELECT count(*) FROM member_status st JOIN membership ms ON ms.member_id = st.member_id
				WHERE ms.organization_id IN (:a, :b) AND st.status = 'PROBATIONARY' AND st.reason = 'ADMITTED'
				  AND st.valid_from BETWEEN :f AND :t
				""")
			.param("a", this.cellA)
			.param("b", this.cellB)
			.param("f", from)
			.param("t", to)
			.query(Long.class)
			.single();
		assertThat(m.get("in.admitted")).isEqualTo(admitted).isEqualTo(1);
		assertThat(m.get("out.deceased")).isEqualTo(1);
		long ins = m.get("in.admitted") + m.get("in.readmitted") + m.get("in.transferred");
		long outs = m.get("out.deceased") + m.get("out.removed") + m.get("out.expelled") + m.get("out.resigned")
				+ m.get("out.transferred");
		assertThat(m.get("opening") + ins - outs).isEqualTo(m.get("closing"));
		Map<String, Long> all = this.statistics.measures(this.system, this.root, from, to);
		long women = this.jdbc
			.sql("""
					SELECT count(*) FROM member m WHERE m.sex = 'NU' AND m.id IN (
					  SELECT ms.member_id FROM membership ms JOIN member_status st ON st.member_id = ms.member_id
					  WHERE ms.organization_id IN (:a, :b) AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
					    AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
					    AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT'))
					""")
			.param("a", this.cellA)
			.param("b", this.cellB)
			.param("d", to)
			.query(Long.class)
			.single();
		assertThat(all.get("all.women")).isEqualTo(women);
		assertThat(all.get("all.probationary")).isEqualTo(1);
		assertThat(all.get("org.subcells")).isEqualTo(2);
		assertThat(newOne).isPositive();
	}

	@Test
	void badgesAreDueAtTheFirstPresentationDateAfterTheMilestone() {
		// admitted 30 years before 2026-04-01: reaches 30 years then, presented on 19/5
		long id = this.fixtures.member(this.cellA, "Lương Văn Ba Mươi", LocalDate.of(1999, 4, 1));
		LocalDate decision = this.members.get(this.system, id).record().admissionDecisionDate();
		assertThat(decision).isEqualTo(LocalDate.of(1996, 4, 1));
		assertThat(this.badges.due(this.system, this.cellA, 2026)).filteredOn((d) -> d.memberId() == id)
			.singleElement()
			.satisfies((d) -> {
				assertThat(d.years()).isEqualTo(30);
				assertThat(d.presentedOn()).isEqualTo(LocalDate.of(2026, 5, 19));
			});
		assertThat(this.badges.due(this.system, this.cellA, 2025)).noneMatch((d) -> d.memberId() == id);
	}

}
