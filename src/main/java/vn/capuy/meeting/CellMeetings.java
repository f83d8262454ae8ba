package vn.capuy.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * The meetings of every organisation in the caller's scope: the yearly plan, moves with
 * their reason, holding or not holding, the preparation checklist, the agenda with the
 * superior's guidance, and conference delegates. Every read is scoped in SQL; outside the
 * scope a meeting does not exist (404).
 */
@Service
@Transactional(readOnly = true)
public class CellMeetings {

	/**
	 * A meeting is visible when its organisation was in the caller's scope on its date.
	 */
	static final String VISIBLE = " " + """
			EXISTS (SELECT 1 FROM organization_visible_ever(:roots, :global) v
			        WHERE v.id = m.organization_id AND v.valid_from <= m.scheduled_on
			          AND (v.valid_to IS NULL OR v.valid_to > m.scheduled_on))
			""";

	static final String COLUMNS = """
			m.id, m.organization_id, m.kind, m.period, m.scheduled_on, m.planned_on, m.held_on, m.status,
			m.not_held_reason, m.title, m.place, m.subject, m.combined_with_thematic, m.duration_minutes,
			m.content_agreed_on, m.follower_notified_on, m.documents_uploaded_on, m.expected_count, m.present_count,
			m.late_count, m.excused_count, m.unexcused_count, m.exempt_count, m.attendance_rows,
			EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id) AS has_minutes, m.version
			""";

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final MeetingRules rules;

	private final AuditLog audit;

	private final Today today;

	private final ObjectProvider<CellFollowers> followers;

