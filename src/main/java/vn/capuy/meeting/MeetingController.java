package vn.capuy.meeting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Pages of meetings: the list and plan, one meeting (preparation, agenda, attendance,
 * minutes, votes, quality, delegates), the dashboard, the superior's guidance, and the
 * settings (agenda templates, scoring sheets, import mappings). Forms post, redirect and
 * show the outcome; a refused form shows the rule.
 */
@Controller
class MeetingController {

	private final CellMeetings meetings;

	private final MeetingAttendance attendance;

	private final MeetingMinutes minutes;

	private final MeetingVotes votes;

	private final MeetingQuality quality;

	private final MeetingStatistics statistics;

	private final MinutesDocuments documents;

	private final OrganizationTree tree;

	private final Today today;

	private final Messages messages;

	MeetingController(CellMeetings meetings, MeetingAttendance attendance, MeetingMinutes minutes, MeetingVotes votes,
			MeetingQuality quality, MeetingStatistics statistics, MinutesDocuments documents, OrganizationTree tree,
			Today today, Messages messages) {
		this.meetings = meetings;
		this.attendance = attendance;
		this.minutes = minutes;
		this.votes = votes;
		this.quality = quality;
		this.statistics = statistics;
		this.documents = documents;
		this.tree = tree;
		this.today = today;
		this.messages = messages;
	}

	private List<Organization> organizations(CurrentUser user, LocalDate date) {
		return this.tree.list(user, date)
			.stream()
			.sorted((a, b) -> VietnameseText.collator().compare(a.name(), b.name()))
			.toList();
	}

