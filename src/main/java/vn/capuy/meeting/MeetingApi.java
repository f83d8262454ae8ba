package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.system.Page;

/**
 * Meetings over JSON: the list for a period, one meeting, the plan, holding, attendance,
 * minutes and their lifecycle, votes, the minutes as DOCX, and the statistics.
 */
@RestController
class MeetingApi {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final CellMeetings meetings;

	private final MeetingAttendance attendance;

	private final MeetingMinutes minutes;

	private final MeetingVotes votes;

	private final MeetingQuality quality;

	private final MeetingStatistics statistics;

	private final MinutesDocuments documents;

	MeetingApi(CellMeetings meetings, MeetingAttendance attendance, MeetingMinutes minutes, MeetingVotes votes,
			MeetingQuality quality, MeetingStatistics statistics, MinutesDocuments documents) {
		this.meetings = meetings;
		this.attendance = attendance;
		this.minutes = minutes;
		this.votes = votes;
		this.quality = quality;
		this.statistics = statistics;
		this.documents = documents;
	}

	/** Writers: those who edit the register in their scope, and leaders (who approve). */
	static CurrentUser writer() {
		CurrentUser user = CurrentUser.get();
		if (!user.editsRegister() && !user.has(Role.LEADER) && !user.isAdministrator()) {
			throw new org.springframework.security.access.AccessDeniedException("meetings");
		}
		return user;
	}

	/** A meeting in the API. */
	record Item(long id, long organizationId, String organizationName, MeetingKind type, String title, LocalDate date,
			LocalDate scheduledOn, LocalDate plannedOn, LocalDate heldOn, MeetingStatus status, boolean onTime,
			Integer durationMinutes, Meeting.Attendance attendance, boolean hasMinutes) {

		static Item of(Meeting m) {
			return new Item(m.id(), m.organizationId(), m.organizationName(), m.kind(), m.title(), m.date(),
					m.scheduledOn(), m.plannedOn(), m.heldOn(), m.status(), m.onTime(), m.durationMinutes(),
					m.attendance(), m.hasMinutes());
		}

	}