	CellMeetings(JdbcClient jdbc, OrganizationTree tree, MeetingRules rules, AuditLog audit, Today today,
			ObjectProvider<CellFollowers> followers) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.rules = rules;
		this.audit = audit;
		this.today = today;
		this.followers = followers;
	}

	/** What the meeting list asks. */
	public record Query(Long organizationId, LocalDate from, LocalDate to, MeetingKind kind, MeetingStatus status,
			int page, int size) {
	}

	/**
	 * Meetings planned or held between two dates in the caller's scope, optionally in one
	 * organisation's subtree, by date.
	 */
	public Page<Meeting> list(CurrentUser user, Query query) {
		if (query.from() == null) {
			throw new InvalidInputException("from", "error.required");
		}
		if (query.to() == null) {
			throw new InvalidInputException("toDate", "error.required");
		}
		if (query.to().isBefore(query.from())) {
			throw new InvalidInputException("toDate", "meeting.error.period");
		}
		if (query.organizationId() != null) {
			requireOrganization(user, query.organizationId());
		}
		Map<String, Object> params = new HashMap<>();
		params.put("roots", user.scopeRootArray());
		params.put("global", user.global());
		params.put("from", query.from());
		params.put("to", query.to());
		StringBuilder where = new StringBuilder(" WHERE m.scheduled_on BETWEEN :from AND :to AND " + VISIBLE);
		if (query.organizationId() != null) {
			where.append(" AND ").append(inSubtree("m"));
			params.put("org", query.organizationId());
		}
		if (query.kind() != null) {
			where.append(" AND m.kind = :kind");
			params.put("kind", query.kind().name());
		}
		if (query.status() != null) {
			where.append(" AND m.status = :status");
			params.put("status", query.status().name());
		}
		long total = this.jdbc.sql("SELECT count(*) FROM meeting m" + where).params(params).query(Long.class).single();
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		List<Meeting> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM meeting m" + where
					+ " ORDER BY m.scheduled_on, m.organization_id, m.kind LIMIT :limit OFFSET :offset")
			.params(params)
			.query(CellMeetings::map)
			.list();
		return new Page<>(named(user, items, query.to()), total, query.page(), query.size(), true);
	}

	/**
	 * The condition "the meeting's organisation is in the subtree of :org on the
	 * meeting's date" (the subtree includes predecessors of merged organisations).
	 */
	static String inSubtree(String alias) {
		return " " + """
				EXISTS (SELECT 1 FROM organization_visible_ever(ARRAY[:org]::bigint[], false) s
				        WHERE s.id = %1$s.organization_id AND s.valid_from <= %1$s.scheduled_on
				          AND (s.valid_to IS NULL OR s.valid_to > %1$s.scheduled_on))
				""".formatted(alias);
	}

	/** One meeting, or 404 when it does not exist or lies outside the caller's scope. */
	public Meeting get(CurrentUser user, long id) {
		Meeting meeting = this.jdbc.sql("SELECT " + COLUMNS + " FROM meeting m WHERE m.id = :id AND " + VISIBLE)
			.param("id", id)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(CellMeetings::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("meeting " + id));
		return named(user, List.of(meeting), meeting.date()).get(0);
	}

	/** 404 unless the caller may see the organisation (at some date of its life). */
	public void requireOrganization(CurrentUser user, long organizationId) {
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
	}

	/**
	 * Plans a year of meetings for every organisation in a subtree; answers how many were
	 * added.
	 */
	@Transactional
	public int plan(CurrentUser user, long rootId, int year) {
		if (year < 1990 || year > 2100) {
			throw new InvalidInputException("year", "meeting.error.year");
		}
		this.tree.get(user, rootId, planDate(user, rootId, year));
		List<Planned> planned = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			YearMonth ym = YearMonth.of(year, month);
			LocalDate regular = this.rules.regularDate(ym);
			LocalDate committee = this.rules.committeeDate(ym);
			boolean thematicMonth = month % 3 == 2;
			for (Organization org : subtree(user, rootId, regular)) {
				List<MeetingKind> kinds = MeetingKind.plannedFor(org.type());
				if (kinds.contains(MeetingKind.REGULAR)) {
					planned.add(new Planned(org.id(), MeetingKind.REGULAR, ym.toString(), regular, thematicMonth));
				}
				if (kinds.contains(MeetingKind.THEMATIC) && thematicMonth) {
					int quarter = (month - 1) / 3 + 1;
					int perQuarter = Math.max(1, this.rules.thematicPerQuarter(regular));
					for (int n = 1; n <= perQuarter; n++) {
						planned.add(new Planned(org.id(), MeetingKind.THEMATIC,
								year + "-Q" + quarter + (n > 1 ? "-" + n : ""), regular, true));
					}
				}
			}
			for (Organization org : subtree(user, rootId, committee)) {
				if (MeetingKind.plannedFor(org.type()).contains(MeetingKind.COMMITTEE)) {
					planned.add(new Planned(org.id(), MeetingKind.COMMITTEE, ym.toString(), committee, false));
				}
			}
		}
		List<LocalDate> reviews = this.rules.reviewDates(year);
		for (int h = 0; h < 2; h++) {
			MeetingKind kind = h == 0 ? MeetingKind.MID_YEAR_REVIEW : MeetingKind.YEAR_END_REVIEW;
			for (Organization org : subtree(user, rootId, reviews.get(h))) {
				if (MeetingKind.plannedFor(org.type()).contains(kind)) {
					planned.add(new Planned(org.id(), kind, year + "-H" + (h + 1), reviews.get(h), false));
				}
			}
		}
		int added = insertPlanned(planned, user.username());
		this.audit.record(user.username(), "PLAN", "meeting", rootId, null, Map.of("year", year, "added", added));
		return added;
	}

	private LocalDate planDate(CurrentUser user, long rootId, int year) {
		LocalDate mid = LocalDate.of(year, 7, 1);
		return this.tree.find(user, rootId, mid).isPresent() ? mid
				: this.tree.find(user, rootId, LocalDate.of(year, 12, 31)).isPresent() ? LocalDate.of(year, 12, 31)
						: LocalDate.of(year, 1, 1);
	}

	/** A meeting the plan asks for. */
	record Planned(long organizationId, MeetingKind kind, String period, LocalDate date, boolean combined) {
	}

	/** Inserts planned meetings, skipping those already planned for the period. */
	int insertPlanned(List<Planned> planned, String actor) {
		int added = 0;
		for (Planned p : planned) {
			added += this.jdbc
				.sql("""
						INSERT INTO meeting (organization_id, kind, period, scheduled_on, planned_on, combined_with_thematic,
						  title, created_by)
						VALUES (:org, :kind, :period, :date, :date, :combined, NULL, :actor)
						ON CONFLICT (organization_id, kind, period) WHERE period IS NOT NULL DO NOTHING
						""")
				.param("org", p.organizationId())
				.param("kind", p.kind().name())
				.param("period", p.period())
				.param("date", p.date())
				.param("combined", p.combined() && p.kind() == MeetingKind.REGULAR)
				.param("actor", actor)
				.update();
		}
		return added;
	}

	/** The organisations of a subtree on a date, the root included. */
	List<Organization> subtree(CurrentUser user, long rootId, LocalDate date) {
		List<Organization> all = this.tree.list(user, date);
		Map<Long, List<Organization>> children = new HashMap<>();
		Organization root = null;
		for (Organization o : all) {
			if (o.id() == rootId) {
				root = o;
			}
			if (o.parentId() != null) {
				children.computeIfAbsent(o.parentId(), (k) -> new ArrayList<>()).add(o);
			}
		}
		List<Organization> result = new ArrayList<>();
		if (root == null) {
			return result;
		}
		List<Organization> queue = new ArrayList<>(List.of(root));
		while (!queue.isEmpty()) {
			Organization o = queue.remove(queue.size() - 1);
			result.add(o);
			queue.addAll(children.getOrDefault(o.id(), List.of()));
		}
		return result;
	}

	/** An extraordinary meeting or a conference, outside the plan. */
	@Transactional
	public long create(CurrentUser user, long organizationId, MeetingKind kind, LocalDate date, String title,
			String place) {
		if (kind == null) {
			throw new InvalidInputException("meetingKind", "error.required");
		}
		if (date == null) {
			throw new InvalidInputException("date", "error.required");
		}
		this.tree.get(user, organizationId, date);
		long id = this.jdbc.sql("""
				INSERT INTO meeting (organization_id, kind, scheduled_on, planned_on, title, place, created_by)
				VALUES (:org, :kind, :date, :date, :title, :place, :actor) RETURNING id
				""")
			.param("org", organizationId)
			.param("kind", kind.name())
			.param("date", date)
			.param("title", blankToNull(title))
			.param("place", blankToNull(place))
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "CREATE", "meeting", id, null, get(user, id));
		return id;
	}

	/**
	 * Moves a planned meeting to another date, with its reason; the plan's date stays.
	 */
	@Transactional
	public void move(CurrentUser user, long id, LocalDate to, String reason) {
		Meeting before = get(user, id);
		if (to == null) {
			throw new InvalidInputException("date", "error.required");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "meeting.error.move.reason");
		}
		if (before.status() != MeetingStatus.PLANNED) {
			throw new RuleViolationException("meeting.error.move.not-planned");
		}
		update("UPDATE meeting SET planned_on = :to, version = version + 1 WHERE id = :id AND version = :v",
				Map.of("to", to, "id", id, "v", before.version()));
		this.jdbc.sql("""
				INSERT INTO meeting_move (meeting_id, from_date, to_date, reason, moved_by)
				VALUES (:id, :from, :to, :reason, :actor)
				""")
			.param("id", id)
			.param("from", before.plannedOn())
			.param("to", to)
			.param("reason", reason.strip())
			.param("actor", user.username())
			.update();
		this.audit.record(user.username(), "MOVE", "meeting", id, before, get(user, id));
	}

	/** A recorded move of a meeting's date. */
	public record Move(LocalDate from, LocalDate to, String reason, String movedBy, java.time.OffsetDateTime at) {
	}

	public List<Move> moves(CurrentUser user, long id) {
		get(user, id);
		return this.jdbc
			.sql("""
					SELECT from_date, to_date, reason, moved_by, moved_at FROM meeting_move WHERE meeting_id = :id ORDER BY id
					""")
			.param("id", id)
			.query((rs, n) -> new Move(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getString(3), rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class)))
			.list();
	}

	/** Records that the meeting was held: the date, how long, where, what about. */
	@Transactional
	public void hold(CurrentUser user, long id, LocalDate heldOn, Integer durationMinutes, String place,
			String subject) {
		Meeting before = get(user, id);
		if (heldOn == null) {
			throw new InvalidInputException("heldOn", "error.required");
		}
		if (heldOn.isAfter(this.today.date())) {
			throw new InvalidInputException("heldOn", "meeting.error.held.future");
		}
		if (durationMinutes != null && (durationMinutes <= 0 || durationMinutes > 24 * 60)) {
			throw new InvalidInputException("durationMinutes", "meeting.error.duration");
		}
		update("""
				UPDATE meeting SET status = 'HELD', held_on = :held, duration_minutes = :duration,
				  place = coalesce(:place, place), subject = coalesce(:subject, subject), not_held_reason = NULL,
				  version = version + 1
				WHERE id = :id AND version = :v
				""", params("held", heldOn, "duration", durationMinutes, "place", blankToNull(place), "subject",
				blankToNull(subject), "id", id, "v", before.version()));
		this.audit.record(user.username(), "HOLD", "meeting", id, before, get(user, id));
	}

	/** Records that a planned meeting was not held, and why. */
	@Transactional
	public void notHeld(CurrentUser user, long id, String reason) {
		Meeting before = get(user, id);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.required");
		}
		if (before.hasMinutes()) {
			throw new RuleViolationException("meeting.error.not-held.minutes");
		}
		update("""
				UPDATE meeting SET status = 'NOT_HELD', held_on = NULL, not_held_reason = :reason, version = version + 1
				WHERE id = :id AND version = :v
				""", Map.of("reason", reason.strip(), "id", id, "v", before.version()));
		this.audit.record(user.username(), "NOT_HELD", "meeting", id, before, get(user, id));
	}

	/** Preparation steps of HD 42/2025 (DOMAIN.md §4.2). */
	public enum Step {

		/** The cell committee agreed the content. */
		CONTENT_AGREED,
		/** Documents uploaded to the national e-handbook app. */
		DOCUMENTS_UPLOADED

	}

	/** Ticks a preparation step with its date. */
	@Transactional
	public void tick(CurrentUser user, long id, Step step, LocalDate on) {
		Meeting before = get(user, id);
		if (on == null) {
			throw new InvalidInputException("date", "error.required");
		}
		String column = step == Step.CONTENT_AGREED ? "content_agreed_on" : "documents_uploaded_on";
		update("UPDATE meeting SET " + column + " = :on, version = version + 1 WHERE id = :id AND version = :v",
				Map.of("on", on, "id", id, "v", before.version()));
		this.audit.record(user.username(), "TICK_" + step.name(), "meeting", id, before, get(user, id));
	}

	/**
	 * Notifies the superior committee member(s) who follow the organisation of the
	 * meeting's time, place and content (an in-app notification record each); when nobody
	 * is known (no committee assignments yet), the notice is addressed to the unassigned
	 * role and shown on the meeting page. Answers the notices written.
	 */
	@Transactional
	public int notifyFollowers(CurrentUser user, long id, String message) {
		Meeting meeting = get(user, id);
		List<CellFollowers.Follower> list = this.followers.getIfAvailable(() -> CellFollowers.NONE)
			.followersOf(meeting.organizationId(), meeting.plannedOn());
		String text = message == null || message.isBlank() ? defaultNotice(meeting) : message.strip();
		int written = 0;
		if (list.isEmpty()) {
			written += insertNotification(id, "—", null, "FOLLOWER_UNASSIGNED", text, user.username());
		}
		for (CellFollowers.Follower f : list) {
			written += insertNotification(id, f.name(), f.userId(), "FOLLOWER", text, user.username());
		}
		update("UPDATE meeting SET follower_notified_on = :on, version = version + 1 WHERE id = :id",
				Map.of("on", this.today.date(), "id", id));
		this.audit.record(user.username(), "NOTIFY", "meeting", id, null, Map.of("notices", written));
		return written;
	}

	private String defaultNotice(Meeting m) {
		return m.organizationName() + " — " + m.kind().name() + " — " + m.plannedOn()
				+ (m.place() != null ? " — " + m.place() : "") + (m.subject() != null ? " — " + m.subject() : "");
	}

	private int insertNotification(long meetingId, String name, Long userId, String role, String text, String actor) {
		return this.jdbc.sql("""
				INSERT INTO meeting_notification (meeting_id, recipient_name, recipient_user, recipient_role, message,
				  created_by) VALUES (:m, :name, :user, :role, :text, :actor)
				""")
			.param("m", meetingId)
			.param("name", name)
			.param("user", userId)
			.param("role", role)
			.param("text", text)
			.param("actor", actor)
			.update();
	}

	/** A notification record. */
	public record Notification(String recipientName, String recipientRole, String message, String createdBy,
			java.time.OffsetDateTime createdAt) {
	}

	public List<Notification> notifications(CurrentUser user, long id) {
		get(user, id);
		return this.jdbc.sql("""
				SELECT recipient_name, recipient_role, message, created_by, created_at FROM meeting_notification
				WHERE meeting_id = :id ORDER BY id
				""")
			.param("id", id)
			.query((rs, n) -> new Notification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, java.time.OffsetDateTime.class)))
			.list();
	}

	/** The preparation checklist with what the rules ask. */
	public record Checklist(LocalDate contentAgreedOn, LocalDate followerNotifiedOn, LocalDate documentsUploadedOn,
			LocalDate documentsDeadline, boolean documentsOnTime, boolean complete) {
	}

	public Checklist checklist(Meeting m) {
		java.util.OptionalInt days = this.rules.documentsDaysBefore(m.plannedOn());
		LocalDate deadline = days.isPresent() ? m.plannedOn().minusDays(days.getAsInt()) : null;
		boolean docsOnTime = deadline == null
				|| (m.documentsUploadedOn() != null && !m.documentsUploadedOn().isAfter(deadline));
		boolean complete = m.contentAgreedOn() != null && m.followerNotifiedOn() != null
				&& (deadline == null || docsOnTime);
		return new Checklist(m.contentAgreedOn(), m.followerNotifiedOn(), m.documentsUploadedOn(), deadline, docsOnTime,
				complete);
	}

	// ---- agenda and guidance

	/**
	 * One agenda line: its kind (for the quality checks) and title; guidance when it came
	 * from the superior.
	 */
	public record AgendaItem(String kind, String title, Long guidanceId) {
	}

	/**
	 * The meeting's agenda: the stored one or the template of the nearest committee above
	 * (else the system's), followed by every guidance of the superiors for the meeting's
	 * month not yet on it.
	 */
	public List<AgendaItem> agenda(CurrentUser user, long id) {
		Meeting m = get(user, id);
		List<AgendaItem> items = new ArrayList<>(this.jdbc
			.sql("SELECT kind, title, guidance_id FROM agenda_item WHERE meeting_id = :id ORDER BY position")
			.param("id", id)
			.query((rs, n) -> new AgendaItem(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)))
			.list());
		if (items.isEmpty()) {
			items.addAll(parseTemplate(template(m.organizationId(), m.kind(), m.plannedOn())));
		}
		Set<Long> present = new TreeSet<>();
		items.forEach((i) -> {
			if (i.guidanceId() != null) {
				present.add(i.guidanceId());
			}
		});
		for (Guidance g : guidanceFor(m.organizationId(), m.plannedOn())) {
			if (!present.contains(g.id())) {
				int at = Math.min(items.size(), indexAfterInformation(items));
				items.add(at, new AgendaItem("GUIDANCE", g.title(), g.id()));
			}
		}
		return items;
	}

	private static int indexAfterInformation(List<AgendaItem> items) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).kind().equals("INFORMATION")) {
				return i + 1;
			}
		}
		return items.size();
	}

	/** Replaces the meeting's agenda by lines of {@code KIND|title} (or just a title). */
	@Transactional
	public void saveAgenda(CurrentUser user, long id, String lines) {
		Meeting m = get(user, id);
		if (m.hasMinutes()) {
			throw new RuleViolationException("meeting.error.agenda.minutes");
		}
		List<AgendaItem> before = agenda(user, id);
		List<AgendaItem> items = parseTemplate(lines);
		if (items.isEmpty()) {
			throw new InvalidInputException("meetingAgenda", "error.required");
		}
		Map<String, Long> guidanceByTitle = new HashMap<>();
		before.stream()
			.filter((i) -> i.guidanceId() != null)
			.forEach((i) -> guidanceByTitle.put(i.title(), i.guidanceId()));
		this.jdbc.sql("DELETE FROM agenda_item WHERE meeting_id = :id").param("id", id).update();
		int position = 1;
		for (AgendaItem item : items) {
			this.jdbc.sql("""
					INSERT INTO agenda_item (meeting_id, position, kind, title, guidance_id)
					VALUES (:m, :p, :kind, :title, :g)
					""")
				.param("m", id)
				.param("p", position++)
				.param("kind", item.kind())
				.param("title", item.title())
				.param("g", item.kind().equals("GUIDANCE") ? guidanceByTitle.get(item.title()) : null)
				.update();
		}
		this.audit.record(user.username(), "AGENDA", "meeting", id, before, items);
	}

	static List<AgendaItem> parseTemplate(String text) {
		List<AgendaItem> items = new ArrayList<>();
		if (text == null) {
			return items;
		}
		for (String line : text.split("\\R")) {
			String s = line.strip();
			if (s.isEmpty()) {
				continue;
			}
			int bar = s.indexOf('|');
			String kind = bar > 0 ? s.substring(0, bar).strip().toUpperCase(java.util.Locale.ROOT) : "OTHER";
			String title = bar > 0 ? s.substring(bar + 1).strip() : s;
			if (!kind.matches("[A-Z_]{2,30}")) {
				throw new InvalidInputException("meetingAgenda", "meeting.error.agenda.kind", kind);
			}
			if (title.isEmpty()) {
				throw new InvalidInputException("meetingAgenda", "meeting.error.agenda.title", line);
			}
			items.add(new AgendaItem(kind, title, null));
		}
		return items;
	}

	static String formatTemplate(List<AgendaItem> items) {
		StringBuilder s = new StringBuilder();
		for (AgendaItem i : items) {
			s.append(i.kind()).append('|').append(i.title()).append('\n');
		}
		return s.toString();
	}

	/**
	 * The agenda template in force for an organisation: its nearest committee's, else the
	 * system's.
	 */
	String template(long organizationId, MeetingKind kind, LocalDate date) {
		return this.jdbc
			.sql("""
					SELECT t.items FROM agenda_template t
					WHERE t.kind = :kind AND (t.organization_id IS NULL OR EXISTS (
					  SELECT 1 FROM organization_visible(ARRAY[t.organization_id]::bigint[], false, :d) s WHERE s.id = :org))
					ORDER BY t.organization_id IS NULL,
					  (SELECT count(*) FROM organization_visible(ARRAY[t.organization_id]::bigint[], false, :d))
					LIMIT 1
					""")
			.param("kind", kind.name())
			.param("d", date)
			.param("org", organizationId)
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** The template a committee edits (its own when it has one, else the system's). */
	public String templateFor(CurrentUser user, Long organizationId, MeetingKind kind) {
		if (organizationId == null) {
			return this.jdbc.sql("SELECT items FROM agenda_template WHERE organization_id IS NULL AND kind = :kind")
				.param("kind", kind.name())
				.query(String.class)
				.optional()
				.orElse("");
		}
		this.tree.get(user, organizationId, this.today.date());
		return template(organizationId, kind, this.today.date());
	}

	/**
	 * Saves a committee's own agenda template (the system's when no organisation:
	 * administrators only).
	 */
	@Transactional
	public void saveTemplate(CurrentUser user, Long organizationId, MeetingKind kind, String items) {
		if (organizationId == null && !user.isAdministrator()) {
			throw new org.springframework.security.access.AccessDeniedException("template");
		}
		if (organizationId != null) {
			this.tree.get(user, organizationId, this.today.date());
		}
		List<AgendaItem> parsed = parseTemplate(items);
		if (parsed.isEmpty()) {
			throw new InvalidInputException("meetingAgenda", "error.required");
		}
		String text = formatTemplate(parsed).strip();
		String before = templateFor(user, organizationId, kind);
		int updated = this.jdbc
			.sql("""
					UPDATE agenda_template SET items = :items, updated_by = :actor, updated_at = now(), version = version + 1
					WHERE coalesce(organization_id, 0) = coalesce(:org, 0) AND kind = :kind
					""")
			.param("items", text)
			.param("actor", user.username())
			.param("org", organizationId)
			.param("kind", kind.name())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("""
						INSERT INTO agenda_template (organization_id, kind, items, updated_by) VALUES (:org, :kind, :items, :actor)
						""")
				.param("org", organizationId)
				.param("kind", kind.name())
				.param("items", text)
				.param("actor", user.username())
				.update();
		}
		this.audit.record(user.username(), "TEMPLATE", "agenda_template", kind + "@" + organizationId, before, text);
	}

	/** The superior committee's meeting guidance for a month. */
	public record Guidance(long id, long organizationId, LocalDate month, String title, String body, String createdBy) {
	}

	/**
	 * Issues a committee's guidance for a month; it reaches every agenda of that month in
	 * its subtree.
	 */
	@Transactional
	public long issueGuidance(CurrentUser user, long organizationId, YearMonth month, String title, String body) {
		if (month == null) {
			throw new InvalidInputException("guidanceMonth", "error.required");
		}
		if (title == null || title.isBlank()) {
			throw new InvalidInputException("meetingTitle", "error.required");
		}
		this.tree.get(user, organizationId, month.atDay(1));
		long id = this.jdbc.sql("""
				INSERT INTO meeting_guidance (organization_id, month, title, body, created_by)
				VALUES (:org, :month, :title, :body, :actor) RETURNING id
				""")
			.param("org", organizationId)
			.param("month", month.atDay(1))
			.param("title", title.strip())
			.param("body", body == null ? "" : body.strip())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ISSUE", "meeting_guidance", id, null, Map.of("title", title));
		return id;
	}

	/**
	 * Guidance of every committee above (or at) the organisation for the month of the
	 * date.
	 */
	List<Guidance> guidanceFor(long organizationId, LocalDate date) {
		return this.jdbc.sql("""
				SELECT g.id, g.organization_id, g.month, g.title, g.body, g.created_by FROM meeting_guidance g
				WHERE g.month = date_trunc('month', CAST(:d AS date))::date AND g.closed_reason IS NULL
				  AND EXISTS (SELECT 1 FROM organization_visible(ARRAY[g.organization_id]::bigint[], false, :d) s
				              WHERE s.id = :org)
				ORDER BY g.id
				""").param("d", date).param("org", organizationId).query(CellMeetings::mapGuidance).list();
	}

	/** Guidance issued in the caller's scope, newest first. */
	public List<Guidance> guidance(CurrentUser user, int limit) {
		return this.jdbc.sql("""
				SELECT g.id, g.organization_id, g.month, g.title, g.body, g.created_by FROM meeting_guidance g
				WHERE g.closed_reason IS NULL AND EXISTS (SELECT 1 FROM organization_visible_ever(:roots, :global) v
				  WHERE v.id = g.organization_id)
				ORDER BY g.month DESC, g.id DESC LIMIT :limit
				""")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.param("limit", limit)
			.query(CellMeetings::mapGuidance)
			.list();
	}

	private static Guidance mapGuidance(ResultSet rs, int n) throws SQLException {
		return new Guidance(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
				rs.getString(5), rs.getString(6));
	}

	// ---- conference delegates

	/** A delegate of a conference. */
	public record Delegate(long id, String name, String role, boolean attended, boolean speaker) {
	}

	@Transactional
	public void addDelegate(CurrentUser user, long id, String name, String role, boolean attended, boolean speaker) {
		Meeting m = get(user, id);
		if (!m.kind().isConference()) {
			throw new RuleViolationException("meeting.error.delegates.not-conference");
		}
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("meetingName", "error.required");
		}
		this.jdbc.sql("""
				INSERT INTO meeting_delegate (meeting_id, name, role, attended, speaker)
				VALUES (:m, :name, :role, :attended, :speaker)
				""")
			.param("m", id)
			.param("name", name.strip())
			.param("role", blankToNull(role))
			.param("attended", attended)
			.param("speaker", speaker)
			.update();
		this.audit.record(user.username(), "DELEGATE", "meeting", id, null, Map.of("name", name));
	}

	public List<Delegate> delegates(CurrentUser user, long id) {
		get(user, id);
		return this.jdbc.sql("""
				SELECT id, name, role, attended, speaker FROM meeting_delegate WHERE meeting_id = :m ORDER BY id
				""")
			.param("m", id)
			.query((rs, n) -> new Delegate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getBoolean(5)))
			.list();
	}

	// ---- helpers

	void update(String sql, Map<String, ?> params) {
		int n = this.jdbc.sql(sql).params(params).update();
		if (n != 1) {
			throw new RuleViolationException("error.concurrent-edit");
		}
	}

	static Map<String, Object> params(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/**
	 * Names the organisations of meetings as they were named on a date (or their last
	 * visible name).
	 */
	List<Meeting> named(CurrentUser user, List<Meeting> meetings, LocalDate date) {
		if (meetings.isEmpty()) {
			return meetings;
		}
		Map<Long, String> names = new HashMap<>();
		java.util.Set<Long> ids = new java.util.HashSet<>();
		for (Meeting m : meetings) {
			ids.add(m.organizationId());
		}
		for (Organization o : this.tree.listOf(user, ids, date)) {
			names.put(o.id(), o.name());
		}
		List<Meeting> result = new ArrayList<>();
		for (Meeting m : meetings) {
			String name = names.get(m.organizationId());
			if (name == null) {
				name = this.tree.find(user, m.organizationId(), m.scheduledOn())
					.map(Organization::name)
					.orElseGet(() -> this.tree.getLatestVisible(user, m.organizationId()).name());
				names.put(m.organizationId(), name);
			}
			result.add(new Meeting(m.id(), m.organizationId(), name, m.kind(), m.period(), m.scheduledOn(),
					m.plannedOn(), m.heldOn(), m.status(), m.notHeldReason(), m.title(), m.place(), m.subject(),
					m.combinedWithThematic(), m.durationMinutes(), m.contentAgreedOn(), m.followerNotifiedOn(),
					m.documentsUploadedOn(), m.attendance(), m.hasMinutes(), m.version()));
		}
		return result;
	}

	static Meeting map(ResultSet rs, int n) throws SQLException {
		return new Meeting(rs.getLong("id"), rs.getLong("organization_id"), null,
				MeetingKind.valueOf(rs.getString("kind")), rs.getString("period"),
				rs.getObject("scheduled_on", LocalDate.class), rs.getObject("planned_on", LocalDate.class),
				rs.getObject("held_on", LocalDate.class), MeetingStatus.valueOf(rs.getString("status")),
				rs.getString("not_held_reason"), rs.getString("title"), rs.getString("place"), rs.getString("subject"),
				rs.getBoolean("combined_with_thematic"), (Integer) rs.getObject("duration_minutes"),
				rs.getObject("content_agreed_on", LocalDate.class),
				rs.getObject("follower_notified_on", LocalDate.class),
				rs.getObject("documents_uploaded_on", LocalDate.class),
				new Meeting.Attendance((Integer) rs.getObject("expected_count"),
						(Integer) rs.getObject("present_count"), (Integer) rs.getObject("late_count"),
						(Integer) rs.getObject("excused_count"), (Integer) rs.getObject("unexcused_count"),
						(Integer) rs.getObject("exempt_count"), rs.getBoolean("attendance_rows")),
				rs.getBoolean("has_minutes"), rs.getInt("version"));
	}

}
