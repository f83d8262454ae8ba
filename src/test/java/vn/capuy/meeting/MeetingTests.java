package vn.capuy.meeting;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;
import vn.capuy.Fixtures;
import vn.capuy.Http;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.sample.SampleCommittee;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Meetings end to end on the embedded database: the yearly plan against the working-day
 * calendar, moves, preparation, guidance on the agenda, attendance with exempt members,
 * the minutes lifecycle (a locked minute refuses edits), votes, quality checks, figures
 * against an independent count, documents, and scope.
 */
@FullTest
class MeetingTests {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CellMeetings meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MeetingMinutes minutes;

	@Autowired
	MeetingVotes votes;

	@Autowired
	MeetingQuality quality;

	@Autowired
	MeetingStatistics statistics;

	@Autowired
	Members members;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long root;

	long committee;

	long cell;

	long grassrootsCell;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Tỉnh thử sinh hoạt", START);
		long bloc = this.fixtures.child(this.root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử", START);
		this.committee = this.fixtures.child(bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Thử", START);
		this.cell = this.fixtures.child(this.committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Một", START);
		this.grassrootsCell = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Hai", START);
	}

	private List<Meeting> meetingsOf(long org, int year) {
		return this.meetings
			.list(this.system,
					new CellMeetings.Query(org, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, 0,
							1000))
			.items()
			.stream()
			.filter((m) -> m.organizationId() == org)
			.toList();
	}

	@Test
	void aYearIsPlannedOnTheThirdMovedToTheNextWorkingDayAcrossTetAndWeekends() {
		int added = this.meetings.plan(this.system, this.root, 2030);
		List<Meeting> regular = meetingsOf(this.cell, 2030).stream()
			.filter((m) -> m.kind() == MeetingKind.REGULAR)
			.toList();
		assertThat(regular).hasSize(12);
		for (Meeting m : regular) {
			LocalDate third = YearMonth.parse(m.period()).atDay(3);
			LocalDate expected = third;
			while (!this.calendar.isWorkingDay(expected)) {
				expected = expected.plusDays(1);
			}
			assertThat(m.plannedOn()).as(m.period()).isEqualTo(expected);
			assertThat(this.calendar.isWorkingDay(m.plannedOn())).isTrue();
		}
		// Tết 2030 falls on Sunday 3 February: the meeting waits for the end of the Tết
		// break
		Meeting february = regular.stream().filter((m) -> m.period().equals("2030-02")).findFirst().orElseThrow();
		assertThat(february.plannedOn()).isAfterOrEqualTo(LocalDate.of(2030, 2, 6));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2030, 2, 4))).isFalse();
		// Sunday 3 March 2030 → Monday 4 March
		assertThat(regular.stream().filter((m) -> m.period().equals("2030-03")).findFirst().orElseThrow().plannedOn())
			.isEqualTo(LocalDate.of(2030, 3, 4));
		assertThat(meetingsOf(this.cell, 2030).stream().filter((m) -> m.kind() == MeetingKind.THEMATIC))
			.extracting(Meeting::period)
			.containsExactlyInAnyOrder("2030-Q1", "2030-Q2", "2030-Q3", "2030-Q4");
		assertThat(meetingsOf(this.committee, 2030).stream().filter((m) -> m.kind() == MeetingKind.COMMITTEE))
			.hasSize(12);
		assertThat(meetingsOf(this.grassrootsCell, 2030).stream().map(Meeting::kind))
			.contains(MeetingKind.MID_YEAR_REVIEW, MeetingKind.YEAR_END_REVIEW);
		assertThat(meetingsOf(this.cell, 2030).stream().map(Meeting::kind)).doesNotContain(MeetingKind.MID_YEAR_REVIEW);
		// 2 cells × 16 + committee 12 + its 2 reviews + the grassroots cell's 2 reviews
		assertThat(added).isEqualTo(2 * 16 + 12 + 2 + 2);
		assertThat(this.meetings.plan(this.system, this.root, 2030)).isZero();
	}

	@Test
	void beforeDirective50TheConfiguredDefaultDayApplies() {
		this.meetings.plan(this.system, this.root, 2025);
		Map<String, LocalDate> dates = new java.util.HashMap<>();
		meetingsOf(this.cell, 2025).stream()
			.filter((m) -> m.kind() == MeetingKind.REGULAR)
			.forEach((m) -> dates.put(m.period(), m.plannedOn()));
		// 5 July 2025 is a Saturday → Monday 7 July; from August the 3rd (Sunday → Monday
		// 4 August)
		assertThat(dates.get("2025-07")).isEqualTo(LocalDate.of(2025, 7, 7));
		assertThat(dates.get("2025-08")).isEqualTo(LocalDate.of(2025, 8, 4));
		assertThat(dates.get("2025-09")).isEqualTo(LocalDate.of(2025, 9, 3));
	}

	@Test
	void aMoveNeedsAReasonAndIsRecordedWhileThePlanDateStays() {
		long id = this.meetings.create(this.system, this.cell, MeetingKind.AD_HOC, LocalDate.of(2026, 3, 10),
				"Sinh hoạt bất thường thử", null);
		assertThatThrownBy(() -> this.meetings.move(this.system, id, LocalDate.of(2026, 3, 12), " "))
			.isInstanceOf(InvalidInputException.class);
		this.meetings.move(this.system, id, LocalDate.of(2026, 3, 12), "Trùng hội nghị của tỉnh");
		Meeting m = this.meetings.get(this.system, id);
		assertThat(m.plannedOn()).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(m.scheduledOn()).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(this.meetings.moves(this.system, id)).singleElement()
			.satisfies((mv) -> assertThat(mv.reason()).isEqualTo("Trùng hội nghị của tỉnh"));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_log WHERE entity = 'meeting' AND entity_id = :id AND action = 'MOVE'")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		this.meetings.hold(this.system, id, LocalDate.of(2026, 3, 12), 95, "Hội trường", null);
		assertThat(this.meetings.get(this.system, id).onTime()).isFalse();
	}

	@Test
	void theSuperiorsGuidanceReachesTheAgendaAndTheFollowerIsNotified() {
		long id = this.meetings.create(this.system, this.cell, MeetingKind.REGULAR, LocalDate.of(2026, 4, 3), null,
				null);
		this.meetings.issueGuidance(this.system, this.committee, YearMonth.of(2026, 4),
				"Học tập chuyên đề năm 2026 (thử)", "Nội dung");
		List<CellMeetings.AgendaItem> agenda = this.meetings.agenda(this.system, id);
		assertThat(agenda).extracting(CellMeetings.AgendaItem::title).contains("Học tập chuyên đề năm 2026 (thử)");
		assertThat(agenda.get(0).kind()).isEqualTo("FEES");
		// another month's meeting does not get it
		long may = this.meetings.create(this.system, this.cell, MeetingKind.REGULAR, LocalDate.of(2026, 5, 4), null,
				null);
		assertThat(this.meetings.agenda(this.system, may)).extracting(CellMeetings.AgendaItem::title)
			.doesNotContain("Học tập chuyên đề năm 2026 (thử)");
		assertThat(this.meetings.notifyFollowers(this.system, id, null)).isEqualTo(1);
		assertThat(this.meetings.notifications(this.system, id)).singleElement()
			.satisfies((n) -> assertThat(n.recipientRole()).isEqualTo("FOLLOWER_UNASSIGNED"));
		this.meetings.tick(this.system, id, CellMeetings.Step.CONTENT_AGREED, LocalDate.of(2026, 3, 30));
		this.meetings.tick(this.system, id, CellMeetings.Step.DOCUMENTS_UPLOADED, LocalDate.of(2026, 4, 3));
		CellMeetings.Checklist checklist = this.meetings.checklist(this.meetings.get(this.system, id));
		assertThat(checklist.documentsDeadline()).isEqualTo(LocalDate.of(2026, 4, 2));
		assertThat(checklist.documentsOnTime()).isFalse();
		assertThat(checklist.complete()).isFalse();
	}

	/** Nine full members, one exempt, one probationary. */
	private List<Long> roll() {
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= 9; i++) {
			ids.add(this.fixtures.member(this.cell, name(i), START));
		}
		long exempt = this.fixtures.member(this.cell, "Đảng viên Miễn", START);
		this.members.changeStatus(this.system, exempt, MemberStatus.EXEMPT, LocalDate.of(2025, 1, 1), "Tuổi cao",
				"QĐ thử");
		ids.add(exempt);
		ids.add(this.fixtures.probationaryMember(this.cell, "Đảng viên Dự Bị", LocalDate.of(2026, 1, 10)));
		return ids;
	}

	static final String[] GIVEN = { "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh" };

	static String name(int i) {
		return "Đảng viên Thử " + GIVEN[i - 1];
	}

	private long held(LocalDate date, int minutes) {
		long id = this.meetings.create(this.system, this.cell, MeetingKind.REGULAR, date, null, null);
		this.meetings.hold(this.system, id, date, minutes, "Phòng họp", null);
		return id;
	}

	@Test
	void exemptMembersAreNotExpectedAndVotesCountOnlyFullMembers() {
		List<Long> ids = roll();
		long id = held(LocalDate.of(2026, 6, 3), 95);
		List<MeetingAttendance.Mark> marks = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			marks.add(new MeetingAttendance.Mark(ids.get(i),
					i < 6 ? AttendanceStatus.PRESENT : i == 6 ? AttendanceStatus.LATE : AttendanceStatus.ABSENT_EXCUSED,
					i > 6 ? "Công tác" : null));
		}
		marks.add(new MeetingAttendance.Mark(ids.get(10), AttendanceStatus.PRESENT, null));
		Meeting.Attendance a = this.attendance.record(this.system, id, marks);
		assertThat(a.expected()).isEqualTo(10);
		assertThat(a.exempt()).isEqualTo(1);
		assertThat(a.present()).isEqualTo(7);
		assertThat(a.late()).isEqualTo(1);
		// an excused absence needs its reason
		List<MeetingAttendance.Mark> noReason = new ArrayList<>(marks);
		noReason.set(8, new MeetingAttendance.Mark(ids.get(8), AttendanceStatus.ABSENT_EXCUSED, " "));
		assertThatThrownBy(() -> this.attendance.record(this.system, id, noReason))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.meetings.get(this.system, id).attendance().present()).isEqualTo(7);
		// a corrected roll replaces the first, which stays in the (append-only) audit log
		// member by member
		List<MeetingAttendance.Mark> corrected = new ArrayList<>(marks);
		corrected.set(6, new MeetingAttendance.Mark(ids.get(6), AttendanceStatus.PRESENT, null));
		assertThat(this.attendance.record(this.system, id, corrected).present()).isEqualTo(8);
		assertThat(this.jdbc.sql("""
				SELECT r->>'status' FROM audit_log a, jsonb_array_elements(a.before_data->'roll') r
				WHERE a.entity = 'meeting' AND a.entity_id = :id AND a.action = 'ATTENDANCE'
				  AND (r->>'member_id')::bigint = :member
				""").param("id", String.valueOf(id)).param("member", ids.get(6)).query(String.class).list())
			.containsExactly("LATE");
		this.attendance.record(this.system, id, marks);
		MeetingVotes.Entitlement e = this.votes.entitlement(this.system, id);
		assertThat(e.entitled()).isEqualTo(9);
		assertThat(e.present()).isEqualTo(7);
		// 6 of 9 entitled: exactly two thirds
		assertThat(this.votes.record(this.system, id, VoteKind.ADMISSION, "Kết nạp quần chúng A", 6, 1, 0, null, null)
			.count()
			.passed()).isTrue();
		assertThat(this.votes.record(this.system, id, VoteKind.ADMISSION, "Kết nạp quần chúng B", 5, 2, 0, null, null)
			.count()
			.passed()).isFalse();
		assertThat(this.votes.record(this.system, id, VoteKind.RESOLUTION, "Nghị quyết tháng", 5, 2, 0, null, null)
			.count()
			.passed()).isTrue();
	}

	@Test
	void withoutAQuorumNothingPasses() {
		roll();
		long id = held(LocalDate.of(2026, 7, 3), 95);
		this.attendance.recordCounts(this.system, id, 5, 0, 3, 2);
		MeetingVotes.Vote vote = this.votes.record(this.system, id, VoteKind.RESOLUTION, "Nghị quyết", 5, 0, 0, 5,
				null);
		assertThat(vote.count().quorumMet()).isFalse();
		assertThat(vote.count().passed()).isFalse();
		assertThatThrownBy(() -> this.attendance.recordCounts(this.system, id, 5, 0, 3, 3))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void unexcusedAbsencesInThreeMonthsAreFlaggedForRemoval() {
		List<Long> ids = roll();
		for (int month = 2; month <= 4; month++) {
			long id = held(LocalDate.of(2026, month, 3), 95);
			List<MeetingAttendance.Mark> marks = new ArrayList<>();
			for (int i = 0; i < 11; i++) {
				if (i == 9) {
					continue;
				}
				marks.add(new MeetingAttendance.Mark(ids.get(i),
						i == 0 || (i == 1 && month == 2) ? AttendanceStatus.ABSENT_UNEXCUSED : AttendanceStatus.PRESENT,
						null));
			}
			this.attendance.record(this.system, id, marks);
		}
		assertThat(this.attendance.removalFlags(this.system, this.root, 2026)).singleElement().satisfies((f) -> {
			assertThat(f.memberId()).isEqualTo(ids.get(0));
			assertThat(f.months()).isEqualTo(3);
			assertThat(f.threshold()).isEqualTo(3);
		});
	}

	@Test
	void attendanceImportsFromTheNationalAppExportThroughTheMapping() {
		List<Long> ids = roll();
		long id = held(LocalDate.of(2026, 8, 3), 95);
		StringBuilder csv = new StringBuilder("Họ và tên,Số thẻ đảng viên,Điểm danh,Lý do\n");
		for (int i = 1; i <= 9; i++) {
			csv.append(name(i)).append(",,").append(i == 9 ? "Vắng có lý do,Ốm" : "Có mặt,").append('\n');
		}
		csv.append("dang vien du bi,,Đến muộn,\n");
		long mapping = this.attendance.mappings().get(0).id();
		Meeting.Attendance a = this.attendance.importFile(this.system, id, mapping, "diem-danh.csv",
				csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(a.present()).isEqualTo(8);
		assertThat(a.late()).isEqualTo(1);
		assertThat(a.excused()).isEqualTo(1);
		String unknown = "Họ và tên,Điểm danh\nNgười Lạ,Có mặt\n";
		assertThatThrownBy(() -> this.attendance.importFile(this.system, id, mapping, "x.csv",
				unknown.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidInputException.class);
		assertThat(ids).hasSize(11);
	}

	@Test
	void aLockedMinuteRefusesEditsWith409AndACorrectionIsANewLinkedVersion() {
		roll();
		long meeting = held(LocalDate.of(2026, 9, 3), 125);
		long userId = this.fixtures.user("bithu-thu", Role.SECRETARY, this.root);
		String username = this.fixtures.username(userId);
		Http http = new Http(this.port).basic(username, "secret-" + username);
		HttpResponse<String> none = http.get("/api/v1/meetings/" + meeting + "/minutes.docx");
		assertThat(none.statusCode()).isEqualTo(404);
		HttpResponse<String> started = http.postJson("/api/v1/meetings/" + meeting + "/minutes",
				"{\"chairName\":\"Bí thư Thử\",\"recorderName\":\"Thư ký Thử\"}");
		assertThat(started.statusCode()).isEqualTo(201);
		long minutesId = this.minutes.current(this.system, meeting).orElseThrow().id();
		Minutes draft = this.minutes.get(this.system, minutesId);
		assertThat(draft.items()).isNotEmpty();
		assertThat(http
			.postJson("/api/v1/minutes/" + minutesId,
					"{\"resolution\":\"Nghị quyết tháng 9\",\"version\":" + draft.version() + "}")
			.statusCode()).isEqualTo(200);
		assertThat(http.postJson("/api/v1/minutes/" + minutesId + "/approve", "{}").statusCode()).isEqualTo(200);
		assertThat(http.postJson("/api/v1/minutes/" + minutesId + "/lock", "{}").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = http.postJson("/api/v1/minutes/" + minutesId,
				"{\"resolution\":\"Sửa sau khi khoá\",\"version\":99}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("khoá vào sổ").contains("HD 12-HD/BTCTW");
		assertThat(this.minutes.get(this.system, minutesId).resolution()).isEqualTo("Nghị quyết tháng 9");
		HttpResponse<String> docx = http.get("/api/v1/meetings/" + meeting + "/minutes.docx");
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.body()).startsWith("PK");
		long correction = this.minutes.correct(this.system, minutesId, "Ghi sai tên người phát biểu");
		Minutes v2 = this.minutes.current(this.system, meeting).orElseThrow();
		assertThat(v2.id()).isEqualTo(correction);
		assertThat(v2.versionNo()).isEqualTo(2);
		assertThat(v2.correctsId()).isEqualTo(minutesId);
		assertThat(v2.status()).isEqualTo(MinutesStatus.DRAFT);
		assertThat(v2.resolution()).isEqualTo("Nghị quyết tháng 9");
		assertThat(this.minutes.versions(this.system, meeting)).hasSize(2);
		assertThatThrownBy(() -> this.minutes.edit(this.system, minutesId, null, null, null, "x", null, 0))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void theThreeQualitiesAndTheDurationAreReadFromTheMinutes() {
		List<Long> ids = roll();
		long meeting = held(LocalDate.of(2026, 10, 5), 100);
		this.jdbc.sql("UPDATE meeting SET combined_with_thematic = true WHERE id = :id").param("id", meeting).update();
		long minutesId = this.minutes.start(this.system, meeting, "Bí thư", "Thư ký");
		MeetingQuality.Checks before = this.quality.checks(this.system, meeting);
		assertThat(before.leadership()).isFalse();
		assertThat(before.education()).isFalse();
		assertThat(before.combativeness()).isFalse();
		assertThat(before.minimumMinutes()).isEqualTo(120);
		assertThat(before.durationOk()).isFalse();
		Minutes m = this.minutes.get(this.system, minutesId);
		long information = m.items()
			.stream()
			.filter((i) -> i.kind().equals("INFORMATION"))
			.findFirst()
			.orElseThrow()
			.id();
		long discussion = m.items()
			.stream()
			.filter((i) -> i.kind().equals("DISCUSSION"))
			.findFirst()
			.orElseThrow()
			.id();
		this.minutes.editItem(this.system, minutesId, information, "Quán triệt Chỉ thị 50-CT/TW", null);
		this.minutes.addSpeech(this.system, minutesId, discussion, name(2), ids.get(1),
				"Phê bình việc chậm nộp báo cáo", true);
		this.minutes.edit(this.system, minutesId, "Bí thư", "Thư ký", null, "Nghị quyết tháng 10", null,
				this.minutes.get(this.system, minutesId).version());
		this.minutes.addTask(this.system, minutesId, "Nộp báo cáo quý", ids.get(2), name(3),
				LocalDate.of(2026, 10, 20));
		MeetingQuality.Checks after = this.quality.checks(this.system, meeting);
		assertThat(after.leadership()).isTrue();
		assertThat(after.education()).isTrue();
		assertThat(after.combativeness()).isTrue();
		// the task is overdue on today's date and reaches the home alerts of the scope
		assertThat(this.statistics.alerts(new vn.capuy.system.ScopeRef(new Long[] { this.root }, false),
				LocalDate.of(2026, 11, 29)))
			.anySatisfy((a) -> assertThat(a.messageKey()).isEqualTo("meeting.alert.task-overdue"));
		MeetingQuality.Sheet sheet = this.quality.sheetFor(this.meetings.get(this.system, meeting));
		Map<Long, Integer> points = new java.util.HashMap<>();
		sheet.criteria().forEach((c) -> points.put(c.id(), c.maxPoints() - 2));
		MeetingQuality.Score score = this.quality.fill(this.system, meeting, points);
		assertThat(score.total()).isEqualTo(sheet.maxPoints() - 2 * sheet.criteria().size());
		assertThat(score.band()).isEqualTo(QualityBand.KHA);
	}

	@Test
	void figuresEqualAnIndependentCountOverTheSample() {
		LocalDate from = LocalDate.of(2012, 1, 1);
		LocalDate to = LocalDate.of(2012, 12, 31);
		MeetingStatistics.Figures f = this.statistics.figures(this.system.scope(), null, from, to);
		Map<String, Object> sql = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = 'HELD') AS held,
				       count(*) FILTER (WHERE status = 'HELD' AND held_on <= scheduled_on) AS on_time,
				       count(*) FILTER (WHERE status = 'HELD' AND kind = 'THEMATIC') AS thematic,
				       sum(present_count + late_count) FILTER (WHERE status = 'HELD') AS attended,
				       sum(expected_count) FILTER (WHERE status = 'HELD') AS expected
				FROM meeting WHERE scheduled_on BETWEEN '2012-01-01' AND '2012-12-31' AND created_by = 'sample'
				""").query().singleRow();
		assertThat(f.held()).isEqualTo(((Number) sql.get("held")).longValue()).isGreaterThan(2000);
		assertThat(f.onTime()).isEqualTo(((Number) sql.get("on_time")).longValue()).isLessThan(f.held());
		assertThat(f.thematic()).isEqualTo(((Number) sql.get("thematic")).longValue());
		assertThat(f.attended()).isEqualTo(((Number) sql.get("attended")).longValue());
		assertThat(f.expected()).isEqualTo(((Number) sql.get("expected")).longValue());
		assertThat(f.missing()).isPositive();
		// the bloc's staff see the 2012 bloc (a predecessor of their committee) and
		// nothing else
		CurrentUser bloc = this.fixtures
			.as(this.jdbc.sql("SELECT id FROM app_user WHERE username = 'vanphong'").query(Long.class).single());
		MeetingStatistics.Figures scoped = this.statistics.figures(bloc.scope(), null, from, to);
		assertThat(scoped.held()).isPositive().isLessThanOrEqualTo(f.held());
		// a grassroots cell's own figures add up with every row of the per-organisation
		// table
		long perOrg = this.statistics.perOrganization(this.system.scope(), null, from, to)
			.stream()
			.mapToLong(MeetingStatistics.Line::held)
			.sum();
		assertThat(perOrg).isEqualTo(f.held());
	}

	@Test
	void theSampleHasGapsRowsForSomeCellsAndMinutesWithoutResolutions() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM meeting WHERE created_by = 'sample'").query(Long.class).single())
			.isGreaterThan(20000);
		assertThat(this.jdbc.sql("""
				SELECT count(DISTINCT a.meeting_id) FROM attendance a JOIN meeting m ON m.id = a.meeting_id
				WHERE extract(year FROM m.held_on) = 2012
				""").query(Long.class).single()).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM minutes WHERE resolution IS NULL").query(Long.class).single())
			.isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM meeting WHERE created_by = 'sample' AND status = 'NOT_HELD'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void meetingsOutsideTheCallersScopeDoNotExist() {
		long id = this.meetings.create(this.system, this.cell, MeetingKind.REGULAR, LocalDate.of(2026, 2, 3), null,
				null);
		Http bithu = new Http(this.port).basic("bithu", SampleCommittee.PASSWORD);
		assertThat(bithu.get("/api/v1/meetings/" + id).statusCode()).isEqualTo(404);
		assertThat(bithu.get("/api/v1/meetings/" + id + "/minutes.docx").statusCode()).isEqualTo(404);
		assertThat(bithu.get("/api/v1/statistics/meetings?from=2026-01-01&to=2026-12-31&organizationId=" + this.root)
			.statusCode()).isEqualTo(404);
		HttpResponse<String> list = bithu
			.get("/api/v1/meetings?from=2026-02-01&to=2026-02-28&organizationId=" + this.root);
		assertThat(list.statusCode()).isEqualTo(404);
		HttpResponse<String> own = bithu.get("/api/v1/meetings?from=2012-01-01&to=2012-12-31&size=5");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("\"items\"").contains("\"hasMinutes\"").doesNotContain("Chi bộ Phòng Một");
		long userId = this.fixtures.user("thu-xem", Role.SECRETARY, this.root);
		CurrentUser mine = this.fixtures.as(userId);
		assertThat(this.meetings.get(mine, id).organizationName()).isEqualTo("Chi bộ Phòng Một");
		long otherRoot = this.fixtures.root("Tỉnh thử khác", START);
		long stranger = this.fixtures.user("thu-la", Role.SECRETARY, otherRoot);
		assertThatThrownBy(() -> this.meetings.get(this.fixtures.as(stranger), id))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theMinutesBookPrintsToDocxAndPdf() {
		roll();
		long meeting = held(LocalDate.of(2026, 11, 3), 95);
		long minutesId = this.minutes.start(this.system, meeting, "Bí thư Thử", "Thư ký Thử");
		this.minutes.edit(this.system, minutesId, "Bí thư Thử", "Thư ký Thử", "Khai mạc", "Nghị quyết: đẩy mạnh", null,
				this.minutes.get(this.system, minutesId).version());
		long userId = this.fixtures.user("so-bb", Role.SECRETARY, this.root);
		String username = this.fixtures.username(userId);
		Http http = new Http(this.port).basic(username, "secret-" + username);
		HttpResponse<String> pdf = http.get("/api/v1/meetings/book.pdf?organizationId=" + this.cell + "&year=2026");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF");
		HttpResponse<String> docx = http.get("/api/v1/meetings/book.docx?organizationId=" + this.cell + "&year=2026");
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.body()).startsWith("PK");
		assertThat(http.get("/meetings/" + meeting).statusCode()).isEqualTo(200);
		assertThat(http.get("/meetings/dashboard?organizationId=" + this.root).statusCode()).isEqualTo(200);
	}

}