	@GetMapping("/meetings")
	String list(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) MeetingKind kind, @RequestParam(required = false) MeetingStatus status,
			@RequestParam(required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		CurrentUser user = CurrentUser.get();
		LocalDate now = this.today.date();
		LocalDate f = from != null ? from : now.withDayOfMonth(1).minusMonths(2);
		LocalDate t = to != null ? to : now.withDayOfMonth(1).plusMonths(2).minusDays(1);
		if (organizationId != null) {
			this.meetings.requireOrganization(user, organizationId);
		}
		Page<Meeting> result = this.meetings.list(user,
				new CellMeetings.Query(organizationId, f, t, kind, status, Page.page(page), Page.DEFAULT_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		model.addAttribute("today", now);
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("statuses", MeetingStatus.values());
		model.addAttribute("organizations", organizations(user, now));
		model.addAttribute("year", now.getYear());
		return htmx != null ? "meeting/list :: results" : "meeting/list";
	}

	@PostMapping("/meetings/plan")
	String plan(@RequestParam long organizationId, @RequestParam int year, RedirectAttributes redirect) {
		return run(redirect,
				"/meetings?organizationId=" + organizationId + "&from=" + year + "-01-01&to=" + year + "-12-31", () -> {
					int added = this.meetings.plan(MeetingApi.writer(), organizationId, year);
					redirect.addFlashAttribute("done",
							this.messages.get("meeting.done.planned", added, String.valueOf(year)));
				});
	}

	@PostMapping("/meetings/new")
	String create(@RequestParam long organizationId, @RequestParam MeetingKind kind,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String title, @RequestParam(required = false) String place,
			RedirectAttributes redirect) {
		try {
			long id = this.meetings.create(MeetingApi.writer(), organizationId, kind, date, title, place);
			return "redirect:/meetings/" + id;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		return "redirect:/meetings";
	}

	@GetMapping("/meetings/{id}")
	String meeting(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUser.get();
		Meeting m = this.meetings.get(user, id);
		model.addAttribute("m", m);
		model.addAttribute("today", this.today.date());
		model.addAttribute("checklist", this.meetings.checklist(m));
		model.addAttribute("agenda", this.meetings.agenda(user, id));
		model.addAttribute("agendaText", CellMeetings.formatTemplate(this.meetings.agenda(user, id)));
		model.addAttribute("moves", this.meetings.moves(user, id));
		model.addAttribute("notifications", this.meetings.notifications(user, id));
		model.addAttribute("roll", this.attendance.roll(user, id));
		model.addAttribute("mappings", this.attendance.mappings());
		model.addAttribute("attendanceStatuses", List.of(AttendanceStatus.PRESENT, AttendanceStatus.LATE,
				AttendanceStatus.ABSENT_EXCUSED, AttendanceStatus.ABSENT_UNEXCUSED));
		Minutes current = this.minutes.current(user, id).orElse(null);
		model.addAttribute("minutes", current);
		model.addAttribute("versions", this.minutes.versions(user, id));
		model.addAttribute("votes", this.votes.votes(user, id));
		model.addAttribute("voteKinds", VoteKind.values());
		model.addAttribute("voteMappings", this.votes.mappings());
		model.addAttribute("entitlement", this.votes.entitlement(user, id));
		model.addAttribute("score", this.quality.score(user, id).orElse(null));
		model.addAttribute("checks", this.quality.checks(user, id));
		model.addAttribute("sheet", m.status() == MeetingStatus.HELD ? sheetOrNull(m) : null);
		model.addAttribute("delegates", m.kind().isConference() ? this.meetings.delegates(user, id) : List.of());
		model.addAttribute("tasks", this.minutes.tasks(id));
		return "meeting/meeting";
	}

	private MeetingQuality.Sheet sheetOrNull(Meeting m) {
		try {
			return this.quality.sheetFor(m);
		}
		catch (RuleViolationException ex) {
			return null;
		}
	}

	@PostMapping("/meetings/{id}/move")
	String move(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return run(redirect, id, () -> this.meetings.move(MeetingApi.writer(), id, date, reason));
	}

	@PostMapping("/meetings/{id}/hold")
	String hold(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) Integer durationMinutes, @RequestParam(required = false) String place,
			@RequestParam(required = false) String subject, RedirectAttributes redirect) {
		return run(redirect, id,
				() -> this.meetings.hold(MeetingApi.writer(), id, heldOn, durationMinutes, place, subject));
	}

	@PostMapping("/meetings/{id}/not-held")
	String notHeld(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return run(redirect, id, () -> this.meetings.notHeld(MeetingApi.writer(), id, reason));
	}

	@PostMapping("/meetings/{id}/tick")
	String tick(@PathVariable long id, @RequestParam CellMeetings.Step step,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			RedirectAttributes redirect) {
		return run(redirect, id, () -> this.meetings.tick(MeetingApi.writer(), id, step, date));
	}

	@PostMapping("/meetings/{id}/notify")
	String notifyFollowers(@PathVariable long id, @RequestParam(required = false) String message,
			RedirectAttributes redirect) {
		return run(redirect, id, () -> this.meetings.notifyFollowers(MeetingApi.writer(), id, message));
	}

	@PostMapping("/meetings/{id}/agenda")
	String agenda(@PathVariable long id, @RequestParam String agenda, RedirectAttributes redirect) {
		return run(redirect, id, () -> this.meetings.saveAgenda(MeetingApi.writer(), id, agenda));
	}

	@PostMapping("/meetings/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return run(redirect, id, () -> {
			List<MeetingAttendance.Mark> marks = new ArrayList<>();
			for (Map.Entry<String, String> e : form.entrySet()) {
				if (e.getKey().startsWith("status_") && !e.getValue().isBlank()) {
					long memberId = Long.parseLong(e.getKey().substring("status_".length()));
					marks.add(new MeetingAttendance.Mark(memberId, AttendanceStatus.valueOf(e.getValue()),
							form.get("reason_" + memberId)));
				}
			}
			this.attendance.record(MeetingApi.writer(), id, marks);
		});
	}

	@PostMapping("/meetings/{id}/attendance/counts")
	String attendanceCounts(@PathVariable long id, @RequestParam int present, @RequestParam int late,
			@RequestParam int excused, @RequestParam int unexcused, RedirectAttributes redirect) {
		return run(redirect, id,
				() -> this.attendance.recordCounts(MeetingApi.writer(), id, present, late, excused, unexcused));
	}

