package vn.capuy.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.rulebook.RuleBook;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.AlertSource;
import vn.capuy.system.HomeAlert;
import vn.capuy.system.ScopeRef;

/**
 * Reminders on the home page: periodic reports due within N working days (rule
 * {@code directive.report.remind-working-days}) and overdue ones, and review reports
 * likewise, for the grassroots organisations of the caller's scope.
 */
@Component
class ReportAlerts implements AlertSource {

	static final String REMIND_RULE = "directive.report.remind-working-days";

	private final JdbcClient jdbc;

	private final ProgressReports reports;

	private final RuleBook rules;

	private final WorkingDayCalendar calendar;

	private final DirectiveScope scope;

	ReportAlerts(JdbcClient jdbc, ProgressReports reports, RuleBook rules, WorkingDayCalendar calendar,
			DirectiveScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.reports = reports;
		this.rules = rules;
		this.calendar = calendar;
	}

	/** A report the organisation owes: plan, organisation, period, due date. */
	record Owed(long planId, String planSymbol, long organizationId, String organizationName, LocalDate periodStart,
			LocalDate periodEnd, LocalDate due) {
	}

	@Override
	public List<HomeAlert> alerts(ScopeRef scope, LocalDate today) {
		List<HomeAlert> alerts = new ArrayList<>();
		for (Owed owed : owed(scope, today)) {
			boolean overdue = owed.due().isBefore(today);
			alerts.add(new HomeAlert(overdue ? "directive.alert.overdue" : "directive.alert.due",
					new Object[] { owed.organizationName(), owed.planSymbol(),
							vn.capuy.system.PartyDates.shortForm(owed.periodEnd()) },
					"/plans/" + owed.planId() + "/reports", owed.due(),
					overdue ? HomeAlert.Severity.HIGH : HomeAlert.Severity.MEDIUM));
		}
		return alerts;
	}

	/**
	 * Reports of open plans in force today whose period has ended, that the organisation
	 * has not submitted, overdue or due within the reminder window.
	 */
	List<Owed> owed(ScopeRef scope, LocalDate today) {
		int window = this.rules.integer(REMIND_RULE, today);
		LocalDate horizon = this.calendar.addWorkingDays(today, window);
		List<Owed> result = new ArrayList<>();
		vn.capuy.identity.CurrentUser caller = new vn.capuy.identity.CurrentUser(0, "scope", "scope",
				java.util.Set.of(), java.util.Set.of(scope.roots()), scope.global(), "NONE");
		List<Directives.Plan> plans = this.jdbc.sql("""
				SELECT p.id, p.directive_id, p.owner_id, p.symbol, p.title, p.issued_on, p.starts_on, p.ends_on,
				       p.frequency, p.purpose
				FROM implementation_plan p
				WHERE p.closed_on IS NULL AND p.starts_on <= :today AND p.ends_on >= :since
				""").param("today", today).param("since", today.minusYears(1)).query(Directives::mapPlan).list();
		for (Directives.Plan plan : plans) {
			for (Directives.Period period : this.reports.periods(plan)) {
				if (!period.end().isBefore(today) || period.due().isAfter(horizon)
						|| period.due().isBefore(today.minusYears(1))) {
					continue;
				}
				java.util.Set<Long> sent = new java.util.HashSet<>(this.jdbc.sql("""
						SELECT organization_id FROM progress_report
						WHERE plan_id = :plan AND period_start = :start AND first_submitted_on IS NOT NULL
						""").param("plan", plan.id()).param("start", period.start()).query(Long.class).list());
				for (vn.capuy.organization.Organization org : this.scope.reporters(caller, plan.ownerId(),
						period.end())) {
					if (!sent.contains(org.id())) {
						result.add(new Owed(plan.id(), plan.symbol(), org.id(), org.name(), period.start(),
								period.end(), period.due()));
					}
				}
			}
		}
		return result;
	}

}
