package vn.capuy.directive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.document.Hd36Document;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.Messages;
import vn.capuy.system.PartyDates;
import vn.capuy.system.ReviewContribution;
import vn.capuy.system.ReviewContribution.AnnexTable;
import vn.capuy.system.ScopeRef;

/**
 * The drafted review report: every figure computed from the data over the review period
 * for the committee's subtree (organisations by type, reports submitted and on time per
 * period, indicator totals per content item per year, and every module's
 * {@link ReviewContribution}), the text of each section gathered from the organisations'
 * reports with their names until the office edits it; written to DOCX in the HD 36 layout
 * and the annex tables to XLSX.
 */
@Service
@Transactional(readOnly = true)
public class ReviewReport {

	private static final List<OrganizationType> COUNTED_TYPES = List.of(OrganizationType.DANG_BO_CO_SO,
			OrganizationType.CHI_BO_CO_SO, OrganizationType.DANG_BO_BO_PHAN, OrganizationType.CHI_BO_TRUC_THUOC);

	private final Reviews reviews;

	private final Directives directives;

	private final ProgressReports reports;

	private final OrganizationTree tree;

	private final DirectiveScope scope;

	private final List<ReviewContribution> contributions;

	private final Messages messages;

	private final JdbcClient jdbc;

	ReviewReport(Reviews reviews, Directives directives, ProgressReports reports, OrganizationTree tree,
			DirectiveScope scope, List<ReviewContribution> contributions, Messages messages, JdbcClient jdbc) {
		this.reviews = reviews;
		this.directives = directives;
		this.reports = reports;
		this.tree = tree;
		this.scope = scope;
		this.contributions = contributions.stream().sorted(Comparator.comparingInt(ReviewContribution::order)).toList();
		this.messages = messages;
		this.jdbc = jdbc;
	}

	/** A section of the draft: its text, and whether it is still the gathered text. */
	public record DraftSection(Reviews.Section section, String text, int version, boolean gathered) {
	}

	/** The drafted report. */
	public record Draft(Reviews.Review review, List<DraftSection> sections, List<AnnexTable> annex) {
	}

	/**
	 * Told after each step of a drafting (a section gathered, an annex table counted, the
	 * document written) how many of how many are done; a background drafting shows it as
	 * its progress.
	 */
	@FunctionalInterface
	public interface Steps {

		/** No one is told. */
		Steps NONE = (done, total) -> {
		};

		void done(int done, int total);

	}

	/** The drafted report of a review, for the committee's staff. */
	public Draft draft(CurrentUser user, long reviewId) {
		return draft(user, reviewId, Steps.NONE, 0);
	}

	/**
	 * The steps of drafting a review's DOCX: each section, the organisations table, two
	 * tables per plan, each contribution, and the document itself.
	 */
	public int steps(CurrentUser user, long reviewId) {
		Reviews.Review review = visible(user, reviewId);
		return this.reviews.outline(reviewId).size() + annexSteps(review) + 1;
	}

	private int annexSteps(Reviews.Review review) {
		return 1 + 2 * this.reviews.planIds(review).size() + this.contributions.size();
	}

	/** The review, or 404 when the caller may not see its report. */
	Reviews.Review visible(CurrentUser user, long reviewId) {
		Reviews.Review review = this.reviews.get(user, reviewId);
		if (!this.scope.sees(user, review.ownerId())) {
			throw new vn.capuy.system.NotFoundException("review " + reviewId);
		}
		return review;
	}

	private Draft draft(CurrentUser user, long reviewId, Steps steps, int extra) {
		Reviews.Review review = visible(user, reviewId);
		List<Reviews.Section> outline = this.reviews.outline(reviewId);
		Map<Long, Reviews.DraftVersion> latest = this.reviews.latestDraft(reviewId);
		List<Reviews.Submission> submissions = this.reviews.submissions(CurrentUser.system(), reviewId)
			.stream()
			.filter((s) -> s.status() == ReportStatus.ACCEPTED || s.status() == ReportStatus.SUBMITTED)
			.sorted(Comparator.comparing(Reviews.Submission::organizationName,
					vn.capuy.system.VietnameseText.collator()))
			.toList();
		int total = outline.size() + annexSteps(review) + extra;
		int[] done = { 0 };
		List<DraftSection> sections = new ArrayList<>();
		for (Reviews.Section section : outline) {
			Reviews.DraftVersion version = latest.get(section.id());
			if (version != null) {
				sections.add(new DraftSection(section, version.text(), version.number(), false));
			}
			else {
				sections.add(new DraftSection(section, gathered(section, submissions), 0, true));
			}
			steps.done(++done[0], total);
		}
		return new Draft(review, sections, annex(review, () -> steps.done(++done[0], total)));
	}