	@PostMapping("/meetings/{id}/attendance/import")
	String importAttendance(@PathVariable long id, @RequestParam long mappingId, @RequestParam MultipartFile file,
			RedirectAttributes redirect) {
		return run(redirect, id, () -> {
			try {
				this.attendance.importFile(MeetingApi.writer(), id, mappingId, file.getOriginalFilename(),
						file.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@PostMapping("/meetings/{id}/minutes")
	String startMinutes(@PathVariable long id, @RequestParam(required = false) String chairName,
			@RequestParam(required = false) String recorderName, RedirectAttributes redirect) {
		return run(redirect, id, () -> this.minutes.start(MeetingApi.writer(), id, chairName, recorderName));
	}

	@PostMapping("/meetings/{id}/minutes/{minutesId}")
	String editMinutes(@PathVariable long id, @PathVariable long minutesId,
			@RequestParam(required = false) String chairName, @RequestParam(required = false) String recorderName,
			@RequestParam(required = false) String opening, @RequestParam(required = false) String resolution,
			@RequestParam(required = false) String closing, @RequestParam int version, RedirectAttributes redirect) {
		return run(redirect, id, () -> this.minutes.edit(MeetingApi.writer(), minutesId, chairName, recorderName,
				opening, resolution, closing, version));
	}

	@PostMapping("/meetings/{id}/minutes/{minutesId}/items/{itemId}")
	String editItem(@PathVariable long id, @PathVariable long minutesId, @PathVariable long itemId,
			@RequestParam(required = false) String report, @RequestParam(required = false) String conclusion,
			RedirectAttributes redirect) {
		return run(redirect, id,
				() -> this.minutes.editItem(MeetingApi.writer(), minutesId, itemId, report, conclusion));
	}

	@PostMapping("/meetings/{id}/minutes/{minutesId}/items/{itemId}/speech")
	String speech(@PathVariable long id, @PathVariable long minutesId, @PathVariable long itemId,
			@RequestParam(required = false) String speaker, @RequestParam(required = false) String content,
			@RequestParam(defaultValue = "false") boolean criticism, RedirectAttributes redirect) {
		return run(redirect, id, () -> this.minutes.addSpeech(MeetingApi.writer(), minutesId, itemId, speaker, null,
				content, criticism));
	}

	@PostMapping("/meetings/{id}/minutes/{minutesId}/tasks")
	String task(@PathVariable long id, @PathVariable long minutesId, @RequestParam(required = false) String description,
			@RequestParam(required = false) Long assigneeId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		return run(redirect, id, () -> {
			CurrentUser user = MeetingApi.writer();
			String name = assigneeId == null ? null
					: this.attendance.roll(user, id)
						.stream()
						.filter((e) -> e.memberId() == assigneeId)
						.map(MeetingAttendance.Entry::name)
						.findFirst()
						.orElse(null);
			this.minutes.addTask(user, minutesId, description, assigneeId, name, dueOn);
		});
	}

	@PostMapping("/meetings/{id}/minutes/{minutesId}/{action}")
	String lifecycle(@PathVariable long id, @PathVariable long minutesId, @PathVariable String action,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return run(redirect, id, () -> {
			CurrentUser user = MeetingApi.writer();
			switch (action) {
				case "approve" -> this.minutes.approve(user, minutesId);
				case "lock" -> this.minutes.lock(user, minutesId);
				case "correct" -> this.minutes.correct(user, minutesId, reason);
				default -> throw new vn.capuy.system.NotFoundException(action);
			}
		});
	}

	@PostMapping("/meetings/{id}/tasks/{taskId}/done")
	String done(@PathVariable long id, @PathVariable long taskId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return run(redirect, id, () -> this.minutes.completeTask(MeetingApi.writer(), taskId, doneOn, note));
	}

	@PostMapping("/meetings/{id}/votes")
	String vote(@PathVariable long id, @RequestParam(required = false) VoteKind kind,
			@RequestParam(required = false) String subject, @RequestParam int votesFor, @RequestParam int votesAgainst,
			@RequestParam int abstentions, @RequestParam(required = false) Integer present,
			RedirectAttributes redirect) {
		return run(redirect, id, () -> this.votes.record(MeetingApi.writer(), id, kind, subject, votesFor, votesAgainst,
				abstentions, present, "TYPED"));
	}

	@PostMapping("/meetings/{id}/votes/import")
	String importVotes(@PathVariable long id, @RequestParam long mappingId, @RequestParam MultipartFile file,
			RedirectAttributes redirect) {
		return run(redirect, id, () -> {
			try {
				this.votes.importFile(MeetingApi.writer(), id, mappingId, file.getOriginalFilename(), file.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@PostMapping("/meetings/{id}/quality")
	String score(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return run(redirect, id, () -> {
			Map<Long, Integer> points = new HashMap<>();
			for (Map.Entry<String, String> e : form.entrySet()) {
				if (e.getKey().startsWith("c_") && !e.getValue().isBlank()) {
					try {
						points.put(Long.parseLong(e.getKey().substring(2)), Integer.parseInt(e.getValue().strip()));
					}
					catch (NumberFormatException ex) {
						throw new InvalidInputException("qualityPoints", "meeting.error.quality.number", e.getValue());
					}
				}
			}
			this.quality.fill(MeetingApi.writer(), id, points);
		});
	}

	@PostMapping("/meetings/{id}/delegates")
	String delegate(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String role, @RequestParam(defaultValue = "false") boolean attended,
			@RequestParam(defaultValue = "false") boolean speaker, RedirectAttributes redirect) {
		return run(redirect, id,
				() -> this.meetings.addDelegate(MeetingApi.writer(), id, name, role, attended, speaker));
	}

	@GetMapping("/meetings/{id}/minutes.docx")
	ResponseEntity<byte[]> minutesDocx(@PathVariable long id) {
		return MeetingApi.file(this.documents.minutesDocx(CurrentUser.get(), id), MeetingApi.DOCX,
				"bien-ban-" + id + ".docx");
	}

	@GetMapping("/meetings/book.docx")
	ResponseEntity<byte[]> bookDocx(@RequestParam long organizationId, @RequestParam int year) {
		return MeetingApi.file(this.documents.bookDocx(CurrentUser.get(), organizationId, year), MeetingApi.DOCX,
				"so-bien-ban-" + organizationId + "-" + year + ".docx");
	}

	@GetMapping("/meetings/book.pdf")
	ResponseEntity<byte[]> bookPdf(@RequestParam long organizationId, @RequestParam int year) {
		return MeetingApi.file(this.documents.bookPdf(CurrentUser.get(), organizationId, year),
				MediaType.APPLICATION_PDF, "so-bien-ban-" + organizationId + "-" + year + ".pdf");
	}

	@GetMapping("/meetings/dashboard")
	String dashboard(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		CurrentUser user = CurrentUser.get();
		LocalDate now = this.today.date();
		LocalDate f = from != null ? from : LocalDate.of(now.getYear(), 1, 1);
		LocalDate t = to != null ? to : now;
		if (organizationId != null) {
			this.meetings.requireOrganization(user, organizationId);
		}
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		model.addAttribute("organizations", organizations(user, now));
		model.addAttribute("figures", this.statistics.figures(user.scope(), organizationId, f, t));
		List<MeetingStatistics.Line> lines = this.statistics.perOrganization(user.scope(), organizationId, f, t);
		Map<Long, String> names = new HashMap<>();
		for (Organization o : this.tree.list(user, t)) {
			names.put(o.id(), o.name());
		}
		for (MeetingStatistics.Line l : lines) {
			names.computeIfAbsent(l.organizationId(), (k) -> this.tree.getLatestVisible(user, k).name());
		}
		model.addAttribute("lines", lines);
		model.addAttribute("names", names);
		model.addAttribute("quarters", this.statistics.thematicPerQuarter(user.scope(), organizationId, f, t));
		model.addAttribute("openTasks", this.minutes.openTasks(user, organizationId, 50));
		model.addAttribute("flags",
				organizationId == null ? List.of() : this.attendance.removalFlags(user, organizationId, t.getYear()));
		model.addAttribute("today", now);
		return htmx != null ? "meeting/dashboard :: results" : "meeting/dashboard";
	}

	@GetMapping("/meetings/guidance")
	String guidance(Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("guidance", this.meetings.guidance(user, 100));
		model.addAttribute("organizations", organizations(user, this.today.date()));
		model.addAttribute("month", YearMonth.from(this.today.date()).plusMonths(1));
		return "meeting/guidance";
	}

	@PostMapping("/meetings/guidance")
	String issueGuidance(@RequestParam long organizationId, @RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			RedirectAttributes redirect) {
		return run(redirect, "/meetings/guidance",
				() -> this.meetings.issueGuidance(MeetingApi.writer(), organizationId, month, title, body));
	}

	@GetMapping("/meetings/settings")
	String settings(@RequestParam(required = false) Long organizationId,
			@RequestParam(defaultValue = "REGULAR") MeetingKind kind, Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("template", this.meetings.templateFor(user, organizationId, kind));
		model.addAttribute("organizations", organizations(user, this.today.date()));
		model.addAttribute("sheets", this.quality.sheets(user));
		model.addAttribute("mappings", this.attendance.mappings());
		model.addAttribute("voteMappings", this.votes.mappings());
		return "meeting/settings";
	}

	@PostMapping("/meetings/settings/template")
	String saveTemplate(@RequestParam(required = false) Long organizationId, @RequestParam MeetingKind kind,
			@RequestParam String items, RedirectAttributes redirect) {
		return run(redirect,
				"/meetings/settings?kind=" + kind + (organizationId == null ? "" : "&organizationId=" + organizationId),
				() -> this.meetings.saveTemplate(MeetingApi.writer(), organizationId, kind, items));
	}

	@PostMapping("/meetings/settings/sheet")
	String saveSheet(@RequestParam long organizationId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String kinds, @RequestParam(required = false) String criteria,
			@RequestParam int goodMin, @RequestParam int fairMin, @RequestParam int averageMin,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String sourceDocument, RedirectAttributes redirect) {
		return run(redirect, "/meetings/settings", () -> this.quality.saveSheet(MeetingApi.writer(), organizationId,
				name, kinds, criteria, goodMin, fairMin, averageMin, validFrom, sourceDocument));
	}

	@PostMapping("/meetings/settings/mapping")
	String saveMapping(@RequestParam(defaultValue = "0") long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String nameColumn, @RequestParam(required = false) String cardColumn,
			@RequestParam(required = false) String statusColumn, @RequestParam(required = false) String reasonColumn,
			@RequestParam(required = false) String presentValues, @RequestParam(required = false) String lateValues,
			@RequestParam(required = false) String excusedValues,
			@RequestParam(required = false) String unexcusedValues, RedirectAttributes redirect) {
		return run(redirect, "/meetings/settings",
				() -> this.attendance.saveMapping(MeetingApi.writer(),
						new MeetingAttendance.Mapping(id, name, nameColumn, cardColumn, statusColumn, reasonColumn,
								presentValues, lateValues, excusedValues, unexcusedValues)));
	}

	@PostMapping("/meetings/settings/vote-mapping")
	String saveVoteMapping(@RequestParam(defaultValue = "0") long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String subjectColumn, @RequestParam(required = false) String kindColumn,
			@RequestParam(required = false) String forColumn, @RequestParam(required = false) String againstColumn,
			@RequestParam(required = false) String abstainColumn, @RequestParam(required = false) String presentColumn,
			@RequestParam(required = false) String resolutionValues,
			@RequestParam(required = false) String admissionValues,
			@RequestParam(required = false) String fullMembershipValues,
			@RequestParam(required = false) String personnelValues, RedirectAttributes redirect) {
		return run(redirect, "/meetings/settings",
				() -> this.votes.saveMapping(MeetingApi.writer(),
						new MeetingVotes.Mapping(id, name, subjectColumn, kindColumn, forColumn, againstColumn,
								abstainColumn, presentColumn, resolutionValues, admissionValues, fullMembershipValues,
								personnelValues)));
	}

	private String run(RedirectAttributes redirect, long id, Runnable action) {
		return run(redirect, "/meetings/" + id, action);
	}

	private String run(RedirectAttributes redirect, String target, Runnable action) {
		try {
			action.run();
			if (!redirect.getFlashAttributes().containsKey("done")) {
				redirect.addFlashAttribute("done", this.messages.get("meeting.done.saved"));
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", this.messages.describe(ex));
		}
		return "redirect:" + target;
	}

}
