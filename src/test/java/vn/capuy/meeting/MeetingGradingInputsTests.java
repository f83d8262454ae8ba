package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import vn.capuy.FullTest;
import vn.capuy.Fixtures;
import vn.capuy.grading.GradingInputs;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What grading learns from meetings through its extension point: a member's attendance at
 * the regular and thematic meetings with a per-member roll, and the resolution tasks due
 * in the period (on time, late, not done by its end), for a member or an organisation;
 * nothing when nothing is recorded.
 */
@FullTest
class MeetingGradingInputsTests {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	static final LocalDate TO = LocalDate.of(2026, 6, 30);

	@Autowired
	Fixtures fixtures;

	@Autowired
	CellMeetings meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MeetingMinutes minutes;

	@Autowired
	ObjectProvider<GradingInputs> inputs;

	CurrentUser system = CurrentUser.system();

	long cell;

	long an;

	long binh;

	long chi;

	@BeforeEach
	void cell() {
		long root = this.fixtures.root("Tỉnh thử xếp loại", START);
		long committee = this.fixtures.child(root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Xếp Loại", START);
		this.cell = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Xếp Loại", START);
		this.an = this.fixtures.member(this.cell, "Đảng viên Xếp Loại An", START);
		this.binh = this.fixtures.member(this.cell, "Đảng viên Xếp Loại Bình", START);
		this.chi = this.fixtures.member(this.cell, "Đảng viên Xếp Loại Chi", START);
	}

	/** The meeting module's answer, as grading asks every bean in turn. */
	private GradingInputs meetingInputs() {
		List<GradingInputs> all = this.inputs.orderedStream().toList();
		assertThat(all).hasAtLeastOneElementOfType(MeetingGradingInputs.class);
		return all.stream().filter((i) -> i instanceof MeetingGradingInputs).findFirst().orElseThrow();
	}

	private long held(LocalDate date) {
		long id = this.meetings.create(this.system, this.cell, MeetingKind.REGULAR, date, null, null);
		this.meetings.hold(this.system, id, date, 95, "Phòng họp", null);
		return id;
	}

	private void roll(long meeting, AttendanceStatus an) {
		List<MeetingAttendance.Mark> marks = new ArrayList<>();
		marks.add(new MeetingAttendance.Mark(this.an, an, an == AttendanceStatus.ABSENT_EXCUSED ? "Ốm" : null));
		marks.add(new MeetingAttendance.Mark(this.binh, AttendanceStatus.PRESENT, null));
		marks.add(new MeetingAttendance.Mark(this.chi, AttendanceStatus.LATE, null));
		this.attendance.record(this.system, meeting, marks);
	}

	@Test
	void attendanceCountsTheMeetingsWithAPerMemberRoll() {
		roll(held(LocalDate.of(2026, 2, 3)), AttendanceStatus.PRESENT);
		roll(held(LocalDate.of(2026, 3, 3)), AttendanceStatus.LATE);
		roll(held(LocalDate.of(2026, 4, 3)), AttendanceStatus.ABSENT_UNEXCUSED);
		roll(held(LocalDate.of(2026, 7, 3)), AttendanceStatus.ABSENT_EXCUSED);
		// counts only: says nothing about one member
		this.attendance.recordCounts(this.system, held(LocalDate.of(2026, 5, 4)), 2, 0, 1, 0);
		GradingInputs inputs = meetingInputs();
		assertThat(inputs.attendance(this.an, FROM, TO)).contains(new GradingInputs.Attendance(3, 2, 1));
		assertThat(inputs.attendance(this.chi, FROM, TO)).contains(new GradingInputs.Attendance(3, 3, 0));
		assertThat(inputs.attendance(this.an, FROM, LocalDate.of(2026, 12, 31)))
			.contains(new GradingInputs.Attendance(4, 2, 1));
		assertThat(inputs.attendance(this.an, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isEmpty();
	}

	@Test
	void tasksDueInThePeriodAreOnTimeLateOrNotDoneByItsEnd() {
		long meeting = held(LocalDate.of(2026, 2, 3));
		long minutesId = this.minutes.start(this.system, meeting, "Bí thư", "Thư ký");
		long late = this.minutes.addTask(this.system, minutesId, "Nộp báo cáo quý I (thử)", this.an,
				"Đảng viên Xếp Loại An", LocalDate.of(2026, 3, 31));
		long done = this.minutes.addTask(this.system, minutesId, "Rà soát hồ sơ (thử)", this.binh,
				"Đảng viên Xếp Loại Bình", LocalDate.of(2026, 3, 31));
		this.minutes.completeTask(this.system, done, LocalDate.of(2026, 3, 20), "Xong");
		this.minutes.addTask(this.system, minutesId, "Chuẩn bị tổng kết năm (thử)", this.binh,
				"Đảng viên Xếp Loại Bình", LocalDate.of(2026, 12, 15));
		GradingInputs inputs = meetingInputs();
		assertThat(inputs.tasksOfMember(this.an, FROM, TO)).contains(new GradingInputs.Tasks(1, 0, 0, 1));
		assertThat(inputs.tasksOfMember(this.binh, FROM, TO)).contains(new GradingInputs.Tasks(1, 1, 0, 0));
		assertThat(inputs.tasksOfOrganization(this.cell, FROM, TO)).contains(new GradingInputs.Tasks(2, 1, 0, 1));
		// no task due in the period: grading enters the fact by hand
		assertThat(inputs.tasksOfMember(this.chi, FROM, TO)).isEmpty();
		// done after the period ended: still not done at its end; late in a longer period
		this.minutes.completeTask(this.system, late, LocalDate.of(2026, 7, 10), "Muộn");
		assertThat(inputs.tasksOfMember(this.an, FROM, TO)).contains(new GradingInputs.Tasks(1, 0, 0, 1));
		assertThat(inputs.tasksOfMember(this.an, FROM, LocalDate.of(2026, 7, 31)))
			.contains(new GradingInputs.Tasks(1, 0, 1, 0));
	}

}