	/**
	 * The organisations' text for a section, each paragraph attributed to its
	 * organisation.
	 */
	static String gathered(Reviews.Section section, List<Reviews.Submission> submissions) {
		StringBuilder text = new StringBuilder();
		for (Reviews.Submission s : submissions) {
			String part = s.texts().get(section.id());
			if (part != null && !part.isBlank()) {
				if (!text.isEmpty()) {
					text.append("\n");
				}
				text.append("[").append(s.organizationName()).append("] ").append(part.strip());
			}
		}
		return text.toString();
	}

	/** Every annex table, the module's own first, then the contributions in order. */
	public List<AnnexTable> annex(Reviews.Review review) {
		return annex(review, () -> {
		});
	}

	private List<AnnexTable> annex(Reviews.Review review, Runnable step) {
		List<AnnexTable> tables = new ArrayList<>();
		tables.add(organizationsByType(review.ownerId(), review.periodFrom(), review.periodTo()));
		step.run();
		List<Long> plans = this.reviews.planIds(review);
		for (long planId : plans) {
			tables.add(reportsPerPeriod(planId, review.periodFrom(), review.periodTo()));
			step.run();
			tables.add(indicatorTotals(planId, review.periodFrom(), review.periodTo()));
			step.run();
		}
		ScopeRef ownerScope = new ScopeRef(new Long[] { review.ownerId() }, false);
		for (ReviewContribution contribution : this.contributions) {
			tables.addAll(contribution.tables(ownerScope, review.periodFrom(), review.periodTo()));
			step.run();
		}
		return tables;
	}

