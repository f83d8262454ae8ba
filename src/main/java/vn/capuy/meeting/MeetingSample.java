package vn.capuy.meeting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.MemberCounts;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.sample.SampleCommittee;
import vn.capuy.system.Page;
import vn.capuy.system.SampleExtension;
import vn.capuy.system.Today;

/**
 * The sample's meetings for 2007-07 … 2012 and 2021 … today: every cell's monthly and
 * thematic meetings, grassroots committee meetings and reviews, with realistic gaps
 * (missed months, a few cells with poor attendance, minutes without resolutions).
 * Deterministic (fixed seed) and fast: meetings are inserted in bulk through this
 * module's own tables; attendance is kept as counts, except for a handful of named cells
 * in 2012 and 2025–2026, which have one row per member, minutes by item, resolutions and
 * tasks. Invented texts are marked "(mẫu)".
 */
@Component
class MeetingSample implements SampleExtension {

	static final String ACTOR = "sample";

	private static final long SEED = 40;

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final Members members;

	private final MeetingRules rules;

	private final Today today;

	private final Map<String, Integer> minimums = new HashMap<>();

	MeetingSample(JdbcClient jdbc, OrganizationTree tree, Members members, MeetingRules rules, Today today) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.members = members;
		this.rules = rules;
		this.today = today;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public String name() {
		return "meetings";
	}

	/** How a cell behaves in the sample. */
	private record Profile(double missRate, double attendance, boolean noResolutions, double lateRate) {
	}

	/** A meeting row before insertion. */
	private static final class Row {

		long org;

		MeetingKind kind;

		String period;

		LocalDate scheduled;

		LocalDate held;

		String status = "PLANNED";

		String notHeldReason;

		boolean combined;

		Integer duration;

		Integer expected;

		Integer present;

		Integer late;

		Integer excused;

		Integer unexcused;

		Integer exempt;

		boolean detailed;

	}

