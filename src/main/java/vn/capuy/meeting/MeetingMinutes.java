package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Minutes of meetings by agenda item, their lifecycle DRAFT → APPROVED (read back at the
 * meeting) → LOCKED, corrections as new linked versions, and the tasks of the resolution
 * followed until done. A minute that is not a draft refuses edits (409, naming the rule:
 * the minutes book is kept permanently; HD 12-HD/BTCTW 2018).
 */
@Service
@Transactional(readOnly = true)
public class MeetingMinutes {

	private final JdbcClient jdbc;

	private final CellMeetings meetings;

	private final AuditLog audit;

	private final Today today;

	MeetingMinutes(JdbcClient jdbc, CellMeetings meetings, AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.audit = audit;
		this.today = today;
	}

	/** The current version of the meeting's minutes, if any. */
	public java.util.Optional<Minutes> current(CurrentUser user, long meetingId) {
		this.meetings.get(user, meetingId);
		return this.jdbc.sql("SELECT id FROM minutes WHERE meeting_id = :m AND NOT superseded")
			.param("m", meetingId)
			.query(Long.class)
			.optional()
			.map(this::load);
	}

	/** Every version, oldest first. */
	public List<Minutes> versions(CurrentUser user, long meetingId) {
		this.meetings.get(user, meetingId);
		return this.jdbc.sql("SELECT id FROM minutes WHERE meeting_id = :m ORDER BY version_no")
			.param("m", meetingId)
			.query(Long.class)
			.list()
			.stream()
			.map(this::load)
			.toList();
	}

	/** A version by id, within the caller's scope. */
	public Minutes get(CurrentUser user, long minutesId) {
		Long meetingId = this.jdbc.sql("SELECT meeting_id FROM minutes WHERE id = :id")
			.param("id", minutesId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("minutes " + minutesId));
		this.meetings.get(user, meetingId);
		return load(minutesId);
	}