	/**
	 * The dates the tables count on: the period's first day, then the end of each year.
	 */
	static List<LocalDate> countDates(LocalDate from, LocalDate to) {
		List<LocalDate> dates = new ArrayList<>();
		dates.add(from);
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			LocalDate end = LocalDate.of(year, 12, 31);
			dates.add(end.isAfter(to) ? to : end);
		}
		return dates;
	}

	AnnexTable organizationsByType(long ownerId, LocalDate from, LocalDate to) {
		List<List<Object>> rows = new ArrayList<>();
		CurrentUser ownerScope = DirectiveScope.ownerScope(ownerId);
		for (LocalDate date : countDates(from, to)) {
			List<Organization> orgs = this.tree.list(ownerScope, date);
			List<Object> row = new ArrayList<>();
			row.add(date.toString());
			int total = 0;
			for (OrganizationType type : COUNTED_TYPES) {
				long count = orgs.stream().filter((o) -> o.type() == type).count();
				row.add(count);
				total += (int) count;
			}
			row.add(total);
			rows.add(row);
		}
		List<String> columns = new ArrayList<>();
		columns.add("common.date");
		COUNTED_TYPES.forEach((t) -> columns.add("type." + t.name()));
		columns.add("review.annex.total");
		return new AnnexTable("review.annex.organizations", columns, rows);
	}

	/**
	 * Per period of the plan that ends in the review period: organisations expected,
	 * reports submitted, submitted on time, accepted, and returned at least once.
	 */
	AnnexTable reportsPerPeriod(long planId, LocalDate from, LocalDate to) {
		Directives.Plan plan = this.directives.plan(CurrentUser.system(), planId);
		List<List<Object>> rows = new ArrayList<>();
		for (Directives.Period period : this.reports.periods(plan)) {
			if (period.end().isBefore(from) || period.end().isAfter(to)) {
				continue;
			}
			int expected = this.scope.reporters(CurrentUser.system(), plan.ownerId(), period.end()).size();
			Map<String, Object> counts = this.jdbc.sql("""
					SELECT count(*) FILTER (WHERE r.first_submitted_on IS NOT NULL) AS submitted,
					       count(*) FILTER (WHERE r.first_submitted_on <= r.due_on) AS on_time,
					       count(*) FILTER (WHERE r.status = 'ACCEPTED') AS accepted,
					       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM report_step s WHERE s.report_kind = 'PROGRESS'
					                          AND s.report_id = r.id AND s.to_status = 'RETURNED')) AS returned
					FROM progress_report r WHERE r.plan_id = :plan AND r.period_start = :start
					""").param("plan", planId).param("start", period.start()).query().singleRow();
			rows.add(List.of(PeriodLabel.of(period), expected, ((Number) counts.get("submitted")).longValue(),
					((Number) counts.get("on_time")).longValue(), ((Number) counts.get("accepted")).longValue(),
					((Number) counts.get("returned")).longValue()));
		}
		return new AnnexTable("review.annex.reports", List.of("directive.period", "directive.expected",
				"directive.submitted", "directive.on-time", "directive.accepted", "directive.returned-once"), rows);
	}

	/**
	 * Per indicator of the plan, the accepted values of the reports whose period ends in
	 * each year: the sum for a number, the mean for a percent, the count of "yes" for a
	 * yes/no indicator.
	 */
	AnnexTable indicatorTotals(long planId, LocalDate from, LocalDate to) {
		List<Directives.Item> items = this.directives.items(planId);
		List<ProgressReports.AcceptedValue> values = this.reports.acceptedValues(planId, from, to);
		Map<Long, Map<Integer, List<BigDecimal>>> byIndicator = new HashMap<>();
		for (ProgressReports.AcceptedValue v : values) {
			byIndicator.computeIfAbsent(v.indicatorId(), (k) -> new LinkedHashMap<>())
				.computeIfAbsent(v.periodEnd().getYear(), (k) -> new ArrayList<>())
				.add(v.value());
		}
		List<String> columns = new ArrayList<>(List.of("directive.item", "directive.indicator", "directive.target"));
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			columns.add(String.valueOf(year));
		}
		List<List<Object>> rows = new ArrayList<>();
		for (Directives.Item item : items) {
			for (Directives.Indicator indicator : item.indicators()) {
				List<Object> row = new ArrayList<>();
				row.add(item.position() + ". " + item.title());
				row.add(indicator.name() + (indicator.unit() == null ? "" : " (" + indicator.unit() + ")"));
				row.add(plain(indicator.target()));
				Map<Integer, List<BigDecimal>> years = byIndicator.getOrDefault(indicator.id(), Map.of());
				for (int year = from.getYear(); year <= to.getYear(); year++) {
					row.add(aggregate(indicator.kind(), years.getOrDefault(year, List.of())));
				}
				rows.add(row);
			}
		}
		return new AnnexTable("review.annex.indicators", columns, rows);
	}

	static Object aggregate(IndicatorKind kind, List<BigDecimal> values) {
		if (values.isEmpty()) {
			return 0;
		}
		switch (kind) {
			case NUMBER:
				return plain(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
			case PERCENT:
				return plain(values.stream()
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP));
			default:
				return values.stream().filter((v) -> v.compareTo(BigDecimal.ONE) >= 0).count();
		}
	}

	static Object plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() <= 0) {
			return stripped.longValueExact();
		}
		return stripped;
	}

	// ---- exports

	/** The drafted report as DOCX in the HD 36 layout, with its annex tables. */
	public byte[] docx(CurrentUser user, long reviewId) {
		return docx(user, reviewId, Steps.NONE);
	}

	/**
	 * The drafted report as DOCX, telling the steps as they are done (the last one when
	 * the document is written).
	 */
	public byte[] docx(CurrentUser user, long reviewId, Steps steps) {
		int[] last = { 0, 0 };
		Draft draft = draft(user, reviewId, (done, total) -> {
			last[0] = done;
			last[1] = total;
			steps.done(done, total);
		}, 1);
		Reviews.Review review = draft.review();
		Hd36Document doc = Hd36Document.create()
			.superior(review.superior())
			.issuer(review.issuer())
			.symbol(review.symbol())
			.placeAndDate(review.place(), review.reportDate() != null ? review.reportDate() : review.periodTo())
			.title("BÁO CÁO", review.title());
		for (DraftSection section : draft.sections()) {
			doc.heading(section.section().code() + ". " + section.section().title());
			for (String paragraph : section.text().split("\n")) {
				if (!paragraph.isBlank()) {
					doc.paragraph(paragraph.strip());
				}
			}
		}
		if (!draft.annex().isEmpty()) {
			doc.heading(this.messages.get("review.annex.title"));
			int n = 1;
			for (AnnexTable table : draft.annex()) {
				doc.note(this.messages.get("review.annex.table", n++, this.messages.get(table.titleKey())));
				doc.table(table.columnKeys().stream().map(this.messages::get).toList(),
						table.rows().stream().map((r) -> r.stream().map(ReviewReport::cellText).toList()).toList());
			}
		}
		doc.signature(review.authority(), review.signerTitle(), review.signer()).recipients(review.recipients());
		byte[] bytes = doc.toDocx();
		steps.done(last[1], last[1]);
		return bytes;
	}

	/** A cell as the page and the DOCX print it (dates as dd/MM/yyyy). */
	public String cell(Object cell) {
		return cellText(cell);
	}

	private static String cellText(Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return PartyDates.shortForm(LocalDate.parse(s));
		}
		return String.valueOf(cell);
	}

	/**
	 * The annex tables as XLSX, one sheet per table. Text that a spreadsheet would take
	 * for a formula ({@code = + - @}) is written as a string cell marked quote-prefixed,
	 * never as a formula.
	 */
	public byte[] xlsx(CurrentUser user, long reviewId) {
		Draft draft = draft(user, reviewId);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle quoted = book.createCellStyle();
			quoted.setQuotePrefixed(true);
			int n = 1;
			for (AnnexTable table : draft.annex()) {
				String title = this.messages.get(table.titleKey());
				Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(n + " " + title));
				n++;
				Row titleRow = sheet.createRow(0);
				write(titleRow.createCell(0), title, quoted);
				titleRow.getCell(0).setCellStyle(bold);
				Row header = sheet.createRow(1);
				for (int c = 0; c < table.columnKeys().size(); c++) {
					write(header.createCell(c), this.messages.get(table.columnKeys().get(c)), quoted);
				}
				int r = 2;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						Cell cell = row.createCell(c);
						if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else {
							write(cell, cellText(value), quoted);
						}
					}
				}
			}
			if (draft.annex().isEmpty()) {
				book.createSheet("-");
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A string cell; formula-like text keeps its characters but is marked as text. */
	static void write(Cell cell, String text, CellStyle quoted) {
		cell.setCellValue(text);
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			cell.setCellStyle(quoted);
		}
	}

	/** The notice (TB) of the leader's conclusions at the review conference, as DOCX. */
	public byte[] conclusionsNotice(CurrentUser user, long reviewId) {
		Reviews.Review review = this.reviews.get(user, reviewId);
		if (!this.scope.sees(user, review.ownerId())) {
			throw new vn.capuy.system.NotFoundException("review " + reviewId);
		}
		Reviews.Conference conference = this.reviews.conference(user, reviewId);
		if (conference == null) {
			throw new vn.capuy.system.RuleViolationException("error.directive.conference.none");
		}
		Hd36Document doc = Hd36Document.create()
			.superior(review.superior())
			.issuer(review.issuer())
			.symbol(conference.noticeSymbol())
			.placeAndDate(review.place(),
					conference.noticeDate() != null ? conference.noticeDate() : conference.heldOn())
			.title("THÔNG BÁO", this.messages.get("review.notice.subject",
					conference.concludedBy() == null ? "" : conference.concludedBy(), review.title()));
		doc.paragraph(this.messages.get("review.notice.opening", PartyDates.longForm(conference.heldOn()),
				conference.place() == null ? "" : conference.place(), review.issuer(), review.title(),
				conference.attending()));
		if (conference.conclusions() != null) {
			for (String paragraph : conference.conclusions().split("\n")) {
				if (!paragraph.isBlank()) {
					doc.paragraph(paragraph.strip());
				}
			}
		}
		doc.signature("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", null).recipients(review.recipients());
		return doc.toDocx();
	}

}
