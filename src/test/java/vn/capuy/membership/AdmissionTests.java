package vn.capuy.membership;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
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
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.Csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullTest
class AdmissionTests {

	static final LocalDate START = LocalDate.of(2015, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Admissions admissions;

	@Autowired
	Members members;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long cell;

	long helper;

	long introducerA;

	long introducerB;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử kết nạp", START);
		long committee = this.fixtures.child(root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Kết Nạp", START);
		this.cell = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Kết Nạp", START);
		this.helper = this.fixtures.member(this.cell, "Lê Văn Giúp", START);
		this.introducerA = this.fixtures.member(this.cell, "Phan Thị Giới", START);
		this.introducerB = this.fixtures.member(this.cell, "Võ Văn Thiệu", START);
	}

	long candidate(LocalDate dob, LocalDate identified) {
		return this.admissions.identify(this.system, new Admissions.NewCandidate("Hồ Thị Ưu Tú", Sex.NU, dob, null,
				"12/12", true, null, false, this.cell, this.helper, identified));
	}

	void readyForCell(long id, LocalDate certificate) {
		this.admissions.recordCertificate(this.system, id, certificate);
		for (AdmissionForm f : List.of(AdmissionForm.F1, AdmissionForm.F2, AdmissionForm.F3A, AdmissionForm.F5,
				AdmissionForm.F6)) {
			this.admissions.attach(this.system, id, f, certificate, null);
		}
		this.admissions.addIntroducer(this.system, id, this.introducerA, START);
		this.admissions.addIntroducer(this.system, id, this.introducerB, START);
	}

	Admissions.TransitionRequest to(AdmissionState s, LocalDate d) {
		return new Admissions.TransitionRequest(s, d, "QĐ-" + s.ordinal() + " (mẫu)", false, null, null, null);
	}

	void refusesEverySkippedStep(long id, AdmissionState current) {
		for (AdmissionState target : AdmissionState.values()) {
			if (current.next().contains(target)) {
				continue;
			}
			assertThatThrownBy(() -> this.admissions.transition(this.system, id, to(target, LocalDate.of(2024, 9, 1))))
				.as(current + " -> " + target)
				.isInstanceOfSatisfying(AdmissionBlocked.class,
						(ex) -> assertThat(ex.rule()).isEqualTo("admission.order"));
			assertThat(this.admissions.get(this.system, id).state()).isEqualTo(current);
		}
	}

	@Test
	void theStateMachineRefusesEverySkippedStepAndAdmitsThroughMembersRegister() {
		long id = candidate(LocalDate.of(1998, 5, 10), LocalDate.of(2023, 1, 5));
		readyForCell(id, LocalDate.of(2023, 2, 1));
		LocalDate[] dates = { null, LocalDate.of(2023, 2, 10), LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 15),
				LocalDate.of(2023, 4, 3), LocalDate.of(2023, 5, 15), LocalDate.of(2023, 6, 1) };
		AdmissionState state = AdmissionState.QUAN_CHUNG_UU_TU;
		for (int i = 1; i <= 6; i++) {
			refusesEverySkippedStep(id, state);
			AdmissionState next = state.next().get(0);
			if (next == AdmissionState.DANG_UY_CO_SO_DE_NGHI) {
				this.admissions.attach(this.system, id, AdmissionForm.F8, dates[i], null);
			}
			if (next == AdmissionState.CO_QUYET_DINH_KET_NAP) {
				this.admissions.attach(this.system, id, AdmissionForm.F9, dates[i], null);
			}
			this.admissions.transition(this.system, id, to(next, dates[i]));
			state = next;
			assertThat(this.admissions.get(this.system, id).state()).isEqualTo(state);
		}
		refusesEverySkippedStep(id, AdmissionState.DA_KET_NAP);
		Admission admitted = this.admissions.get(this.system, id);
		MemberFile member = this.members.get(this.system, admitted.memberId());
		assertThat(member.status()).isEqualTo(MemberStatus.PROBATIONARY);
		assertThat(member.record().admissionDecisionDate()).isEqualTo(LocalDate.of(2023, 5, 15));
		// recognition: before the end of probation the cell cannot vote
		assertThatThrownBy(() -> this.admissions.recognitionVote(this.system, id, LocalDate.of(2024, 5, 1), true))
			.isInstanceOf(AdmissionBlocked.class);
		assertThatThrownBy(() -> this.admissions.transition(this.system, id,
				to(AdmissionState.CHINH_THUC, LocalDate.of(2024, 6, 20))))
			.isInstanceOfSatisfying(AdmissionBlocked.class,
					(ex) -> assertThat(ex.rule()).isEqualTo("admission.recognition.cell-working-days"));
		this.admissions.recognitionVote(this.system, id, LocalDate.of(2024, 6, 10), true);
		this.admissions.transition(this.system, id, to(AdmissionState.CHINH_THUC, LocalDate.of(2024, 7, 1)));
		MemberFile full = this.members.get(this.system, admitted.memberId());
		assertThat(full.status()).isEqualTo(MemberStatus.FULL);
		// effective at the end of the 12 months from the ceremony, not the date of the
		// decision
		assertThat(full.record().fullMembershipDate()).isEqualTo(LocalDate.of(2024, 6, 1));
		refusesEverySkippedStep(id, AdmissionState.CHINH_THUC);
	}