	@GetMapping("/api/v1/meetings")
	Page<Item> list(@RequestParam(required = false) Long organizationId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) MeetingKind type, @RequestParam(required = false) MeetingStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.meetings
			.list(CurrentUser.get(),
					new CellMeetings.Query(organizationId, from, to, type, status, Page.page(page), Page.size(size)))
			.map(Item::of);
	}

	@GetMapping("/api/v1/meetings/{id}")
	Map<String, Object> get(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		Meeting m = this.meetings.get(user, id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("meeting", Item.of(m));
		body.put("checklist", this.meetings.checklist(m));
		body.put("agenda", this.meetings.agenda(user, id));
		body.put("moves", this.meetings.moves(user, id));
		body.put("minutes", this.minutes.current(user, id).orElse(null));
		body.put("votes", this.votes.votes(user, id));
		body.put("quality", this.quality.score(user, id).orElse(null));
		return body;
	}

	/** A request to plan a year. */
	record PlanRequest(long organizationId, int year) {
	}

	@PostMapping("/api/v1/meetings/plan")
	Map<String, Object> plan(@RequestBody PlanRequest request) {
		return Map.of("added", this.meetings.plan(writer(), request.organizationId(), request.year()));
	}

	/** A request to create a meeting outside the plan. */
	record CreateRequest(long organizationId, MeetingKind type, LocalDate date, String title, String place) {
	}

	@PostMapping("/api/v1/meetings")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody CreateRequest r) {
		return Map.of("id",
				this.meetings.create(writer(), r.organizationId(), r.type(), r.date(), r.title(), r.place()));
	}

	/** A move, a hold or a not-held. */
	record ChangeRequest(LocalDate date, String reason, Integer durationMinutes, String place, String subject) {
	}

	@PostMapping("/api/v1/meetings/{id}/move")
	Map<String, Object> move(@PathVariable long id, @RequestBody ChangeRequest r) {
		this.meetings.move(writer(), id, r.date(), r.reason());
		return Map.of("id", id);
	}

	@PostMapping("/api/v1/meetings/{id}/hold")
	Map<String, Object> hold(@PathVariable long id, @RequestBody ChangeRequest r) {
		this.meetings.hold(writer(), id, r.date(), r.durationMinutes(), r.place(), r.subject());
		return Map.of("id", id);
	}

	@PostMapping("/api/v1/meetings/{id}/not-held")
	Map<String, Object> notHeld(@PathVariable long id, @RequestBody ChangeRequest r) {
		this.meetings.notHeld(writer(), id, r.reason());
		return Map.of("id", id);
	}

	/** Attendance as rows. */
	record AttendanceRequest(List<MeetingAttendance.Mark> marks) {
	}

	@PostMapping("/api/v1/meetings/{id}/attendance")
	Meeting.Attendance attendance(@PathVariable long id, @RequestBody AttendanceRequest r) {
		return this.attendance.record(writer(), id, r.marks() == null ? List.of() : r.marks());
	}

	@GetMapping("/api/v1/meetings/{id}/attendance")
	List<MeetingAttendance.Entry> roll(@PathVariable long id) {
		return this.attendance.roll(CurrentUser.get(), id);
	}

	/** Starts minutes. */
	record MinutesRequest(String chairName, String recorderName, String opening, String resolution, String closing,
			Integer version, String reason) {
	}

	@PostMapping("/api/v1/meetings/{id}/minutes")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> startMinutes(@PathVariable long id, @RequestBody MinutesRequest r) {
		return Map.of("id", this.minutes.start(writer(), id, r.chairName(), r.recorderName()));
	}

	@GetMapping("/api/v1/minutes/{id}")
	Minutes minutes(@PathVariable long id) {
		return this.minutes.get(CurrentUser.get(), id);
	}

	@PostMapping("/api/v1/minutes/{id}")
	Minutes editMinutes(@PathVariable long id, @RequestBody MinutesRequest r) {
		CurrentUser user = writer();
		this.minutes.edit(user, id, r.chairName(), r.recorderName(), r.opening(), r.resolution(), r.closing(),
				r.version() == null ? -1 : r.version());
		return this.minutes.get(user, id);
	}

	/** An item's text, a speech, or a task. */
	record ItemRequest(String report, String conclusion, String speaker, Long memberId, String content,
			boolean criticism) {
	}

	@PostMapping("/api/v1/minutes/{id}/items/{itemId}")
	Minutes editItem(@PathVariable long id, @PathVariable long itemId, @RequestBody ItemRequest r) {
		CurrentUser user = writer();
		this.minutes.editItem(user, id, itemId, r.report(), r.conclusion());
		return this.minutes.get(user, id);
	}

	@PostMapping("/api/v1/minutes/{id}/items/{itemId}/speeches")
	Minutes speech(@PathVariable long id, @PathVariable long itemId, @RequestBody ItemRequest r) {
		CurrentUser user = writer();
		this.minutes.addSpeech(user, id, itemId, r.speaker(), r.memberId(), r.content(), r.criticism());
		return this.minutes.get(user, id);
	}

	/** A task of the resolution. */
	record TaskRequest(String description, Long assigneeId, String assigneeName, LocalDate dueOn, LocalDate doneOn,
			String note) {
	}

	@PostMapping("/api/v1/minutes/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> task(@PathVariable long id, @RequestBody TaskRequest r) {
		return Map.of("id",
				this.minutes.addTask(writer(), id, r.description(), r.assigneeId(), r.assigneeName(), r.dueOn()));
	}

	@PostMapping("/api/v1/meeting-tasks/{id}/done")
	Map<String, Object> done(@PathVariable long id, @RequestBody TaskRequest r) {
		this.minutes.completeTask(writer(), id, r.doneOn(), r.note());
		return Map.of("id", id);
	}

	@PostMapping("/api/v1/minutes/{id}/approve")
	Minutes approve(@PathVariable long id) {
		CurrentUser user = writer();
		this.minutes.approve(user, id);
		return this.minutes.get(user, id);
	}

	@PostMapping("/api/v1/minutes/{id}/lock")
	Minutes lock(@PathVariable long id) {
		CurrentUser user = writer();
		this.minutes.lock(user, id);
		return this.minutes.get(user, id);
	}

	@PostMapping("/api/v1/minutes/{id}/correct")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> correct(@PathVariable long id, @RequestBody MinutesRequest r) {
		return Map.of("id", this.minutes.correct(writer(), id, r.reason()));
	}

	/** A vote as typed. */
	record VoteRequest(VoteKind kind, String subject, int votesFor, int votesAgainst, int abstentions,
			Integer present) {
	}

	@PostMapping("/api/v1/meetings/{id}/votes")
	@ResponseStatus(HttpStatus.CREATED)
	MeetingVotes.Vote vote(@PathVariable long id, @RequestBody VoteRequest r) {
		return this.votes.record(writer(), id, r.kind(), r.subject(), r.votesFor(), r.votesAgainst(), r.abstentions(),
				r.present(), "TYPED");
	}

	@GetMapping("/api/v1/meetings/{id}/minutes.docx")
	ResponseEntity<byte[]> minutesDocx(@PathVariable long id) {
		return file(this.documents.minutesDocx(CurrentUser.get(), id), DOCX, "bien-ban-" + id + ".docx");
	}

	@GetMapping("/api/v1/meetings/book.docx")
	ResponseEntity<byte[]> bookDocx(@RequestParam long organizationId, @RequestParam int year) {
		return file(this.documents.bookDocx(CurrentUser.get(), organizationId, year), DOCX,
				"so-bien-ban-" + organizationId + "-" + year + ".docx");
	}

	@GetMapping("/api/v1/meetings/book.pdf")
	ResponseEntity<byte[]> bookPdf(@RequestParam long organizationId, @RequestParam int year) {
		return file(this.documents.bookPdf(CurrentUser.get(), organizationId, year), MediaType.APPLICATION_PDF,
				"so-bien-ban-" + organizationId + "-" + year + ".pdf");
	}

	static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(content);
	}

	/** The statistics of a period. */
	record Statistics(LocalDate from, LocalDate to, Long organizationId, long planned, long held, long onTime,
			long late, long missing, long thematic, Double attendanceRate, Map<QualityBand, Long> qualityBands,
			long openTasks, long overdueTasks) {
	}

	@GetMapping("/api/v1/statistics/meetings")
	Statistics statistics(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long organizationId) {
		CurrentUser user = CurrentUser.get();
		if (organizationId != null) {
			this.meetings.requireOrganization(user, organizationId);
		}
		MeetingStatistics.Figures f = this.statistics.figures(user.scope(), organizationId, from, to);
		return new Statistics(from, to, organizationId, f.planned(), f.held(), f.onTime(), f.late(), f.missing(),
				f.thematic(), f.attendanceRate(), f.qualityBands(), f.openTasks(), f.overdueTasks());
	}

}
