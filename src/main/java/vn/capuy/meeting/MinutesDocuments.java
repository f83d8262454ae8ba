package vn.capuy.meeting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.document.Hd36Document;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.Messages;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.PartyDates;

/**
 * The minutes printed: one meeting's minutes in the HD 36 layout (DOCX), and a cell's
 * minutes book of a year in DOCX and PDF (Liberation Serif, metric-compatible with Times
 * New Roman).
 */
@Service
@Transactional(readOnly = true)
public class MinutesDocuments {

	private static final String[][] FONTS = { { "Regular", "400", "NORMAL" }, { "Bold", "700", "NORMAL" },
			{ "Italic", "400", "ITALIC" }, { "BoldItalic", "700", "ITALIC" } };

	private final CellMeetings meetings;

	private final MeetingMinutes minutes;

	private final MeetingAttendance attendance;

	private final OrganizationTree tree;

	private final Messages messages;

	MinutesDocuments(CellMeetings meetings, MeetingMinutes minutes, MeetingAttendance attendance, OrganizationTree tree,
			Messages messages) {
		this.meetings = meetings;
		this.minutes = minutes;
		this.attendance = attendance;
		this.tree = tree;
		this.messages = messages;
	}

	/** One book entry: a meeting and its current minutes. */
	record Entry(Meeting meeting, Minutes minutes) {
	}

	/** One meeting's minutes as DOCX; 404 when the meeting has no minutes. */
	public byte[] minutesDocx(CurrentUser user, long meetingId) {
		Meeting m = this.meetings.get(user, meetingId);
		Minutes mi = this.minutes.current(user, meetingId).orElseThrow(() -> new NotFoundException("minutes"));
		Hd36Document doc = header(user, m.organizationId(), m.date()).placeAndDate(null, m.date())
			.title(this.messages.get("meeting.doc.minutes"), title(m));
		body(doc, new Entry(m, mi));
		return doc.signature(null, this.messages.get("meeting.doc.recorder"), nz(mi.recorderName())).toDocx();
	}

	/** Held meetings of an organisation in a year, each with its current minutes. */
	List<Entry> book(CurrentUser user, long organizationId, int year) {
		List<Entry> entries = new ArrayList<>();
		Page<Meeting> page = this.meetings.list(user, new CellMeetings.Query(organizationId, LocalDate.of(year, 1, 1),
				LocalDate.of(year, 12, 31), null, MeetingStatus.HELD, 0, Page.MAX_SIZE));
		for (Meeting m : page.items()) {
			if (m.organizationId() != organizationId || !m.hasMinutes()) {
				continue;
			}
			this.minutes.current(user, m.id()).ifPresent((mi) -> entries.add(new Entry(m, mi)));
		}
		return entries;
	}

	public byte[] bookDocx(CurrentUser user, long organizationId, int year) {
		Organization org = organization(user, organizationId, year);
		Hd36Document doc = header(user, organizationId, LocalDate.of(year, 12, 31))
			.placeAndDate(null, LocalDate.of(year, 12, 31))
			.title(this.messages.get("meeting.doc.book"),
					this.messages.get("meeting.doc.book.subject", org.name(), String.valueOf(year)));
		List<Entry> entries = book(user, organizationId, year);
		if (entries.isEmpty()) {
			doc.paragraph(this.messages.get("meeting.doc.book.empty"));
		}
		for (Entry e : entries) {
			doc.heading(title(e.meeting()) + " — " + PartyDates.shortForm(e.meeting().date()));
			body(doc, e);
		}
		return doc.toDocx();
	}

	public byte[] bookPdf(CurrentUser user, long organizationId, int year) {
		Organization org = organization(user, organizationId, year);
		StringBuilder html = new StringBuilder();
		html.append("<html><head><meta charset=\"UTF-8\"/><style>")
			.append("body{font-family:'Liberation Serif';font-size:13pt}h1{font-size:15pt;text-align:center}")
			.append("h2{font-size:13pt;page-break-before:always}p{margin:3pt 0;text-align:justify}")
			.append("em{font-style:italic}table{border-collapse:collapse}td,th{border:1px solid #000;padding:2pt}")
			.append("</style></head><body>");
		html.append("<h1>").append(esc(this.messages.get("meeting.doc.book"))).append("</h1>");
		html.append("<p style=\"text-align:center\"><b>")
			.append(esc(this.messages.get("meeting.doc.book.subject", org.name(), String.valueOf(year))))
			.append("</b></p>");
		List<Entry> entries = book(user, organizationId, year);
		if (entries.isEmpty()) {
			html.append("<p>").append(esc(this.messages.get("meeting.doc.book.empty"))).append("</p>");
		}
		for (Entry e : entries) {
			html.append("<h2>")
				.append(esc(title(e.meeting()) + " — " + PartyDates.longForm(e.meeting().date())))
				.append("</h2>");
			for (String[] line : lines(e)) {
				String tag = "b".equals(line[0]) ? "b" : ("i".equals(line[0]) ? "em" : "span");
				html.append("<p><")
					.append(tag)
					.append(">")
					.append(esc(line[1]))
					.append("</")
					.append(tag)
					.append("></p>");
			}
		}
		html.append("</body></html>");
		return pdf(html.toString());
	}

