package vn.capuy.directive;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

/**
 * Periodic reports (BC) of the organisations on a plan: the periods and their deadlines
 * in working days (rule {@code directive.report.due-working-days}), the draft, and the
 * guarded steps submit, accept and return, each dated, by whom, audited.
 */
@Service
@Transactional(readOnly = true)
public class ProgressReports {

	static final String DUE_RULE = "directive.report.due-working-days";

	private final JdbcClient jdbc;

	private final Directives directives;

	private final DirectiveScope scope;

	private final RuleBook rules;

	private final WorkingDayCalendar calendar;

	private final AuditLog audit;

	ProgressReports(JdbcClient jdbc, Directives directives, DirectiveScope scope, RuleBook rules,
			WorkingDayCalendar calendar, AuditLog audit) {
		this.jdbc = jdbc;
		this.directives = directives;
		this.scope = scope;
		this.rules = rules;
		this.calendar = calendar;
		this.audit = audit;
	}

	/** A periodic report with its content and steps. */
	public record Report(long id, long planId, long organizationId, String organizationName, LocalDate periodStart,
			LocalDate periodEnd, LocalDate dueOn, ReportStatus status, LocalDate firstSubmittedOn,
			LocalDate submittedOn, LocalDate decidedOn, String decidedBy, String returnComment, int version,
			Map<Long, BigDecimal> values, Map<Long, String> texts, List<Step> steps) {

		/** Submitted for the first time after its deadline. */
		public boolean late() {
			return this.firstSubmittedOn != null && this.firstSubmittedOn.isAfter(this.dueOn);
		}

	}

	/**
	 * One step of a report: from which state to which, when, by whom, with what comment.
	 */
	public record Step(ReportStatus from, ReportStatus to, LocalDate on, String actor, String comment) {
	}

	/** The date a report for a period ending on {@code periodEnd} is due. */
	public LocalDate dueDate(LocalDate periodEnd) {
		int days = this.rules.integer(DUE_RULE, periodEnd);
		return this.calendar.addWorkingDays(periodEnd, days);
	}

	/**
	 * The reporting periods of a plan, first starting with the plan, last ending with it.
	 */
	public List<Directives.Period> periods(Directives.Plan plan) {
		return bounds(plan).stream().map((p) -> new Directives.Period(p.start(), p.end(), dueDate(p.end()))).toList();
	}

	/** The periods of a plan without their deadlines. */
	static List<Directives.Period> bounds(Directives.Plan plan) {
		List<Directives.Period> periods = new ArrayList<>();
		int months = plan.frequency().months();
		LocalDate start = plan.startsOn();
		while (!start.isAfter(plan.endsOn())) {
			int monthIndex = (start.getMonthValue() - 1) / months * months;
			LocalDate boundary = LocalDate.of(start.getYear(), 1, 1).plusMonths(monthIndex + months);
			LocalDate end = boundary.minusDays(1);
			if (end.isAfter(plan.endsOn())) {
				end = plan.endsOn();
			}
			periods.add(new Directives.Period(start, end, null));
			start = end.plusDays(1);
		}
		return periods;
	}