	@Override
	public void load() {
		CurrentUser system = CurrentUser.system();
		LocalDate now = this.today.date();
		Map<Long, Organization> orgs = new LinkedHashMap<>();
		for (LocalDate d : List.of(LocalDate.of(2007, 7, 1), LocalDate.of(2009, 1, 1), LocalDate.of(2010, 6, 1),
				LocalDate.of(2012, 12, 1), LocalDate.of(2021, 1, 1), LocalDate.of(2023, 1, 1),
				LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 8, 1), now)) {
			for (Organization o : this.tree.list(system, d)) {
				orgs.putIfAbsent(o.id(), o);
			}
		}
		Random random = new Random(SEED);
		Map<Long, Profile> profiles = new HashMap<>();
		List<Long> detailed = new ArrayList<>();
		Set<String> named = Set.of(SampleCommittee.SMALL_CELL, SampleCommittee.SHRINKING_CELL,
				SampleCommittee.LARGE_GRASSROOTS_CELL, SampleCommittee.VINH.cellName(),
				SampleCommittee.THUY_NEW_SPELLING.cellName());
		int index = 0;
		for (Organization o : orgs.values()) {
			if (MeetingKind.plannedFor(o.type()).isEmpty()) {
				continue;
			}
			index++;
			boolean poor = index % 23 == 5;
			boolean gaps = index % 17 == 3;
			profiles.put(o.id(),
					new Profile(gaps ? 0.18 : 0.02, poor ? 0.62 : 0.9, index % 19 == 7, index % 11 == 4 ? 0.35 : 0.05));
			if (o.type().isCell() && named.contains(o.name()) && detailed.size() < 5) {
				detailed.add(o.id());
			}
		}
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.of(2007, 7); !m.isAfter(YearMonth.of(2012, 12)); m = m.plusMonths(1)) {
			months.add(m);
		}
		for (YearMonth m = YearMonth.of(2021, 1); !m.isAfter(YearMonth.from(now)); m = m.plusMonths(1)) {
			months.add(m);
		}
		List<Row> rows = new ArrayList<>();
		for (YearMonth month : months) {
			LocalDate regular = this.rules.regularDate(month);
			LocalDate committee = this.rules.committeeDate(month);
			List<Long> active = orgs.values()
				.stream()
				.filter((o) -> o.activeOn(regular) && profiles.containsKey(o.id()))
				.map(Organization::id)
				.toList();
			Map<Long, MemberCounts> counts = this.members.countsOn(regular, active);
			boolean thematicMonth = month.getMonthValue() % 3 == 2;
			for (Long id : active) {
				Organization o = orgs.get(id);
				Profile p = profiles.get(id);
				MemberCounts c = counts.getOrDefault(id, MemberCounts.ZERO);
				List<MeetingKind> kinds = MeetingKind.plannedFor(o.type());
				if (kinds.contains(MeetingKind.REGULAR)) {
					rows.add(row(random, p, id, MeetingKind.REGULAR, month.toString(), regular, c, now, thematicMonth,
							detailed.contains(id)));
					if (thematicMonth) {
						int quarter = (month.getMonthValue() - 1) / 3 + 1;
						rows.add(
								row(random,
										new Profile(p.missRate() * 3 + 0.05, p.attendance(), p.noResolutions(),
												p.lateRate()),
										id, MeetingKind.THEMATIC, month.getYear() + "-Q" + quarter, regular, c, now,
										true, false));
					}
				}
				if (kinds.contains(MeetingKind.COMMITTEE) && o.activeOn(committee)) {
					rows.add(row(random, p, id, MeetingKind.COMMITTEE, month.toString(), committee, null, now, false,
							false));
				}
			}
		}
		for (int year : months.stream().map(YearMonth::getYear).distinct().toList()) {
			List<LocalDate> reviews = this.rules.reviewDates(year);
			for (int h = 0; h < 2; h++) {
				MeetingKind kind = h == 0 ? MeetingKind.MID_YEAR_REVIEW : MeetingKind.YEAR_END_REVIEW;
				LocalDate date = reviews.get(h);
				if (year == 2007 && h == 0) {
					continue;
				}
				for (Organization o : orgs.values()) {
					if (o.activeOn(date) && profiles.containsKey(o.id())
							&& MeetingKind.plannedFor(o.type()).contains(kind)) {
						rows.add(row(random, profiles.get(o.id()), o.id(), kind, year + "-H" + (h + 1), date, null, now,
								false, false));
					}
				}
			}
		}
		insert(rows);
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("SELECT id, organization_id, kind, period FROM meeting WHERE created_by = :actor")
			.param("actor", ACTOR)
			.query((rs, n) -> ids.put(rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4), rs.getLong(1)))
			.list();
		// minutes: locked for every held meeting before this month, a draft for this
		// month's
		this.jdbc
			.sql("""
					INSERT INTO minutes (meeting_id, version_no, status, chair_name, recorder_name, opening, resolution,
					  approved_on, locked_on, created_by)
					SELECT m.id, 1, CASE WHEN m.held_on < date_trunc('month', CAST(:today AS date)) THEN 'LOCKED' ELSE 'APPROVED' END,
					  'Bí thư chi bộ (mẫu)', 'Thư ký buổi sinh hoạt (mẫu)', 'Khai mạc; báo cáo tình hình đảng viên (mẫu).',
					  CASE WHEN (m.id % 19) = 7 THEN NULL ELSE 'Nghị quyết tháng: thực hiện nhiệm vụ chính trị của cơ quan (mẫu).' END,
					  m.held_on, CASE WHEN m.held_on < date_trunc('month', CAST(:today AS date)) THEN m.held_on + 7 END, :actor
					FROM meeting m WHERE m.created_by = :actor AND m.status = 'HELD' AND m.kind IN ('REGULAR', 'THEMATIC', 'COMMITTEE')
					""")
			.param("today", now)
			.param("actor", ACTOR)
			.update();
		// quality scores since 2021 (the scoring sheets are recent practice)
		this.jdbc.sql("""
				INSERT INTO quality_score (meeting_id, sheet_id, total, band, scored_by)
				SELECT m.id, (SELECT min(id) FROM quality_sheet WHERE organization_id IS NULL), s.total,
				  CASE WHEN s.total >= 90 THEN 'TOT' WHEN s.total >= 70 THEN 'KHA' WHEN s.total >= 50 THEN 'TRUNG_BINH'
				       ELSE 'KEM' END, :actor
				FROM meeting m
				CROSS JOIN LATERAL (SELECT CASE WHEN m.expected_count > 0
				     THEN least(100, 40 + (60 * (m.present_count + m.late_count)) / m.expected_count
				                     - (m.id % 7) * 2 + (m.id % 3) * 4)
				     ELSE 70 END AS total) s
				WHERE m.created_by = :actor AND m.status = 'HELD' AND m.kind IN ('REGULAR', 'THEMATIC')
				  AND m.held_on >= '2021-01-01'
				""").param("actor", ACTOR).update();
		details(system, random, rows, ids, profiles, now);
	}

	private Row row(Random random, Profile p, long org, MeetingKind kind, String period, LocalDate date,
			MemberCounts counts, LocalDate now, boolean combined, boolean detailed) {
		Row r = new Row();
		r.org = org;
		r.kind = kind;
		r.period = period;
		r.scheduled = date;
		r.combined = combined && kind == MeetingKind.REGULAR;
		r.detailed = detailed;
		double dice = random.nextDouble();
		double late = random.nextDouble();
		double att = random.nextDouble();
		if (!date.isBefore(now)) {
			return r;
		}
		if (dice < p.missRate()) {
			if (dice < p.missRate() / 2) {
				r.status = "NOT_HELD";
				r.notHeldReason = "Trùng lịch công tác của cơ quan (mẫu)";
			}
			return r;
		}
		r.status = "HELD";
		LocalDate held = date;
		if (late < p.lateRate()) {
			held = date.plusDays(1 + random.nextInt(10));
		}
		r.held = held.isAfter(now) ? date : held;
		// one rule-book read per month and kind, not per meeting
		int minimum = this.minimums.computeIfAbsent(YearMonth.from(r.held) + "|" + r.combined,
				(k) -> this.rules.minimumMinutes(r.held, r.combined));
		r.duration = minimum + (att < 0.1 ? -30 : random.nextInt(40));
		if (counts != null) {
			int expected = counts.full() + counts.probationary();
			if (expected > 0) {
				double rate = Math.min(1.0, p.attendance() + (att - 0.5) * 0.2);
				int present = (int) Math.round(expected * rate);
				int lateCount = present > 2 && random.nextInt(4) == 0 ? 1 : 0;
				int absent = expected - present;
				int unexcused = absent > 0 && random.nextInt(p.attendance() < 0.7 ? 2 : 6) == 0 ? 1 : 0;
				r.expected = expected;
				r.present = present - lateCount;
				r.late = lateCount;
				r.unexcused = unexcused;
				r.excused = absent - unexcused;
				r.exempt = counts.exempt();
			}
		}
		return r;
	}

	private void insert(List<Row> rows) {
		int n = rows.size();
		Long[] org = new Long[n];
		String[] kind = new String[n];
		String[] period = new String[n];
		String[] scheduled = new String[n];
		String[] held = new String[n];
		String[] status = new String[n];
		String[] reason = new String[n];
		Boolean[] combined = new Boolean[n];
		Integer[] duration = new Integer[n];
		Integer[] expected = new Integer[n];
		Integer[] present = new Integer[n];
		Integer[] late = new Integer[n];
		Integer[] excused = new Integer[n];
		Integer[] unexcused = new Integer[n];
		Integer[] exempt = new Integer[n];
		for (int i = 0; i < n; i++) {
			Row r = rows.get(i);
			org[i] = r.org;
			kind[i] = r.kind.name();
			period[i] = r.period;
			scheduled[i] = r.scheduled.toString();
			held[i] = r.held == null ? null : r.held.toString();
			status[i] = r.status;
			reason[i] = r.notHeldReason;
			combined[i] = r.combined;
			duration[i] = r.duration;
			expected[i] = r.expected;
			present[i] = r.present;
			late[i] = r.late;
			excused[i] = r.excused;
			unexcused[i] = r.unexcused;
			exempt[i] = r.exempt;
		}
		this.jdbc
			.sql("""
					INSERT INTO meeting (organization_id, kind, period, scheduled_on, planned_on, held_on, status,
					  not_held_reason, combined_with_thematic, duration_minutes, expected_count, present_count, late_count,
					  excused_count, unexcused_count, exempt_count, content_agreed_on, follower_notified_on,
					  documents_uploaded_on, created_by)
					SELECT u.org, u.kind, u.period, u.scheduled, u.scheduled, u.held, u.status, u.reason, u.combined,
					  u.duration, u.expected, u.present, u.late, u.excused, u.unexcused, u.exempt,
					  CASE WHEN u.status = 'HELD' THEN u.scheduled - 5 END,
					  CASE WHEN u.status = 'HELD' AND u.scheduled >= '2021-01-01' THEN u.scheduled - 3 END,
					  CASE WHEN u.status = 'HELD' AND u.scheduled >= '2025-10-28' THEN u.scheduled - 1 - (u.org % 2)::int END,
					  :actor
					FROM unnest(CAST(:org AS bigint[]), CAST(:kind AS text[]), CAST(:period AS text[]),
					  CAST(:scheduled AS date[]), CAST(:held AS date[]), CAST(:status AS text[]), CAST(:reason AS text[]),
					  CAST(:combined AS boolean[]), CAST(:duration AS int[]), CAST(:expected AS int[]),
					  CAST(:present AS int[]), CAST(:late AS int[]), CAST(:excused AS int[]), CAST(:unexcused AS int[]),
					  CAST(:exempt AS int[]))
					  AS u (org, kind, period, scheduled, held, status, reason, combined, duration, expected, present, late,
					        excused, unexcused, exempt)
					""")
			.param("org", org)
			.param("kind", kind)
			.param("period", period)
			.param("scheduled", scheduled)
			.param("held", held)
			.param("status", status)
			.param("reason", reason)
			.param("combined", combined)
			.param("duration", duration)
			.param("expected", expected)
			.param("present", present)
			.param("late", late)
			.param("excused", excused)
			.param("unexcused", unexcused)
			.param("exempt", exempt)
			.param("actor", ACTOR)
			.update();
	}

	/**
	 * One row per member, minutes by item, resolutions and tasks for the detailed cells'
	 * regular meetings of 2012 and 2025–2026. Everything is drawn first (in the order of
	 * the meetings, so the random sequence and the data stay the same), then written with
	 * one statement per table.
	 */
	private void details(CurrentUser system, Random random, List<Row> rows, Map<String, Long> ids,
			Map<Long, Profile> profiles, LocalDate now) {
		List<Row> detailed = new ArrayList<>();
		List<Long> detailedIds = new ArrayList<>();
		for (Row r : rows) {
			int year = r.scheduled.getYear();
			if (!r.detailed || !"HELD".equals(r.status) || !(year == 2012 || year >= 2025)) {
				continue;
			}
			Long meetingId = ids.get(r.org + "|" + r.kind.name() + "|" + r.period);
			if (meetingId != null) {
				detailed.add(r);
				detailedIds.add(meetingId);
			}
		}
		Map<Long, Long> minutesOf = new HashMap<>();
		this.jdbc.sql("SELECT meeting_id, id FROM minutes WHERE meeting_id = ANY(:ids)")
			.param("ids", detailedIds.toArray(Long[]::new))
			.query((rs, n) -> minutesOf.put(rs.getLong(1), rs.getLong(2)))
			.list();
		Columns attendance = new Columns();
		Columns counts = new Columns();
		Columns items = new Columns();
		Columns speeches = new Columns();
		Columns tasks = new Columns();
		List<Long> withoutResolution = new ArrayList<>();
		for (int k = 0; k < detailed.size(); k++) {
			Row r = detailed.get(k);
			long meetingId = detailedIds.get(k);
			Page<MemberListItem> roll = this.members.search(system,
					new Members.Query(null, r.org, null, r.held, 0, Page.MAX_SIZE));
			int[] c = new int[5];
			Profile p = profiles.get(r.org);
			for (MemberListItem m : roll.items()) {
				AttendanceStatus s;
				String reason = null;
				if (m.status() == MemberStatus.EXEMPT) {
					s = AttendanceStatus.EXEMPT;
				}
				else {
					double d = random.nextDouble();
					if (d < p.attendance()) {
						s = random.nextInt(12) == 0 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
					}
					else if (d < p.attendance() + (1 - p.attendance()) * 0.7) {
						s = AttendanceStatus.ABSENT_EXCUSED;
						reason = "Đi công tác (mẫu)";
					}
					else {
						s = AttendanceStatus.ABSENT_UNEXCUSED;
					}
				}
				c[s.ordinal()]++;
				attendance.add(meetingId, m.id(), m.fullName(), s.name(), reason);
			}
			counts.add(meetingId, c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3], c[4]);
			Long minutesId = minutesOf.get(meetingId);
			if (minutesId == null) {
				continue;
			}
			for (int i = 0; i < ITEMS.length; i++) {
				items.add(minutesId, i + 1, ITEMS[i][0], ITEMS[i][1], ITEMS[i][2]);
			}
			List<MemberListItem> speakers = roll.items()
				.stream()
				.filter((m) -> m.status() != MemberStatus.EXEMPT)
				.limit(3)
				.toList();
			for (int i = 0; i < speakers.size(); i++) {
				speeches.add(minutesId, speakers.get(i).fullName(), speakers.get(i).id(),
						i == 1 ? "Góp ý, phê bình việc chậm hoàn thành nhiệm vụ được giao (mẫu)."
								: "Đồng ý với báo cáo, đề xuất giải pháp thực hiện nhiệm vụ (mẫu).",
						i == 1 && random.nextBoolean());
			}
			if (!p.noResolutions() && !speakers.isEmpty()) {
				MemberListItem assignee = speakers.get(random.nextInt(speakers.size()));
				LocalDate due = r.held.plusDays(20);
				boolean done = due.isBefore(now) && random.nextInt(5) != 0;
				tasks.add(meetingId, minutesId, assignee.id(), assignee.fullName(), due,
						done ? due.minusDays(2) : null);
			}
			else {
				withoutResolution.add(minutesId);
			}
		}
		this.jdbc.sql("""
				INSERT INTO attendance (meeting_id, member_id, member_name, status, reason)
				SELECT u.meeting, u.member, u.name, u.status, u.reason
				FROM unnest(CAST(:meetings AS bigint[]), CAST(:members AS bigint[]), CAST(:names AS text[]),
				  CAST(:statuses AS text[]), CAST(:reasons AS text[])) AS u (meeting, member, name, status, reason)
				""")
			.param("meetings", attendance.longs(0))
			.param("members", attendance.longs(1))
			.param("names", attendance.strings(2))
			.param("statuses", attendance.strings(3))
			.param("reasons", attendance.strings(4))
			.update();
		this.jdbc.sql("""
				UPDATE meeting m SET expected_count = u.e, present_count = u.p, late_count = u.l, excused_count = u.x,
				  unexcused_count = u.u, exempt_count = u.ex, attendance_rows = true
				FROM unnest(CAST(:ids AS bigint[]), CAST(:e AS int[]), CAST(:p AS int[]), CAST(:l AS int[]),
				  CAST(:x AS int[]), CAST(:u AS int[]), CAST(:ex AS int[])) AS u (id, e, p, l, x, u, ex)
				WHERE m.id = u.id
				""")
			.param("ids", counts.longs(0))
			.param("e", counts.ints(1))
			.param("p", counts.ints(2))
			.param("l", counts.ints(3))
			.param("x", counts.ints(4))
			.param("u", counts.ints(5))
			.param("ex", counts.ints(6))
			.update();
		Map<String, Long> itemIds = new HashMap<>();
		this.jdbc
			.sql("""
					INSERT INTO minutes_item (minutes_id, position, kind, title, report)
					SELECT u.minutes, u.position, u.kind, u.title, u.report
					FROM unnest(CAST(:minutes AS bigint[]), CAST(:positions AS int[]), CAST(:kinds AS text[]),
					  CAST(:titles AS text[]), CAST(:reports AS text[])) WITH ORDINALITY AS u (minutes, position, kind, title,
					  report, n)
					ORDER BY u.n
					RETURNING id, minutes_id, position
					""")
			.param("minutes", items.longs(0))
			.param("positions", items.ints(1))
			.param("kinds", items.strings(2))
			.param("titles", items.strings(3))
			.param("reports", items.strings(4))
			.query((rs, n) -> itemIds.put(rs.getLong(2) + "|" + rs.getInt(3), rs.getLong(1)))
			.list();
		Long[] discussion = new Long[speeches.size()];
		for (int i = 0; i < discussion.length; i++) {
			discussion[i] = itemIds.get(speeches.get(i, 0) + "|" + ITEMS.length);
		}
		this.jdbc.sql("""
				INSERT INTO minutes_speech (item_id, speaker_name, member_id, content, criticism)
				SELECT u.item, u.name, u.member, u.content, u.criticism
				FROM unnest(CAST(:items AS bigint[]), CAST(:names AS text[]), CAST(:members AS bigint[]),
				  CAST(:contents AS text[]), CAST(:criticism AS boolean[])) WITH ORDINALITY
				  AS u (item, name, member, content, criticism, n)
				ORDER BY u.n
				""")
			.param("items", discussion)
			.param("names", speeches.strings(1))
			.param("members", speeches.longs(2))
			.param("contents", speeches.strings(3))
			.param("criticism", speeches.booleans(4))
			.update();
		this.jdbc.sql("""
				INSERT INTO meeting_task (meeting_id, minutes_id, description, assignee_id, assignee_name, due_on,
				  done_on, created_by)
				SELECT u.meeting, u.minutes, :description, u.assignee, u.name, u.due, u.done, :actor
				FROM unnest(CAST(:meetings AS bigint[]), CAST(:minutes AS bigint[]), CAST(:assignees AS bigint[]),
				  CAST(:names AS text[]), CAST(:due AS date[]), CAST(:done AS date[])) WITH ORDINALITY
				  AS u (meeting, minutes, assignee, name, due, done, n)
				ORDER BY u.n
				""")
			.param("description", "Hoàn thành nhiệm vụ chuyên môn được giao trong tháng (mẫu)")
			.param("meetings", tasks.longs(0))
			.param("minutes", tasks.longs(1))
			.param("assignees", tasks.longs(2))
			.param("names", tasks.strings(3))
			.param("due", tasks.strings(4))
			.param("done", tasks.strings(5))
			.param("actor", ACTOR)
			.update();
		this.jdbc.sql("UPDATE minutes SET resolution = NULL WHERE id = ANY(:ids)")
			.param("ids", withoutResolution.toArray(Long[]::new))
			.update();
	}

	/**
	 * The minutes items of a detailed meeting: kind, title, report; the last is the
	 * discussion.
	 */
	private static final String[][] ITEMS = {
			{ "REPORT", "Báo cáo kết quả lãnh đạo tháng trước; nhiệm vụ tháng tới",
					"Chi uỷ báo cáo kết quả thực hiện nhiệm vụ tháng (mẫu)." },
			{ "INFORMATION", "Phổ biến văn bản của cấp trên; định hướng sinh hoạt",
					"Thông tin thời sự và văn bản mới của cấp trên (mẫu)." },
			{ "DISCUSSION", "Thảo luận; phê bình và tự phê bình; kết luận", null } };

	/** Rows gathered column by column for one {@code unnest} insert. */
	private static final class Columns {

		private final List<Object[]> rows = new ArrayList<>();

		void add(Object... values) {
			this.rows.add(values);
		}

		int size() {
			return this.rows.size();
		}

		Object get(int row, int column) {
			return this.rows.get(row)[column];
		}

		Long[] longs(int column) {
			return this.rows.stream().map((r) -> (Long) r[column]).toArray(Long[]::new);
		}

		Integer[] ints(int column) {
			return this.rows.stream().map((r) -> (Integer) r[column]).toArray(Integer[]::new);
		}

		Boolean[] booleans(int column) {
			return this.rows.stream().map((r) -> (Boolean) r[column]).toArray(Boolean[]::new);
		}

		String[] strings(int column) {
			return this.rows.stream()
				.map((r) -> r[column] == null ? null : r[column].toString())
				.toArray(String[]::new);
		}

	}

	static <T> List<T> list(Collection<T> c) {
		return new ArrayList<>(c);
	}

}