	Minutes load(long id) {
		List<Minutes.Item> items = this.jdbc.sql("""
				SELECT id, position, kind, title, report, conclusion FROM minutes_item WHERE minutes_id = :id
				ORDER BY position
				""")
			.param("id", id)
			.query((rs, n) -> new Minutes.Item(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), speeches(rs.getLong(1))))
			.list();
		return this.jdbc.sql("""
				SELECT id, meeting_id, version_no, corrects_id, correction_reason, status, superseded, chair_name,
				  recorder_name, opening, resolution, closing, approved_on, locked_on, version
				FROM minutes WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Minutes(rs.getLong(1), rs.getLong(2), rs.getInt(3), (Long) rs.getObject(4),
					rs.getString(5), MinutesStatus.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
					rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class), rs.getInt(15), items,
					tasks(rs.getLong(2))))
			.single();
	}

	private List<Minutes.Speech> speeches(long itemId) {
		return this.jdbc
			.sql("""
					SELECT id, speaker_name, member_id, content, criticism FROM minutes_speech WHERE item_id = :id ORDER BY id
					""")
			.param("id", itemId)
			.query((rs, n) -> new Minutes.Speech(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
					rs.getString(4), rs.getBoolean(5)))
			.list();
	}

	List<Minutes.Task> tasks(long meetingId) {
		return this.jdbc.sql("""
				SELECT id, meeting_id, description, assignee_id, assignee_name, due_on, done_on, done_note, version
				FROM meeting_task WHERE meeting_id = :m AND closed_reason IS NULL ORDER BY due_on, id
				""").param("m", meetingId).query(MeetingMinutes::mapTask).list();
	}

	static Minutes.Task mapTask(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Minutes.Task(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getInt(9));
	}

	/** Starts the minutes of a held meeting from its agenda. */
	@Transactional
	public long start(CurrentUser user, long meetingId, String chairName, String recorderName) {
		Meeting m = this.meetings.get(user, meetingId);
		if (m.status() != MeetingStatus.HELD) {
			throw new RuleViolationException("meeting.error.minutes.not-held");
		}
		if (m.hasMinutes()) {
			throw new RuleViolationException("meeting.error.minutes.exists");
		}
		long id = insertMinutes(meetingId, 1, null, null, chairName, recorderName, null, null, null, user.username());
		int position = 1;
		for (CellMeetings.AgendaItem item : this.meetings.agenda(user, meetingId)) {
			insertItem(id, position++, item.kind(), item.title(), null, null);
		}
		this.audit.record(user.username(), "CREATE", "minutes", id, null, Map.of("meeting", meetingId));
		return id;
	}

	long insertMinutes(long meetingId, int versionNo, Long corrects, String reason, String chair, String recorder,
			String opening, String resolution, String closing, String actor) {
		return this.jdbc.sql("""
				INSERT INTO minutes (meeting_id, version_no, corrects_id, correction_reason, status, chair_name,
				  recorder_name, opening, resolution, closing, created_by)
				VALUES (:m, :v, :corrects, :reason, 'DRAFT', :chair, :recorder, :opening, :resolution, :closing, :actor)
				RETURNING id
				""")
			.param("m", meetingId)
			.param("v", versionNo)
			.param("corrects", corrects)
			.param("reason", reason)
			.param("chair", CellMeetings.blankToNull(chair))
			.param("recorder", CellMeetings.blankToNull(recorder))
			.param("opening", opening)
			.param("resolution", resolution)
			.param("closing", closing)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	long insertItem(long minutesId, int position, String kind, String title, String report, String conclusion) {
		return this.jdbc.sql("""
				INSERT INTO minutes_item (minutes_id, position, kind, title, report, conclusion)
				VALUES (:mi, :p, :kind, :title, :report, :conclusion) RETURNING id
				""")
			.param("mi", minutesId)
			.param("p", position)
			.param("kind", kind)
			.param("title", title)
			.param("report", report)
			.param("conclusion", conclusion)
			.query(Long.class)
			.single();
	}

	/** Refuses any edit of minutes that are not a draft, naming the rule. */
	private Minutes editable(CurrentUser user, long minutesId) {
		Minutes minutes = get(user, minutesId);
		if (minutes.superseded()) {
			throw new RuleViolationException("meeting.error.minutes.superseded");
		}
		if (minutes.status() == MinutesStatus.LOCKED) {
			throw new RuleViolationException("meeting.error.minutes.locked");
		}
		if (minutes.status() == MinutesStatus.APPROVED) {
			throw new RuleViolationException("meeting.error.minutes.approved");
		}
		return minutes;
	}

	/** Edits the header and the resolution of draft minutes. */
	@Transactional
	public void edit(CurrentUser user, long minutesId, String chair, String recorder, String opening, String resolution,
			String closing, int version) {
		Minutes before = editable(user, minutesId);
		this.meetings.update("""
				UPDATE minutes SET chair_name = :chair, recorder_name = :recorder, opening = :opening,
				  resolution = :resolution, closing = :closing, version = version + 1 WHERE id = :id AND version = :v
				""",
				CellMeetings.params("chair", CellMeetings.blankToNull(chair), "recorder",
						CellMeetings.blankToNull(recorder), "opening", CellMeetings.blankToNull(opening), "resolution",
						CellMeetings.blankToNull(resolution), "closing", CellMeetings.blankToNull(closing), "id",
						minutesId, "v", version));
		this.audit.record(user.username(), "EDIT", "minutes", minutesId, before, load(minutesId));
	}

	/** Edits one item's report and conclusion. */
	@Transactional
	public void editItem(CurrentUser user, long minutesId, long itemId, String report, String conclusion) {
		Minutes before = editable(user, minutesId);
		requireItem(before, itemId);
		this.jdbc.sql("UPDATE minutes_item SET report = :report, conclusion = :conclusion WHERE id = :id")
			.param("report", CellMeetings.blankToNull(report))
			.param("conclusion", CellMeetings.blankToNull(conclusion))
			.param("id", itemId)
			.update();
		bump(minutesId);
		this.audit.record(user.username(), "EDIT_ITEM", "minutes", minutesId, before, load(minutesId));
	}

	/**
	 * Records who spoke on an item and what; {@code criticism} for criticism and
	 * self-criticism.
	 */
	@Transactional
	public void addSpeech(CurrentUser user, long minutesId, long itemId, String speaker, Long memberId, String content,
			boolean criticism) {
		Minutes before = editable(user, minutesId);
		requireItem(before, itemId);
		if (speaker == null || speaker.isBlank()) {
			throw new InvalidInputException("speakerName", "error.required");
		}
		if (content == null || content.isBlank()) {
			throw new InvalidInputException("speechContent", "error.required");
		}
		this.jdbc.sql("""
				INSERT INTO minutes_speech (item_id, speaker_name, member_id, content, criticism)
				VALUES (:item, :speaker, :member, :content, :criticism)
				""")
			.param("item", itemId)
			.param("speaker", speaker.strip())
			.param("member", memberId)
			.param("content", content.strip())
			.param("criticism", criticism)
			.update();
		bump(minutesId);
		this.audit.record(user.username(), "SPEECH", "minutes", minutesId, null,
				Map.of("item", itemId, "speaker", speaker));
	}

	/** Assigns a task of the resolution to a named member with a deadline. */
	@Transactional
	public long addTask(CurrentUser user, long minutesId, String description, Long assigneeId, String assigneeName,
			LocalDate dueOn) {
		Minutes minutes = editable(user, minutesId);
		if (description == null || description.isBlank()) {
			throw new InvalidInputException("taskDescription", "error.required");
		}
		if (assigneeName == null || assigneeName.isBlank()) {
			throw new InvalidInputException("taskAssignee", "meeting.error.task.assignee");
		}
		if (dueOn == null) {
			throw new InvalidInputException("taskDueOn", "error.required");
		}
		Meeting m = this.meetings.get(user, minutes.meetingId());
		if (dueOn.isBefore(m.date())) {
			throw new InvalidInputException("taskDueOn", "meeting.error.task.due");
		}
		long id = this.jdbc.sql("""
				INSERT INTO meeting_task (meeting_id, minutes_id, description, assignee_id, assignee_name, due_on,
				  created_by) VALUES (:m, :mi, :d, :aid, :aname, :due, :actor) RETURNING id
				""")
			.param("m", minutes.meetingId())
			.param("mi", minutesId)
			.param("d", description.strip())
			.param("aid", assigneeId)
			.param("aname", assigneeName.strip())
			.param("due", dueOn)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		bump(minutesId);
		this.audit.record(user.username(), "TASK", "minutes", minutesId, null, Map.of("task", id));
		return id;
	}

	/**
	 * Marks a task done (allowed after the minutes are locked: it is follow-up, not the
	 * record).
	 */
	@Transactional
	public void completeTask(CurrentUser user, long taskId, LocalDate doneOn, String note) {
		Minutes.Task task = this.jdbc.sql("""
				SELECT id, meeting_id, description, assignee_id, assignee_name, due_on, done_on, done_note, version
				FROM meeting_task WHERE id = :id
				""")
			.param("id", taskId)
			.query(MeetingMinutes::mapTask)
			.optional()
			.orElseThrow(() -> new NotFoundException("task " + taskId));
		this.meetings.get(user, task.meetingId());
		if (doneOn == null) {
			throw new InvalidInputException("taskDoneOn", "error.required");
		}
		if (doneOn.isAfter(this.today.date())) {
			throw new InvalidInputException("taskDoneOn", "meeting.error.held.future");
		}
		if (task.doneOn() != null) {
			throw new RuleViolationException("meeting.error.task.done");
		}
		this.meetings.update("""
				UPDATE meeting_task SET done_on = :done, done_note = :note, version = version + 1
				WHERE id = :id AND version = :v
				""", CellMeetings.params("done", doneOn, "note", CellMeetings.blankToNull(note), "id", taskId, "v",
				task.version()));
		this.audit.record(user.username(), "DONE", "meeting_task", taskId, task, Map.of("doneOn", doneOn));
	}

	/** Approves the draft as read back at the meeting. */
	@Transactional
	public void approve(CurrentUser user, long minutesId) {
		Minutes before = editable(user, minutesId);
		Meeting m = this.meetings.get(user, before.meetingId());
		this.jdbc.sql("""
				UPDATE minutes SET status = 'APPROVED', approved_on = :on, version = version + 1 WHERE id = :id
				""").param("on", m.heldOn() != null ? m.heldOn() : this.today.date()).param("id", minutesId).update();
		this.audit.record(user.username(), "APPROVE", "minutes", minutesId, before.status(), MinutesStatus.APPROVED);
	}

	/**
	 * Locks approved minutes into the book; from then on only a correction changes them.
	 */
	@Transactional
	public void lock(CurrentUser user, long minutesId) {
		Minutes before = get(user, minutesId);
		if (before.status() != MinutesStatus.APPROVED || before.superseded()) {
			throw new RuleViolationException("meeting.error.minutes.lock-approved");
		}
		this.jdbc.sql("UPDATE minutes SET status = 'LOCKED', locked_on = :on, version = version + 1 WHERE id = :id")
			.param("on", this.today.date())
			.param("id", minutesId)
			.update();
		this.audit.record(user.username(), "LOCK", "minutes", minutesId, before.status(), MinutesStatus.LOCKED);
	}

	/**
	 * Corrects approved or locked minutes: a new draft version with the same content,
	 * linked to the one it corrects, which stays in the book marked as superseded.
	 */
	@Transactional
	public long correct(CurrentUser user, long minutesId, String reason) {
		Minutes old = get(user, minutesId);
		if (old.superseded()) {
			throw new RuleViolationException("meeting.error.minutes.superseded");
		}
		if (old.status() == MinutesStatus.DRAFT) {
			throw new RuleViolationException("meeting.error.minutes.correct-draft");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "meeting.error.minutes.correction-reason");
		}
		this.jdbc.sql("UPDATE minutes SET superseded = true, version = version + 1 WHERE id = :id")
			.param("id", minutesId)
			.update();
		long id = insertMinutes(old.meetingId(), old.versionNo() + 1, minutesId, reason.strip(), old.chairName(),
				old.recorderName(), old.opening(), old.resolution(), old.closing(), user.username());
		for (Minutes.Item item : old.items()) {
			long itemId = insertItem(id, item.position(), item.kind(), item.title(), item.report(), item.conclusion());
			for (Minutes.Speech s : item.speeches()) {
				this.jdbc.sql("""
						INSERT INTO minutes_speech (item_id, speaker_name, member_id, content, criticism)
						VALUES (:item, :speaker, :member, :content, :criticism)
						""")
					.param("item", itemId)
					.param("speaker", s.speakerName())
					.param("member", s.memberId())
					.param("content", s.content())
					.param("criticism", s.criticism())
					.update();
			}
		}
		this.audit.record(user.username(), "CORRECT", "minutes", id, Map.of("corrects", minutesId),
				Map.of("reason", reason));
		return id;
	}

	private static void requireItem(Minutes minutes, long itemId) {
		if (minutes.items().stream().noneMatch((i) -> i.id() == itemId)) {
			throw new NotFoundException("item " + itemId);
		}
	}

	private void bump(long minutesId) {
		this.jdbc.sql("UPDATE minutes SET version = version + 1 WHERE id = :id").param("id", minutesId).update();
	}

	/** Open tasks (not done) of meetings in a subtree, oldest deadline first. */
	public List<Minutes.Task> openTasks(CurrentUser user, Long organizationId, int limit) {
		String sql = """
				SELECT t.id, t.meeting_id, t.description, t.assignee_id, t.assignee_name, t.due_on, t.done_on,
				  t.done_note, t.version
				FROM meeting_task t JOIN meeting m ON m.id = t.meeting_id
				WHERE t.done_on IS NULL AND t.closed_reason IS NULL AND """ + CellMeetings.VISIBLE
				+ (organizationId != null ? " AND " + CellMeetings.inSubtree("m") : "")
				+ " ORDER BY t.due_on, t.id LIMIT :limit";
		var spec = this.jdbc.sql(sql)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("limit", limit);
		if (organizationId != null) {
			spec = spec.param("org", organizationId);
		}
		return new ArrayList<>(spec.query(MeetingMinutes::mapTask).list());
	}

}