	@Test
	void threeFailedVotesEscalateAndNotQualifiedIsRemoved() {
		long id = candidate(LocalDate.of(1999, 1, 1), LocalDate.of(2023, 1, 5));
		readyForCell(id, LocalDate.of(2023, 2, 1));
		this.admissions.attach(this.system, id, AdmissionForm.F8, LocalDate.of(2023, 3, 1), null);
		this.admissions.attach(this.system, id, AdmissionForm.F9, LocalDate.of(2023, 3, 1), null);
		this.admissions.transition(this.system, id, to(AdmissionState.DA_HOC_NHAN_THUC, LocalDate.of(2023, 2, 10)));
		this.admissions.transition(this.system, id, to(AdmissionState.DANG_LAM_HO_SO, LocalDate.of(2023, 2, 11)));
		this.admissions.transition(this.system, id, to(AdmissionState.CHI_BO_DE_NGHI, LocalDate.of(2023, 3, 1)));
		this.admissions.transition(this.system, id,
				to(AdmissionState.DANG_UY_CO_SO_DE_NGHI, LocalDate.of(2023, 3, 10)));
		this.admissions.transition(this.system, id, to(AdmissionState.CO_QUYET_DINH_KET_NAP, LocalDate.of(2023, 4, 3)));
		this.admissions.transition(this.system, id, to(AdmissionState.DA_KET_NAP, LocalDate.of(2023, 4, 20)));
		for (int i = 0; i < 3; i++) {
			this.admissions.recognitionVote(this.system, id, LocalDate.of(2024, 5, 1 + i), false);
		}
		Admission a = this.admissions.get(this.system, id);
		assertThat(a.failedRecognitionVotes()).isEqualTo(3);
		assertThat(a.escalatedOn()).isEqualTo(LocalDate.of(2024, 5, 3));
		this.admissions.transition(this.system, id, to(AdmissionState.XOA_TEN, LocalDate.of(2024, 6, 1)));
		assertThat(this.members.get(this.system, a.memberId()).status()).isEqualTo(MemberStatus.REMOVED);
	}

	@ParameterizedTest
	@CsvSource({ "216, 0, true", "215, 1, false", "720, 0, true", "721, 0, false", "720, -1, true" })
	void ageIsCountedInMonthsOnTheDayTheCellConsidersIt(int months, int plusDays, boolean allowed) {
		LocalDate cellDay = LocalDate.of(2024, 3, 15);
		// months of age on the cell's day; plusDays moves the birth date to just inside
		// or outside the edge
		LocalDate dob = cellDay.minusMonths(months).plusDays(plusDays);
		long id = candidate(dob, LocalDate.of(2023, 6, 1));
		readyForCell(id, LocalDate.of(2023, 7, 1));
		this.admissions.transition(this.system, id, to(AdmissionState.DA_HOC_NHAN_THUC, LocalDate.of(2023, 7, 2)));
		this.admissions.transition(this.system, id, to(AdmissionState.DANG_LAM_HO_SO, LocalDate.of(2023, 7, 3)));
		long age = ChronoUnit.MONTHS.between(dob, cellDay);
		if (allowed) {
			this.admissions.transition(this.system, id, to(AdmissionState.CHI_BO_DE_NGHI, cellDay));
			assertThat(this.admissions.get(this.system, id).state()).isEqualTo(AdmissionState.CHI_BO_DE_NGHI);
		}
		else {
			assertThatThrownBy(
					() -> this.admissions.transition(this.system, id, to(AdmissionState.CHI_BO_DE_NGHI, cellDay)))
				.as("age %d months", age)
				.isInstanceOfSatisfying(AdmissionBlocked.class, (ex) -> assertThat(ex.rule())
					.isIn("member.admission.min-age-months", "member.admission.max-age-months"));
		}
	}

