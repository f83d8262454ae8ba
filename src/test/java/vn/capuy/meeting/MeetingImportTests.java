package vn.capuy.meeting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;
import vn.capuy.Fixtures;
import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Attendance and votes imported from the national app's export files (XLSX and CSV)
 * through editable column mappings: a good file records every row, a bad row is refused
 * naming its row and column as the page shows it and nothing of the file is kept, and an
 * edited mapping reads the new layout and refuses the old one.
 */
@FullTest
class MeetingImportTests {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	static final LocalDate MEETING_DAY = LocalDate.of(2026, 6, 3);

	static final String[] GIVEN = { "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh" };

	static final String[] ATTENDANCE_HEADER = { "STT", "Họ và tên", "Số thẻ đảng viên", "Điểm danh", "Lý do" };

	static final String[] VOTE_HEADER = { "Nội dung biểu quyết", "Loại biểu quyết", "Tán thành", "Không tán thành",
			"Không biểu quyết" };

	@Autowired
	Fixtures fixtures;

	@Autowired
	CellMeetings meetings;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MeetingVotes votes;

	@Autowired
	Members members;

	@Autowired
	Messages messages;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long cell;

	long meeting;

	/** Nine full members, one exempt, one probationary, in roll order. */
	List<MemberListItem> roll;