	Directives.Period period(Directives.Plan plan, LocalDate periodStart) {
		return bounds(plan).stream()
			.filter((p) -> p.start().equals(periodStart))
			.map((p) -> new Directives.Period(p.start(), p.end(), dueDate(p.end())))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("periodStart", "error.directive.report.period"));
	}

	/**
	 * Opens (or finds) the organisation's report for a period as a draft; answers its id.
	 */
	@Transactional
	public long open(CurrentUser user, long planId, long organizationId, LocalDate periodStart) {
		Directives.Plan plan = this.directives.plan(user, planId);
		this.scope.requireReporter(user, organizationId);
		this.directives.requireUnderOwner(plan, organizationId);
		Directives.Period period = period(plan, Directives.required("periodStart", periodStart));
		Long existing = this.jdbc
			.sql("""
					SELECT id FROM progress_report WHERE plan_id = :plan AND organization_id = :org AND period_start = :start
					""")
			.param("plan", planId)
			.param("org", organizationId)
			.param("start", periodStart)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (existing != null) {
			return existing;
		}
		long id = this.jdbc
			.sql("""
					INSERT INTO progress_report (plan_id, organization_id, period_start, period_end, due_on, status, created_by)
					VALUES (:plan, :org, :start, :end, :due, 'DRAFT', :actor) RETURNING id
					""")
			.param("plan", planId)
			.param("org", organizationId)
			.param("start", period.start())
			.param("end", period.end())
			.param("due", period.due())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		step(id, null, ReportStatus.DRAFT, period.start(), user.username(), null);
		this.audit.record(user.username(), "OPEN", "progress_report", id, null,
				Map.of("plan", planId, "organization", organizationId, "period", periodStart));
		return id;
	}

	/**
	 * Saves the content of a draft or returned report: indicator values and the text per
	 * content item. Values replace the earlier draft's.
	 */
	@Transactional
	public void save(CurrentUser user, long reportId, Map<Long, BigDecimal> values, Map<Long, String> texts,
			int version) {
		Report report = header(user, reportId);
		this.scope.requireReporter(user, report.organizationId());
		if (!report.status().editable()) {
			throw new RuleViolationException("error.directive.report.not-editable", report.status().name());
		}
		Map<Long, Directives.Indicator> indicators = new HashMap<>();
		List<Directives.Item> items = this.directives.items(report.planId());
		for (Directives.Item item : items) {
			item.indicators().forEach((i) -> indicators.put(i.id(), i));
		}
		values.forEach((indicatorId, value) -> checkValue(indicators.get(indicatorId), indicatorId, value));
		for (Long itemId : texts.keySet()) {
			if (items.stream().noneMatch((i) -> i.id() == itemId)) {
				throw new InvalidInputException("itemId", "error.directive.report.item", itemId);
			}
		}
		bump(reportId, version);
		List<Long> cleared = values.entrySet()
			.stream()
			.filter((e) -> e.getValue() == null)
			.map(Map.Entry::getKey)
			.toList();
		if (!cleared.isEmpty()) {
			this.jdbc.sql("DELETE FROM progress_report_value WHERE report_id = :r AND indicator_id = ANY(:ids)")
				.param("r", reportId)
				.param("ids", cleared.toArray(Long[]::new))
				.update();
		}
		List<Map.Entry<Long, BigDecimal>> set = values.entrySet().stream().filter((e) -> e.getValue() != null).toList();
		if (!set.isEmpty()) {
			// one statement for all values of the report
			this.jdbc.sql("""
					INSERT INTO progress_report_value (report_id, indicator_id, value)
					SELECT :r, i, v FROM unnest(CAST(:ids AS bigint[]), CAST(:vals AS numeric[])) AS t (i, v)
					ON CONFLICT (report_id, indicator_id) DO UPDATE SET value = EXCLUDED.value
					""")
				.param("r", reportId)
				.param("ids", set.stream().map(Map.Entry::getKey).toArray(Long[]::new))
				.param("vals", set.stream().map(Map.Entry::getValue).toArray(BigDecimal[]::new))
				.update();
		}
		if (!texts.isEmpty()) {
			List<Long> itemIds = new ArrayList<>(texts.keySet());
			String[] bodies = itemIds.stream().map((k) -> {
				String text = Directives.body("reportText", texts.get(k), 20000);
				return text == null ? "" : text;
			}).toArray(String[]::new);
			this.jdbc.sql("""
					INSERT INTO progress_report_text (report_id, item_id, text)
					SELECT :r, i, t FROM unnest(CAST(:ids AS bigint[]), CAST(:texts AS text[])) AS x (i, t)
					ON CONFLICT (report_id, item_id) DO UPDATE SET text = EXCLUDED.text
					""")
				.param("r", reportId)
				.param("ids", itemIds.toArray(Long[]::new))
				.param("texts", bodies)
				.update();
		}
		this.audit.record(user.username(), "SAVE", "progress_report", reportId, values(reportId), values);
	}

	static void checkValue(Directives.Indicator indicator, Long indicatorId, BigDecimal value) {
		if (indicator == null) {
			throw new InvalidInputException("indicatorId", "error.directive.report.indicator", indicatorId);
		}
		if (value == null) {
			return;
		}
		if (value.signum() < 0) {
			throw new InvalidInputException("value", "error.directive.value.negative", indicator.name());
		}
		if (indicator.kind() == IndicatorKind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidInputException("value", "error.directive.value.percent", indicator.name());
		}
		if (indicator.kind() == IndicatorKind.YES_NO && value.compareTo(BigDecimal.ONE) != 0 && value.signum() != 0) {
			throw new InvalidInputException("value", "error.directive.value.yes-no", indicator.name());
		}
	}

	/** The organisation sends its report up on the date. */
	@Transactional
	public void submit(CurrentUser user, long reportId, LocalDate on) {
		Report report = header(user, reportId);
		this.scope.requireReporter(user, report.organizationId());
		ReportStatus next = report.status().submit();
		requireOnOrAfter(on, report.periodStart());
		move(user, report, next, on, null, """
				UPDATE progress_report SET status = :to, submitted_on = :on,
				  first_submitted_on = coalesce(first_submitted_on, :on), version = version + 1
				WHERE id = :id AND version = :version
				""");
	}

	/** The committee accepts a submitted report. */
	@Transactional
	public void accept(CurrentUser user, long reportId, LocalDate on) {
		Report report = header(user, reportId);
		requireDecider(user, report);
		ReportStatus next = report.status().accept();
		requireOnOrAfter(on, report.submittedOn());
		move(user, report, next, on, null, """
				UPDATE progress_report SET status = :to, decided_on = :on, decided_by = :actor, return_comment = NULL,
				  version = version + 1
				WHERE id = :id AND version = :version
				""");
	}

	/** The committee returns a submitted report for correction, saying why. */
	@Transactional
	public void returnForCorrection(CurrentUser user, long reportId, LocalDate on, String comment) {
		Report report = header(user, reportId);
		requireDecider(user, report);
		ReportStatus next = report.status().returnForCorrection();
		String why = Directives.text("returnComment", comment, true, 2000);
		requireOnOrAfter(on, report.submittedOn());
		move(user, report, next, on, why,
				"""
						UPDATE progress_report SET status = :to, decided_on = :on, decided_by = :actor, return_comment = :comment,
						  version = version + 1
						WHERE id = :id AND version = :version
						""");
	}

	private void requireDecider(CurrentUser user, Report report) {
		long owner = this.directives.plan(user, report.planId()).ownerId();
		if (!this.scope.actsForCommittee(user, owner)) {
			throw new AccessDeniedException("decide reports");
		}
	}

	private static void requireOnOrAfter(LocalDate on, LocalDate earliest) {
		Directives.required("date", on);
		if (earliest != null && on.isBefore(earliest)) {
			throw new InvalidInputException("date", "error.directive.report.date-before", earliest);
		}
	}

	private void move(CurrentUser user, Report report, ReportStatus next, LocalDate on, String comment, String sql) {
		int updated = this.jdbc.sql(sql)
			.param("to", next.name())
			.param("on", on)
			.param("actor", user.username())
			.param("comment", comment)
			.param("id", report.id())
			.param("version", report.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("report " + report.id());
		}
		step(report.id(), report.status(), next, on, user.username(), comment);
		this.audit.record(user.username(), next.name(), "progress_report", report.id(),
				Map.of("status", report.status()), Map.of("status", next, "on", on));
	}

	private void bump(long reportId, int version) {
		int updated = this.jdbc.sql("UPDATE progress_report SET version = version + 1 WHERE id = :id AND version = :v")
			.param("id", reportId)
			.param("v", version)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("report " + reportId);
		}
	}

	void step(long reportId, ReportStatus from, ReportStatus to, LocalDate on, String actor, String comment) {
		this.jdbc.sql("""
				INSERT INTO report_step (report_kind, report_id, from_status, to_status, on_date, actor, comment)
				VALUES ('PROGRESS', :id, :from, :to, :on, :actor, :comment)
				""")
			.param("id", reportId)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("on", on)
			.param("actor", actor)
			.param("comment", comment)
			.update();
	}

	private static final String SELECT = """
			SELECT r.id, r.plan_id, r.organization_id, r.period_start, r.period_end, r.due_on, r.status,
			       r.first_submitted_on, r.submitted_on, r.decided_on, r.decided_by, r.return_comment, r.version
			FROM progress_report r
			""";

	/**
	 * The report's state without its content or organisation name (for the steps), or
	 * 404.
	 */
	private Report header(CurrentUser user, long reportId) {
		return this.jdbc.sql(SELECT + " WHERE r.id = :id AND " + DirectiveScope.sees("r.organization_id"))
			.param("id", reportId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(ProgressReports::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("report " + reportId));
	}

	private Map<Long, BigDecimal> values(long reportId) {
		Map<Long, BigDecimal> values = new LinkedHashMap<>();
		this.jdbc.sql("SELECT indicator_id, value FROM progress_report_value WHERE report_id = :id")
			.param("id", reportId)
			.query((rs, n) -> values.put(rs.getLong(1), rs.getBigDecimal(2)))
			.list();
		return values;
	}

	/** One report the caller may see (its organisation is in scope), or 404. */
	public Report get(CurrentUser user, long reportId) {
		Report row = header(user, reportId);
		Map<Long, BigDecimal> values = values(reportId);
		Map<Long, String> texts = new LinkedHashMap<>();
		this.jdbc.sql("SELECT item_id, text FROM progress_report_text WHERE report_id = :id")
			.param("id", reportId)
			.query((rs, n) -> texts.put(rs.getLong(1), rs.getString(2)))
			.list();
		List<Step> steps = this.jdbc.sql("""
				SELECT from_status, to_status, on_date, actor, comment FROM report_step
				WHERE report_kind = 'PROGRESS' AND report_id = :id ORDER BY id
				""")
			.param("id", reportId)
			.query((rs, n) -> new Step(rs.getString(1) == null ? null : ReportStatus.valueOf(rs.getString(1)),
					ReportStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
					rs.getString(5)))
			.list();
		return new Report(row.id(), row.planId(), row.organizationId(),
				this.scope.name(row.organizationId(), row.periodEnd()), row.periodStart(), row.periodEnd(), row.dueOn(),
				row.status(), row.firstSubmittedOn(), row.submittedOn(), row.decidedOn(), row.decidedBy(),
				row.returnComment(), row.version(), values, texts, steps);
	}

	/** The reports of a plan the caller may see, without content. */
	public List<Report> list(CurrentUser user, long planId) {
		Directives.Plan plan = this.directives.plan(user, planId);
		java.util.function.BiFunction<Long, LocalDate, String> names = this.scope.names(plan.ownerId());
		return this.jdbc
			.sql(SELECT + " WHERE r.plan_id = :plan AND " + DirectiveScope.sees("r.organization_id")
					+ " ORDER BY r.period_start, r.organization_id")
			.param("plan", planId)
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(ProgressReports::map)
			.list()
			.stream()
			.map((r) -> new Report(r.id(), r.planId(), r.organizationId(),
					names.apply(r.organizationId(), r.periodEnd()), r.periodStart(), r.periodEnd(), r.dueOn(),
					r.status(), r.firstSubmittedOn(), r.submittedOn(), r.decidedOn(), r.decidedBy(), r.returnComment(),
					r.version(), Map.of(), Map.of(), List.of()))
			.toList();
	}

	/**
	 * Accepted values of a plan's reports: report period end, organisation, indicator,
	 * value.
	 */
	record AcceptedValue(long organizationId, LocalDate periodEnd, long indicatorId, BigDecimal value) {
	}

	List<AcceptedValue> acceptedValues(long planId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT r.organization_id, r.period_end, v.indicator_id, v.value
				FROM progress_report r JOIN progress_report_value v ON v.report_id = r.id
				WHERE r.plan_id = :plan AND r.status = 'ACCEPTED' AND r.period_end >= :from AND r.period_end <= :to
				ORDER BY r.period_end
				""")
			.param("plan", planId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new AcceptedValue(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
					rs.getBigDecimal(4)))
			.list();
	}

	/** A report row without its organisation's name (filled by the caller) or content. */
	private static Report map(ResultSet rs, int n) throws SQLException {
		long org = rs.getLong(3);
		LocalDate end = rs.getObject(5, LocalDate.class);
		return new Report(rs.getLong(1), rs.getLong(2), org, null, rs.getObject(4, LocalDate.class), end,
				rs.getObject(6, LocalDate.class), ReportStatus.valueOf(rs.getString(7)),
				rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
				rs.getString(11), rs.getString(12), rs.getInt(13), Map.of(), Map.of(), List.of());
	}

}