	@Test
	void introducersMustHaveWorkedTwelveMonthsWithTheApplicant() {
		long id = candidate(LocalDate.of(1995, 1, 1), LocalDate.of(2023, 1, 5));
		this.admissions.recordCertificate(this.system, id, LocalDate.of(2023, 2, 1));
		for (AdmissionForm f : List.of(AdmissionForm.F1, AdmissionForm.F2, AdmissionForm.F3, AdmissionForm.F5,
				AdmissionForm.F6)) {
			this.admissions.attach(this.system, id, f, LocalDate.of(2023, 2, 1), null);
		}
		this.admissions.addIntroducer(this.system, id, this.introducerA, START);
		this.admissions.addIntroducer(this.system, id, this.introducerB, LocalDate.of(2022, 6, 1));
		this.admissions.transition(this.system, id, to(AdmissionState.DA_HOC_NHAN_THUC, LocalDate.of(2023, 2, 2)));
		this.admissions.transition(this.system, id, to(AdmissionState.DANG_LAM_HO_SO, LocalDate.of(2023, 2, 3)));
		assertThatThrownBy(() -> this.admissions.transition(this.system, id,
				to(AdmissionState.CHI_BO_DE_NGHI, LocalDate.of(2023, 5, 31))))
			.isInstanceOfSatisfying(AdmissionBlocked.class,
					(ex) -> assertThat(ex.rule()).isEqualTo("admission.introducer.min-months-together"));
		this.admissions.transition(this.system, id, to(AdmissionState.CHI_BO_DE_NGHI, LocalDate.of(2023, 6, 1)));
	}

	/** Working days counted independently from the announced days off (reference CSV). */
	LocalDate expectedWorkingDayDeadline(LocalDate start, int n) {
		Set<LocalDate> off = new HashSet<>();
		Set<LocalDate> makeUp = new HashSet<>();
		for (Map<String, String> row : Csv.readResource("reference/holidays-announced.csv")) {
			LocalDate d = LocalDate.parse(row.get("date"));
			if ("OFF".equals(row.get("kind"))) {
				off.add(d);
			}
			else {
				makeUp.add(d);
			}
		}
		LocalDate d = start;
		int counted = 0;
		while (counted < n) {
			d = d.plusDays(1);
			boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
			if ((makeUp.contains(d) || !weekend) && !off.contains(d)) {
				counted++;
			}
		}
		return d;
	}

	@Test
	void decisionAndCeremonyDeadlinesSkipTet() {
		LocalDate beforeTet = LocalDate.of(2025, 1, 20);
		LocalDate due = this.admissions.decisionDue(beforeTet, false);
		assertThat(due).isEqualTo(expectedWorkingDayDeadline(beforeTet, 60));
		// Tết 2025 took five weekdays off (27–31 January): later than 60 plain weekdays
		LocalDate plainWeekdays = beforeTet;
		for (int i = 0; i < 60; plainWeekdays = plainWeekdays.plusDays(1)) {
			if (plainWeekdays.plusDays(1).getDayOfWeek().getValue() <= 5) {
				i++;
			}
		}
		assertThat(due).isAfter(plainWeekdays);
		assertThat(this.admissions.decisionDue(beforeTet, true)).isEqualTo(expectedWorkingDayDeadline(beforeTet, 90));
		LocalDate tet2026 = LocalDate.of(2026, 2, 10);
		assertThat(this.calendar.addWorkingDays(tet2026, 30)).isEqualTo(expectedWorkingDayDeadline(tet2026, 30));
	}