	static byte[] pdf(String xhtml) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			for (String[] f : FONTS) {
				String path = "/liberation/LiberationSerif-" + f[0] + ".ttf";
				builder.useFont(() -> MinutesDocuments.class.getResourceAsStream(path), "Liberation Serif",
						Integer.parseInt(f[1]), BaseRendererBuilder.FontStyle.valueOf(f[2]), true);
			}
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Organization organization(CurrentUser user, long organizationId, int year) {
		return this.tree.find(user, organizationId, LocalDate.of(year, 12, 31))
			.or(() -> this.tree.find(user, organizationId, LocalDate.of(year, 1, 1)))
			.orElseGet(() -> this.tree.getLatestVisible(user, organizationId));
	}

	private Hd36Document header(CurrentUser user, long organizationId, LocalDate date) {
		Organization org = this.tree.find(user, organizationId, date)
			.orElseGet(() -> this.tree.getLatestVisible(user, organizationId));
		String superior = org.parentId() == null ? null
				: this.tree.find(CurrentUser.system(), org.parentId(), date).map(Organization::name).orElse(null);
		return Hd36Document.create().superior(superior).issuer(org.name());
	}

	private String title(Meeting m) {
		return m.title() != null ? m.title() : this.messages.get("meeting.kind." + m.kind().name());
	}

	private void body(Hd36Document doc, Entry e) {
		for (String[] line : lines(e)) {
			if ("b".equals(line[0])) {
				doc.heading(line[1]);
			}
			else if ("i".equals(line[0])) {
				doc.note(line[1]);
			}
			else {
				doc.paragraph(line[1]);
			}
		}
	}

	/** The minutes as lines: {@code b} heading, {@code i} note, {@code p} paragraph. */
	private List<String[]> lines(Entry e) {
		Meeting m = e.meeting();
		Minutes mi = e.minutes();
		List<String[]> lines = new ArrayList<>();
		lines.add(new String[] { "p", this.messages.get("meeting.doc.time-place", PartyDates.longForm(m.date()),
				nz(m.place()), m.durationMinutes() == null ? "—" : m.durationMinutes()) });
		lines.add(new String[] { "p",
				this.messages.get("meeting.doc.chair", nz(mi.chairName()), nz(mi.recorderName())) });
		Meeting.Attendance a = m.attendance();
		if (a.expected() != null) {
			lines.add(new String[] { "p", this.messages.get("meeting.doc.attendance", a.expected(), a.present(),
					a.late(), a.excused(), a.unexcused(), a.exempt()) });
		}
		if (mi.opening() != null) {
			lines.add(new String[] { "p", mi.opening() });
		}
		for (Minutes.Item item : mi.items()) {
			lines.add(new String[] { "b", item.position() + ". " + item.title() });
			if (item.report() != null) {
				lines.add(new String[] { "p", item.report() });
			}
			for (Minutes.Speech s : item.speeches()) {
				lines.add(new String[] { "p", "- " + s.speakerName() + ": " + s.content()
						+ (s.criticism() ? " (" + this.messages.get("meeting.minutes.criticism") + ")" : "") });
			}
			if (item.conclusion() != null) {
				lines.add(new String[] { "p", this.messages.get("meeting.doc.conclusion", item.conclusion()) });
			}
		}
		if (mi.resolution() != null) {
			lines.add(new String[] { "b", this.messages.get("meeting.minutes.resolution") });
			lines.add(new String[] { "p", mi.resolution() });
		}
		for (Minutes.Task t : mi.tasks()) {
			lines.add(new String[] { "p", this.messages.get("meeting.doc.task", t.description(), t.assigneeName(),
					PartyDates.shortForm(t.dueOn())) });
		}
		if (mi.closing() != null) {
			lines.add(new String[] { "p", mi.closing() });
		}
		lines.add(new String[] { "i", this.messages.get("meeting.doc.version", mi.versionNo(),
				this.messages.get("meeting.minutes.status." + mi.status().name())) });
		return lines;
	}

	private static String nz(String s) {
		return s == null ? "—" : s;
	}

	static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