	/** Messages as a Vietnamese user reads them. */
	@BeforeEach
	void vietnamese() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@BeforeEach
	void cellWithAHeldMeeting() {
		long root = this.fixtures.root("Tỉnh thử nhập tệp", START);
		long committee = this.fixtures.child(root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Nhập", START);
		this.cell = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Nhập", START);
		for (String given : GIVEN) {
			this.fixtures.member(this.cell, "Đảng viên Nhập " + given, START);
		}
		long exempt = this.fixtures.member(this.cell, "Đảng viên Nhập Miễn", START);
		this.members.changeStatus(this.system, exempt, MemberStatus.EXEMPT, LocalDate.of(2025, 1, 1), "Tuổi cao",
				"QĐ thử");
		this.fixtures.probationaryMember(this.cell, "Đảng viên Nhập Dự Bị", LocalDate.of(2026, 1, 10));
		this.meeting = this.meetings.create(this.system, this.cell, MeetingKind.REGULAR, MEETING_DAY, null, null);
		this.meetings.hold(this.system, this.meeting, MEETING_DAY, 95, "Phòng họp", null);
		this.roll = this.members
			.search(this.system, new Members.Query(null, this.cell, null, MEETING_DAY, 0, Page.MAX_SIZE))
			.items();
		assertThat(this.roll).hasSize(11);
	}

	private MemberListItem member(String given) {
		return this.roll.stream()
			.filter((m) -> m.fullName().equals("Đảng viên Nhập " + given))
			.findFirst()
			.orElseThrow();
	}

	/** An XLSX whose first sheet holds the rows as given; {@code null} is a blank row. */
	static byte[] xlsx(String[] header, List<String[]> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Điểm danh");
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				head.createCell(c).setCellValue(header[c]);
			}
			int r = 1;
			for (String[] values : rows) {
				if (values != null) {
					Row row = sheet.createRow(r);
					for (int c = 0; c < values.length; c++) {
						if (c == 0 && values[c].matches("\\d+")) {
							row.createCell(c).setCellValue(Integer.parseInt(values[c]));
						}
						else {
							row.createCell(c).setCellValue(values[c]);
						}
					}
				}
				r++;
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * The export of a meeting where everyone came except Minh (excused, ill) and Lan
	 * (unexcused), the probationary member arrived late; Bình is named by card number
	 * only, Chi without diacritics; the exempt member is listed too; row 7 is blank.
	 */
	private List<String[]> goodAttendance() {
		List<String[]> rows = new ArrayList<>();
		int n = 1;
		for (String given : GIVEN) {
			String name = "Đảng viên Nhập " + given;
			String card = "";
			if (given.equals("Bình")) {
				name = "";
				card = member(given).partyCardNumber();
			}
			if (given.equals("Chi")) {
				name = "dang vien nhap chi";
			}
			String status = switch (given) {
				case "Minh" -> "Vắng có lý do";
				case "Lan" -> "Vắng không lý do";
				default -> "Có mặt";
			};
			rows.add(new String[] { String.valueOf(n++), name, card, status, given.equals("Minh") ? "Ốm" : "" });
			if (n == 6) {
				rows.add(null);
			}
		}
		rows.add(new String[] { String.valueOf(n++), "Đảng viên Nhập Miễn", "", "Miễn sinh hoạt", "" });
		rows.add(new String[] { String.valueOf(n), "Đảng viên Nhập Dự Bị", "", "Đến muộn", "" });
		return rows;
	}

	private long defaultAttendanceMapping() {
		return this.attendance.mappings()
			.stream()
			.filter((m) -> m.name().equals("Sổ tay đảng viên điện tử"))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private Map<String, Object> storedAttendance() {
		return this.jdbc.sql("""
				SELECT count(*) AS rows,
				       count(*) FILTER (WHERE status = 'PRESENT') AS present,
				       count(*) FILTER (WHERE status = 'LATE') AS late,
				       count(*) FILTER (WHERE status = 'ABSENT_EXCUSED') AS excused,
				       count(*) FILTER (WHERE status = 'ABSENT_UNEXCUSED') AS unexcused,
				       count(*) FILTER (WHERE status = 'EXEMPT') AS exempt
				FROM attendance WHERE meeting_id = :m
				""").param("m", this.meeting).query().singleRow();
	}

	private long number(Map<String, Object> row, String key) {
		return ((Number) row.get(key)).longValue();
	}

	@Test
	void aGoodXlsxExportRecordsEveryMemberOnTheRoll() throws IOException {
		Meeting.Attendance a = this.attendance.importFile(this.system, this.meeting, defaultAttendanceMapping(),
				"diem-danh.xlsx", xlsx(ATTENDANCE_HEADER, goodAttendance()));
		Map<String, Object> sql = storedAttendance();
		assertThat(number(sql, "rows")).isEqualTo(11);
		assertThat(a.present()).isEqualTo(number(sql, "present")).isEqualTo(7);
		assertThat(a.late()).isEqualTo(number(sql, "late")).isEqualTo(1);
		assertThat(a.excused()).isEqualTo(number(sql, "excused")).isEqualTo(1);
		assertThat(a.unexcused()).isEqualTo(number(sql, "unexcused")).isEqualTo(1);
		assertThat(a.exempt()).isEqualTo(number(sql, "exempt")).isEqualTo(1);
		assertThat(a.expected()).isEqualTo(10);
		assertThat(this.attendance.roll(this.system, this.meeting)).filteredOn((e) -> e.name().endsWith("Minh"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.status()).isEqualTo(AttendanceStatus.ABSENT_EXCUSED);
				assertThat(e.reason()).isEqualTo("Ốm");
			});
		assertThat(this.meetings.get(this.system, this.meeting).attendance().rows()).isTrue();
	}

	@Test
	void aBadAttendanceRowIsNamedByRowAndColumnAndNothingIsKept() throws IOException {
		long mapping = defaultAttendanceMapping();
		// row 1 header, rows 2-6 members, row 7 blank, row 8 Hà: an unknown value
		List<String[]> unknownStatus = goodAttendance();
		unknownStatus.get(6)[3] = "Đi họp";
		assertThat(unknownStatus.get(6)[1]).isEqualTo("Đảng viên Nhập Hà");
		InvalidInputException status = catchThrowableOfType(InvalidInputException.class, () -> this.attendance
			.importFile(this.system, this.meeting, mapping, "diem-danh.xlsx", xlsx(ATTENDANCE_HEADER, unknownStatus)));
		assertThat(this.messages.describe(status))
			.isEqualTo("Tệp: dòng 8, cột \"Điểm danh\": giá trị điểm danh \"Đi họp\" không có trong ánh xạ");

		List<String[]> stranger = goodAttendance();
		stranger.get(2)[1] = "Người Lạ Mặt";
		InvalidInputException unknown = catchThrowableOfType(InvalidInputException.class, () -> this.attendance
			.importFile(this.system, this.meeting, mapping, "diem-danh.xlsx", xlsx(ATTENDANCE_HEADER, stranger)));
		assertThat(this.messages.describe(unknown)).isEqualTo("Tệp: dòng 4, cột \"Họ và tên\": không tìm thấy "
				+ "đồng chí \"Người Lạ Mặt\" trong danh sách của tổ chức vào ngày họp");

		List<String[]> noReason = goodAttendance();
		noReason.get(9)[4] = " ";
		assertThat(noReason.get(9)[1]).isEqualTo("Đảng viên Nhập Minh");
		InvalidInputException reason = catchThrowableOfType(InvalidInputException.class, () -> this.attendance
			.importFile(this.system, this.meeting, mapping, "diem-danh.xlsx", xlsx(ATTENDANCE_HEADER, noReason)));
		assertThat(this.messages.describe(reason))
			.isEqualTo("Tệp: dòng 11, cột \"Lý do\": đồng chí Đảng viên Nhập Minh vắng có lý do nhưng không ghi lý do");

		List<String[]> missing = goodAttendance();
		missing.remove(missing.size() - 1);
		InvalidInputException absent = catchThrowableOfType(InvalidInputException.class, () -> this.attendance
			.importFile(this.system, this.meeting, mapping, "diem-danh.xlsx", xlsx(ATTENDANCE_HEADER, missing)));
		assertThat(this.messages.describe(absent))
			.isEqualTo("Tệp: tệp thiếu dòng điểm danh của đồng chí Đảng viên Nhập Dự Bị");

		assertThat(number(storedAttendance(), "rows")).isZero();
		Meeting m = this.meetings.get(this.system, this.meeting);
		assertThat(m.attendance().expected()).isNull();
		assertThat(m.attendance().rows()).isFalse();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE entity = 'meeting' AND entity_id = :id AND action = 'ATTENDANCE'
				""").param("id", String.valueOf(this.meeting)).query(Long.class).single()).isZero();
	}

	@Test
	void anEditedAttendanceMappingReadsTheNewLayoutAndRefusesTheOld() throws IOException {
		String name = "Xuất điểm danh thử " + Fixtures.next();
		long id = this.attendance.saveMapping(this.system, new MeetingAttendance.Mapping(0, name, "Họ và tên",
				"Số thẻ đảng viên", "Điểm danh", "Lý do", "Có mặt", "Đến muộn", "Vắng có lý do", "Vắng không lý do"));
		assertThatThrownBy(() -> this.attendance.saveMapping(this.system,
				new MeetingAttendance.Mapping(id, name, "Họ và tên", null, " ", null, "Có mặt", "", "P", "KP")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(e) -> assertThat(this.messages.describe(e)).isEqualTo("Cột điểm danh: bắt buộc phải nhập"));
		// the app's next export calls the column "Tình trạng" and writes "Dự họp" /
		// "Phép"
		this.attendance.saveMapping(this.system, new MeetingAttendance.Mapping(id, name, "Họ và tên",
				"Số thẻ đảng viên", "Tình trạng", "Lý do", "Dự họp|Có mặt", "Muộn", "Phép", "Không phép"));
		assertThat(this.attendance.mapping(id).statusColumn()).isEqualTo("Tình trạng");

		InvalidInputException old = catchThrowableOfType(InvalidInputException.class, () -> this.attendance
			.importFile(this.system, this.meeting, id, "diem-danh.xlsx", xlsx(ATTENDANCE_HEADER, goodAttendance())));
		assertThat(this.messages.describe(old)).isEqualTo("Tệp: tệp thiếu cột \"Tình trạng\" theo ánh xạ đã chọn");

		StringBuilder csv = new StringBuilder("Họ và tên;Số thẻ đảng viên;Tình trạng;Lý do\n");
		for (String given : GIVEN) {
			csv.append("Đảng viên Nhập ")
				.append(given)
				.append(";;")
				.append(given.equals("An") ? "Phép;Công tác" : "Dự họp;")
				.append('\n');
		}
		csv.append("Đảng viên Nhập Dự Bị;;Muộn;\n");
		Meeting.Attendance a = this.attendance.importFile(this.system, this.meeting, id, "diem-danh.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(a.present()).isEqualTo(8);
		assertThat(a.late()).isEqualTo(1);
		assertThat(a.excused()).isEqualTo(1);
		assertThat(number(storedAttendance(), "excused")).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE entity = 'attendance_mapping' AND entity_id = :id
				""").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	// ---- votes

	private long nationalVoteMapping() {
		return this.votes.mappings()
			.stream()
			.filter((m) -> m.name().startsWith("Sổ tay đảng viên điện tử"))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** Everyone present except Lan and Minh: 7 of the 9 full members may vote. */
	private void attendanceTyped() {
		List<MeetingAttendance.Mark> marks = new ArrayList<>();
		for (MemberListItem m : this.roll) {
			if (m.status() == MemberStatus.EXEMPT) {
				continue;
			}
			boolean away = m.fullName().endsWith("Lan") || m.fullName().endsWith("Minh");
			marks.add(new MeetingAttendance.Mark(m.id(),
					away ? AttendanceStatus.ABSENT_EXCUSED : AttendanceStatus.PRESENT, away ? "Công tác" : null));
		}
		this.attendance.record(this.system, this.meeting, marks);
	}

	private long storedVotes() {
		return this.jdbc.sql("SELECT count(*) FROM meeting_vote WHERE meeting_id = :m")
			.param("m", this.meeting)
			.query(Long.class)
			.single();
	}

	@Test
	void aGoodVoteExportRecordsEachVoteWithItsOutcome() throws IOException {
		attendanceTyped();
		List<String[]> rows = List.of(new String[] { "Nghị quyết chi bộ tháng 6", "Nghị quyết", "5", "2", "0" },
				new String[] { "Kết nạp quần chúng Nguyễn Văn A (mẫu)", "Kết nạp đảng viên", "6", "1", "0" },
				new String[] { "Kết nạp quần chúng Trần Thị B (mẫu)", "kết nạp", "5", "1", "1" });
		List<MeetingVotes.Vote> imported = this.votes.importFile(this.system, this.meeting, nationalVoteMapping(),
				"bieu-quyet.xlsx", xlsx(VOTE_HEADER, rows));
		assertThat(imported).extracting(MeetingVotes.Vote::kind)
			.containsExactly(VoteKind.RESOLUTION, VoteKind.ADMISSION, VoteKind.ADMISSION);
		// 9 entitled, 7 present; a resolution needs more than half of 9, an admission
		// two thirds (6)
		assertThat(imported).extracting((v) -> v.count().passed()).containsExactly(true, true, false);
		assertThat(imported).allSatisfy((v) -> {
			assertThat(v.count().entitled()).isEqualTo(9);
			assertThat(v.count().present()).isEqualTo(7);
		});
		assertThat(this.votes.votes(this.system, this.meeting)).hasSize(3)
			.allSatisfy((v) -> assertThat(v.source()).isEqualTo("IMPORTED"));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE passed) FROM meeting_vote WHERE meeting_id = :m AND source = 'IMPORTED'
				""").param("m", this.meeting).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aBadVoteRowIsNamedByRowAndColumnAndNoVoteOfTheFileIsKept() throws IOException {
		attendanceTyped();
		long mapping = nationalVoteMapping();
		String[] good = { "Nghị quyết chi bộ tháng 6", "Nghị quyết", "5", "2", "0" };
		Map<String[], String> bad = new java.util.LinkedHashMap<>();
		bad.put(new String[] { "Kết nạp quần chúng C (mẫu)", "Kết nạp đảng viên", "sáu", "1", "0" },
				"Tệp: dòng 3, cột \"Tán thành\": \"sáu\" không phải số nguyên không âm");
		bad.put(new String[] { "Kết nạp quần chúng C (mẫu)", "Bầu cử", "6", "1", "0" },
				"Tệp: dòng 3, cột \"Loại biểu quyết\": loại biểu quyết \"Bầu cử\" không có trong ánh xạ");
		bad.put(new String[] { "Kết nạp quần chúng C (mẫu)", "Kết nạp đảng viên", "6", "1", "-1" },
				"Tệp: dòng 3, cột \"Không biểu quyết\": \"-1\" không phải số nguyên không âm");
		bad.put(new String[] { "Kết nạp quần chúng C (mẫu)", "Kết nạp đảng viên", "6", "2", "0" },
				"Tệp: dòng 3, cột \"Tán thành\": tổng số phiếu vượt số có mặt có quyền biểu quyết (7)");
		bad.put(new String[] { "", "Kết nạp đảng viên", "6", "1", "0" },
				"Tệp: dòng 3, cột \"Nội dung biểu quyết\": chưa có giá trị");
		for (Map.Entry<String[], String> e : bad.entrySet()) {
			InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
					() -> this.votes.importFile(this.system, this.meeting, mapping, "bieu-quyet.xlsx",
							xlsx(VOTE_HEADER, List.of(good, e.getKey()))));
			assertThat(ex).as(e.getValue()).isNotNull();
			assertThat(this.messages.describe(ex)).isEqualTo(e.getValue());
		}
		// the valid first row was not kept either
		assertThat(storedVotes()).isZero();
		assertThat(this.votes.votes(this.system, this.meeting)).isEmpty();
	}

	@Test
	void anEditedVoteMappingReadsTheNewLayoutAndRefusesTheOld() throws IOException {
		String name = "Xuất biểu quyết thử " + Fixtures.next();
		MeetingVotes.Mapping first = new MeetingVotes.Mapping(0, name, "Nội dung", null, "Tán thành", "Không tán thành",
				"Không biểu quyết", "Có mặt", "", "", "", "");
		long id = this.votes.saveMapping(this.system, first);
		assertThatThrownBy(() -> this.votes.saveMapping(this.system,
				new MeetingVotes.Mapping(id, name, "Nội dung", null, " ", "Không tán thành", "Không biểu quyết", null,
						"", "", "", "")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(e) -> assertThat(this.messages.describe(e)).isEqualTo("Cột tán thành: bắt buộc phải nhập"));
		// counts typed only: the file gives the members present, no kind column (all
		// resolutions)
		this.attendance.recordCounts(this.system, this.meeting, 8, 0, 2, 0);
		String csv = "Nội dung,Đồng ý,Không tán thành,Không biểu quyết,Có mặt\nNghị quyết tháng 6,5,1,0,6\n";
		InvalidInputException old = catchThrowableOfType(InvalidInputException.class, () -> this.votes
			.importFile(this.system, this.meeting, id, "bq.csv", csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.messages.describe(old)).isEqualTo("Tệp: tệp thiếu cột \"Tán thành\" theo ánh xạ đã chọn");
		this.votes.saveMapping(this.system, new MeetingVotes.Mapping(id, name, "Nội dung", null, "Đồng ý",
				"Không tán thành", "Không biểu quyết", "Có mặt", "", "", "", ""));
		List<MeetingVotes.Vote> imported = this.votes.importFile(this.system, this.meeting, id, "bq.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(imported).singleElement().satisfies((v) -> {
			assertThat(v.kind()).isEqualTo(VoteKind.RESOLUTION);
			assertThat(v.count().present()).isEqualTo(6);
			// 6 of 9 present: the quorum of two thirds is met; 5 of 9 is more than half
			assertThat(v.count().quorumMet()).isTrue();
			assertThat(v.count().passed()).isTrue();
		});
		assertThat(storedVotes()).isEqualTo(1);
	}

}
