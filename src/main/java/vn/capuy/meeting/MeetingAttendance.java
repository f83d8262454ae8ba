package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.VietnameseText;

/**
 * Who was at a meeting: the roll of the organisation on the meeting's date (members
 * exempt on that date are not expected), typed in or imported from the national app's
 * export with an editable column mapping, and the members whose unexcused absences reach
 * the removal rule in a year.
 */
@Service
@Transactional(readOnly = true)
public class MeetingAttendance {

	private final JdbcClient jdbc;

	private final CellMeetings meetings;

	private final Members members;

	private final MeetingRules rules;

	private final AuditLog audit;

	MeetingAttendance(JdbcClient jdbc, CellMeetings meetings, Members members, MeetingRules rules, AuditLog audit) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.members = members;
		this.rules = rules;
		this.audit = audit;
	}

	/**
	 * A member on the roll of a meeting, with their status on its date and their
	 * attendance.
	 */
	public record Entry(long memberId, String name, String cardNumber, MemberStatus memberStatus,
			AttendanceStatus status, String reason) {
	}

	/** The members in the Party in the organisation on the meeting's date. */
	List<MemberListItem> members(CurrentUser user, Meeting m) {
		Page<MemberListItem> page = this.members.search(user,
				new Members.Query(null, m.organizationId(), null, m.date(), 0, Page.MAX_SIZE));
		return page.items();
	}

	/** The roll with what was recorded (nothing recorded yet: no status). */
	public List<Entry> roll(CurrentUser user, long meetingId) {
		Meeting m = this.meetings.get(user, meetingId);
		Map<Long, String[]> recorded = new HashMap<>();
		this.jdbc.sql("SELECT member_id, status, reason FROM attendance WHERE meeting_id = :m")
			.param("m", meetingId)
			.query((rs, n) -> recorded.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) }))
			.list();
		List<Entry> roll = new ArrayList<>();
		for (MemberListItem item : members(user, m)) {
			String[] r = recorded.get(item.id());
			AttendanceStatus status = item.status() == MemberStatus.EXEMPT ? AttendanceStatus.EXEMPT
					: (r == null ? null : AttendanceStatus.valueOf(r[0]));
			roll.add(new Entry(item.id(), item.fullName(), item.partyCardNumber(), item.status(), status,
					r == null ? null : r[1]));
		}
		return roll;
	}

	/** One member's attendance as typed or imported. */
	public record Mark(long memberId, AttendanceStatus status, String reason) {
	}

	/**
	 * Records the attendance of every member on the roll (all-or-nothing): each expected
	 * member gets a status, an excused absence needs its reason, exempt members are
	 * recorded as exempt whatever was typed and are not expected.
	 */
	@Transactional
	public Meeting.Attendance record(CurrentUser user, long meetingId, List<Mark> marks) {
		Meeting m = this.meetings.get(user, meetingId);
		if (m.status() != MeetingStatus.HELD) {
			throw new RuleViolationException("meeting.error.attendance.not-held");
		}
		List<MemberListItem> roll = members(user, m);
		Map<Long, Mark> byMember = new LinkedHashMap<>();
		for (Mark mark : marks) {
			if (mark.status() == null) {
				throw new InvalidInputException("status", "error.required");
			}
			byMember.put(mark.memberId(), mark);
		}
		Map<Long, MemberListItem> rollById = new HashMap<>();
		roll.forEach((i) -> rollById.put(i.id(), i));
		for (Long id : byMember.keySet()) {
			if (!rollById.containsKey(id)) {
				throw new InvalidInputException("attendanceMember", "meeting.error.attendance.not-on-roll", id);
			}
		}
		Replaced before = replaceRoll(m);
		int[] counts = new int[AttendanceStatus.values().length];
		for (MemberListItem item : roll) {
			Mark mark = byMember.get(item.id());
			AttendanceStatus status;
			String reason = null;
			if (item.status() == MemberStatus.EXEMPT) {
				status = AttendanceStatus.EXEMPT;
			}
			else if (mark == null) {
				throw new InvalidInputException("status", "meeting.error.attendance.missing", item.fullName());
			}
			else if (mark.status() == AttendanceStatus.EXEMPT) {
				throw new InvalidInputException("status", "meeting.error.attendance.not-exempt", item.fullName());
			}
			else {
				status = mark.status();
				reason = CellMeetings.blankToNull(mark.reason());
				if (status == AttendanceStatus.ABSENT_EXCUSED && reason == null) {
					throw new InvalidInputException("reason", "meeting.error.attendance.reason", item.fullName());
				}
			}
			counts[status.ordinal()]++;
			this.jdbc.sql("""
					INSERT INTO attendance (meeting_id, member_id, member_name, status, reason)
					VALUES (:m, :member, :name, :status, :reason)
					""")
				.param("m", meetingId)
				.param("member", item.id())
				.param("name", item.fullName())
				.param("status", status.name())
				.param("reason", reason)
				.update();
		}
		Meeting.Attendance result = storeCounts(meetingId, counts, true);
		this.audit.record(user.username(), "ATTENDANCE", "meeting", meetingId, before, result);
		return result;
	}

	/**
	 * Records attendance as counts only (when no per-member list exists); the expected
	 * count is the roll on the date less the exempt members.
	 */
	@Transactional
	public Meeting.Attendance recordCounts(CurrentUser user, long meetingId, int present, int late, int excused,
			int unexcused) {
		Meeting m = this.meetings.get(user, meetingId);
		if (m.status() != MeetingStatus.HELD) {
			throw new RuleViolationException("meeting.error.attendance.not-held");
		}
		if (present < 0 || late < 0 || excused < 0 || unexcused < 0) {
			throw new InvalidInputException("presentCount", "meeting.error.vote.negative");
		}
		List<MemberListItem> roll = members(user, m);
		int exempt = (int) roll.stream().filter((i) -> i.status() == MemberStatus.EXEMPT).count();
		int expected = roll.size() - exempt;
		if (present + late + excused + unexcused != expected) {
			throw new InvalidInputException("presentCount", "meeting.error.attendance.sum", expected);
		}
		Replaced before = replaceRoll(m);
		int[] counts = new int[AttendanceStatus.values().length];
		counts[AttendanceStatus.PRESENT.ordinal()] = present;
		counts[AttendanceStatus.LATE.ordinal()] = late;
		counts[AttendanceStatus.ABSENT_EXCUSED.ordinal()] = excused;
		counts[AttendanceStatus.ABSENT_UNEXCUSED.ordinal()] = unexcused;
		counts[AttendanceStatus.EXEMPT.ordinal()] = exempt;
		Meeting.Attendance result = storeCounts(meetingId, counts, false);
		this.audit.record(user.username(), "ATTENDANCE_COUNTS", "meeting", meetingId, before, result);
		return result;
	}

	/**
	 * What a new record of attendance replaces: the counts and the roll, member by
	 * member.
	 */
	record Replaced(Meeting.Attendance counts, List<Map<String, Object>> roll) {
	}

	/**
	 * Takes the meeting's roll away before a new one is recorded, returning it for the
	 * audit log (append-only), so a corrected roll is never lost.
	 */
	private Replaced replaceRoll(Meeting m) {
		List<Map<String, Object>> old = this.jdbc.sql("""
				SELECT member_id, member_name, status, reason FROM attendance WHERE meeting_id = :m ORDER BY member_id
				""").param("m", m.id()).query().listOfRows();
		this.jdbc.sql("DELETE FROM attendance WHERE meeting_id = :m").param("m", m.id()).update();
		return new Replaced(m.attendance(), old);
	}

	private Meeting.Attendance storeCounts(long meetingId, int[] c, boolean rows) {
		int expected = c[0] + c[1] + c[2] + c[3];
		this.jdbc
			.sql("""
					UPDATE meeting SET expected_count = :e, present_count = :p, late_count = :l, excused_count = :x,
					  unexcused_count = :u, exempt_count = :ex, attendance_rows = :rows, version = version + 1 WHERE id = :id
					""")
			.param("e", expected)
			.param("p", c[AttendanceStatus.PRESENT.ordinal()])
			.param("l", c[AttendanceStatus.LATE.ordinal()])
			.param("x", c[AttendanceStatus.ABSENT_EXCUSED.ordinal()])
			.param("u", c[AttendanceStatus.ABSENT_UNEXCUSED.ordinal()])
			.param("ex", c[AttendanceStatus.EXEMPT.ordinal()])
			.param("rows", rows)
			.param("id", meetingId)
			.update();
		return new Meeting.Attendance(expected, c[0], c[1], c[2], c[3], c[4], rows);
	}

	// ---- import

	/** How the columns of an export map to attendance; values separated by {@code |}. */
	public record Mapping(long id, String name, String nameColumn, String cardColumn, String statusColumn,
			String reasonColumn, String presentValues, String lateValues, String excusedValues,
			String unexcusedValues) {

		AttendanceStatus statusOf(String value) {
			String v = VietnameseText.fold(value == null ? "" : value.strip());
			if (matches(this.presentValues, v)) {
				return AttendanceStatus.PRESENT;
			}
			if (matches(this.lateValues, v)) {
				return AttendanceStatus.LATE;
			}
			if (matches(this.excusedValues, v)) {
				return AttendanceStatus.ABSENT_EXCUSED;
			}
			if (matches(this.unexcusedValues, v)) {
				return AttendanceStatus.ABSENT_UNEXCUSED;
			}
			return null;
		}

		private static boolean matches(String values, String folded) {
			return Arrays.stream(values.split("\\|"))
				.map((s) -> VietnameseText.fold(s.strip()))
				.anyMatch((s) -> !s.isEmpty() && s.equals(folded));
		}

	}

	public List<Mapping> mappings() {
		return this.jdbc.sql("""
				SELECT id, name, name_column, card_column, status_column, reason_column, present_values, late_values,
				  excused_values, unexcused_values FROM attendance_mapping ORDER BY id
				""")
			.query((rs, n) -> new Mapping(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10)))
			.list();
	}

	public Mapping mapping(long id) {
		return mappings().stream()
			.filter((m) -> m.id() == id)
			.findFirst()
			.orElseThrow(() -> new vn.capuy.system.NotFoundException("mapping " + id));
	}

	/** Saves the column mapping (a new one when {@code id} is null). */
	@Transactional
	public long saveMapping(CurrentUser user, Mapping m) {
		for (String[] f : new String[][] { { "meetingName", m.name() }, { "nameColumn", m.nameColumn() },
				{ "statusColumn", m.statusColumn() }, { "presentValues", m.presentValues() },
				{ "excusedValues", m.excusedValues() }, { "unexcusedValues", m.unexcusedValues() } }) {
			if (f[1] == null || f[1].isBlank()) {
				throw new InvalidInputException(f[0], "error.required");
			}
		}
		Map<String, Object> p = CellMeetings.params("name", m.name().strip(), "nc", m.nameColumn().strip(), "cc",
				CellMeetings.blankToNull(m.cardColumn()), "sc", m.statusColumn().strip(), "rc",
				CellMeetings.blankToNull(m.reasonColumn()), "pv", m.presentValues(), "lv",
				m.lateValues() == null ? "" : m.lateValues(), "xv", m.excusedValues(), "uv", m.unexcusedValues(),
				"actor", user.username(), "id", m.id());
		long id;
		if (m.id() == 0) {
			id = this.jdbc.sql("""
					INSERT INTO attendance_mapping (name, name_column, card_column, status_column, reason_column,
					  present_values, late_values, excused_values, unexcused_values, updated_by)
					VALUES (:name, :nc, :cc, :sc, :rc, :pv, :lv, :xv, :uv, :actor) RETURNING id
					""").params(p).query(Long.class).single();
		}
		else {
			this.meetings.update(
					"""
							UPDATE attendance_mapping SET name = :name, name_column = :nc, card_column = :cc, status_column = :sc,
							  reason_column = :rc, present_values = :pv, late_values = :lv, excused_values = :xv,
							  unexcused_values = :uv, updated_by = :actor, version = version + 1 WHERE id = :id
							""",
					p);
			id = m.id();
		}
		this.audit.record(user.username(), "SAVE", "attendance_mapping", id, null, m);
		return id;
	}

	/**
	 * Imports an export of the national app (CSV, or XLSX by its name) through a mapping:
	 * each row finds its member by card number, else by name; a row that names nobody on
	 * the roll, or a status the mapping does not know, is refused naming its row and
	 * column, and nothing is recorded.
	 */
	@Transactional
	public Meeting.Attendance importFile(CurrentUser user, long meetingId, long mappingId, String filename,
			byte[] content) {
		Mapping mapping = mapping(mappingId);
		Meeting m = this.meetings.get(user, meetingId);
		if (m.status() != MeetingStatus.HELD) {
			throw new RuleViolationException("meeting.error.attendance.not-held");
		}
		ImportTable table = ImportTable.read(filename, content);
		table.require(mapping.nameColumn(), mapping.statusColumn());
		List<MemberListItem> roll = members(user, m);
		Map<Long, Mark> marks = new LinkedHashMap<>();
		for (ImportTable.Line row : table.lines()) {
			String name = row.get(mapping.nameColumn());
			String card = row.get(mapping.cardColumn());
			if (name.isEmpty() && card.isEmpty()) {
				throw new InvalidInputException("importFile", "meeting.error.import.required", row.number(),
						mapping.nameColumn());
			}
			MemberListItem member = roll.stream()
				.filter((i) -> !card.isEmpty() && card.equals(i.partyCardNumber()))
				.findFirst()
				.orElseGet(() -> {
					List<MemberListItem> byName = roll.stream()
						.filter((i) -> VietnameseText.fold(i.fullName()).equals(VietnameseText.fold(name)))
						.toList();
					return byName.size() == 1 ? byName.get(0) : null;
				});
			if (member == null) {
				throw new InvalidInputException("importFile", "meeting.error.import.member", row.number(),
						card.isEmpty() ? mapping.nameColumn() : mapping.cardColumn(), card.isEmpty() ? name : card);
			}
			if (marks.containsKey(member.id())) {
				throw new InvalidInputException("importFile", "meeting.error.import.twice", row.number(),
						mapping.nameColumn(), member.fullName());
			}
			if (member.status() == MemberStatus.EXEMPT) {
				continue;
			}
			String value = row.get(mapping.statusColumn());
			AttendanceStatus status = mapping.statusOf(value);
			if (status == null) {
				throw new InvalidInputException("importFile", "meeting.error.import.status", row.number(),
						mapping.statusColumn(), value);
			}
			String reason = CellMeetings.blankToNull(row.get(mapping.reasonColumn()));
			if (status == AttendanceStatus.ABSENT_EXCUSED && reason == null) {
				throw new InvalidInputException("importFile", "meeting.error.import.reason", row.number(),
						mapping.reasonColumn() == null ? mapping.statusColumn() : mapping.reasonColumn(),
						member.fullName());
			}
			marks.put(member.id(), new Mark(member.id(), status, reason));
		}
		for (MemberListItem item : roll) {
			if (item.status() != MemberStatus.EXEMPT && !marks.containsKey(item.id())) {
				throw new InvalidInputException("importFile", "meeting.error.import.missing", item.fullName());
			}
		}
		return record(user, meetingId, new ArrayList<>(marks.values()));
	}

	// ---- removal rule

	/** A member whose unexcused absences in a year reach the removal rule. */
	public record RemovalFlag(long memberId, String name, int months, int threshold, String source) {
	}

	/**
	 * Members of the organisation's subtree with unexcused absences in at least the
	 * rule's number of distinct months of the year (DOMAIN.md §4.1).
	 */
	public List<RemovalFlag> removalFlags(CurrentUser user, long organizationId, int year) {
		LocalDate end = LocalDate.of(year, 12, 31);
		int threshold = this.rules.removalMonths(end);
		String source = this.rules.source(MeetingRules.REMOVAL_MONTHS, end);
		return this.jdbc
			.sql("""
					SELECT a.member_id, max(a.member_name), count(DISTINCT date_trunc('month', m.held_on))
					FROM attendance a JOIN meeting m ON m.id = a.meeting_id
					WHERE a.status = 'ABSENT_UNEXCUSED' AND m.held_on >= :from AND m.held_on <= :to
					  AND m.kind IN ('REGULAR', 'THEMATIC') AND """ + CellMeetings.VISIBLE + " AND "
					+ CellMeetings.inSubtree("m") + """
							GROUP BY a.member_id HAVING count(DISTINCT date_trunc('month', m.held_on)) >= :threshold
							ORDER BY 2
							""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", end)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("org", organizationId)
			.param("threshold", threshold)
			.query((rs, n) -> new RemovalFlag(rs.getLong(1), rs.getString(2), rs.getInt(3), threshold, source))
			.list();
	}

}