	@Test
	void aLateDecisionIsRefusedNamingTheRuleInTheApi() {
		long id = candidate(LocalDate.of(1996, 4, 4), LocalDate.of(2024, 10, 1));
		readyForCell(id, LocalDate.of(2024, 11, 1));
		this.admissions.attach(this.system, id, AdmissionForm.F8, LocalDate.of(2025, 1, 2), null);
		this.admissions.attach(this.system, id, AdmissionForm.F9, LocalDate.of(2025, 1, 2), null);
		this.admissions.transition(this.system, id, to(AdmissionState.DA_HOC_NHAN_THUC, LocalDate.of(2024, 11, 2)));
		this.admissions.transition(this.system, id, to(AdmissionState.DANG_LAM_HO_SO, LocalDate.of(2024, 11, 3)));
		this.admissions.transition(this.system, id, to(AdmissionState.CHI_BO_DE_NGHI, LocalDate.of(2025, 1, 20)));
		this.admissions.transition(this.system, id, to(AdmissionState.DANG_UY_CO_SO_DE_NGHI, LocalDate.of(2025, 2, 5)));
		long userId = this.fixtures.user("bantochuc-kn", Role.ORGANIZATION_BOARD,
				this.jdbc.sql("SELECT organization_id FROM admission WHERE id = :id")
					.param("id", id)
					.query(Long.class)
					.single());
		String username = this.fixtures.username(userId);
		Http http = new Http(this.port).basic(username, "secret-" + username);
		LocalDate late = this.admissions.decisionDue(LocalDate.of(2025, 1, 20), false).plusDays(1);
		HttpResponse<String> skip = http.postJson("/api/v1/admissions/" + id + "/transitions",
				"{\"target\":\"DA_KET_NAP\",\"date\":\"2025-03-01\"}");
		assertThat(skip.statusCode()).as(skip.body()).isEqualTo(409);
		assertThat(skip.body()).contains("\"rule\":\"admission.order\"");
		HttpResponse<String> r = http.postJson("/api/v1/admissions/" + id + "/transitions",
				"{\"target\":\"CO_QUYET_DINH_KET_NAP\",\"date\":\"" + late + "\",\"decisionRef\":\"12-QĐ/ĐU\"}");
		assertThat(r.statusCode()).isEqualTo(409);
		assertThat(r.body()).contains("\"rule\":\"admission.decision.working-days\"").contains("294-QĐ/TW");
		HttpResponse<String> list = http.get("/api/v1/admissions?state=DANG_UY_CO_SO_DE_NGHI");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"nextDeadline\":\"" + late.minusDays(1) + "\"");
	}

	@Test
	void thePagesRenderForAnOfficeUserOfTheSubtree() {
		long id = candidate(LocalDate.of(1997, 7, 7), LocalDate.of(2025, 3, 3));
		long root = this.jdbc
			.sql("SELECT ancestor_id FROM organization_closure WHERE descendant_id = :c ORDER BY depth DESC LIMIT 1")
			.param("c", this.cell)
			.query(Long.class)
			.list()
			.get(0);
		long userId = this.fixtures.user("vanphong-kn", Role.OFFICE, root);
		String username = this.fixtures.username(userId);
		Http http = new Http(this.port);
		assertThat(http.login(username, "secret-" + username).statusCode()).isEqualTo(302);
		for (String path : List.of("/admissions", "/admissions/" + id, "/transfers", "/badges", "/imports",
				"/statistics?form=BIEU_1", "/statistics?form=BIEU_5", "/organizations/" + this.cell + "/register-book",
				"/members/" + this.helper + "/yearly-update", "/")) {
			HttpResponse<String> page = http.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
		}
		assertThat(http.get("/admissions").body()).contains("Hồ Thị Ưu Tú").contains("Kết nạp đảng viên: bảng hạn");
		assertThat(http.get("/admissions/" + id).body()).contains("1-KNĐ").contains("Còn thiếu");
		assertThat(http.get("/members/" + this.helper + "/phieu-dang-vien.docx").statusCode()).isEqualTo(200);
	}

}
