package vn.capuy.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;

/**
 * The dashboard of a plan on a date: which organisations reported per period (on time,
 * late, accepted, returned, missing), progress by content item and by organisation rolled
 * up with the plan's weights, and what is overdue.
 */
@Service
@Transactional(readOnly = true)
public class PlanDashboard {

	private final Directives directives;

	private final ProgressReports reports;

	private final DirectiveScope scope;

	PlanDashboard(Directives directives, ProgressReports reports, DirectiveScope scope) {
		this.directives = directives;
		this.reports = reports;
		this.scope = scope;
	}

	/** One period: how many organisations were expected and how they reported. */
	public record PeriodRow(Directives.Period period, int expected, int submitted, int onTime, int accepted,
			int returned, List<String> missing) {
	}

	/** One cell of the organisation × period matrix. */
	public record Cell(Long reportId, ReportStatus status, boolean late, boolean overdue) {
	}

	/**
	 * One organisation: its progress overall and per item, and its reports per period.
	 */
	public record OrganizationRow(long id, String name, Integer progress, Map<Long, Integer> itemProgress,
			List<Cell> cells) {
	}

	public record ItemRow(Directives.Item item, Integer progress) {
	}

	/**
	 * Something overdue: a report not submitted after its deadline, or a task not done.
	 */
	public record Overdue(String kind, String organizationName, String what, LocalDate due) {
	}

	public record Dashboard(Directives.PlanView plan, LocalDate on, List<PeriodRow> periods,
			List<OrganizationRow> organizations, List<ItemRow> items, Integer overall, List<Overdue> overdue) {
	}

	public Dashboard on(CurrentUser user, long planId, LocalDate on) {
		Directives.PlanView view = this.directives.view(user, planId);
		Directives.Plan plan = view.plan();
		List<Directives.Period> periods = this.reports.periods(plan);
		List<ProgressReports.Report> all = this.reports.list(user, planId);
		Map<String, ProgressReports.Report> byKey = new HashMap<>();
		for (ProgressReports.Report r : all) {
			byKey.put(r.organizationId() + "/" + r.periodStart(), r);
		}
		LocalDate treeDate = on.isAfter(plan.endsOn()) ? plan.endsOn() : on;
		if (treeDate.isBefore(plan.startsOn())) {
			treeDate = plan.startsOn();
		}
		List<Organization> organizations = this.scope.reporters(user, plan.ownerId(), treeDate);
		List<Overdue> overdue = new ArrayList<>();
		List<PeriodRow> periodRows = new ArrayList<>();
		Map<Long, List<Cell>> cells = new LinkedHashMap<>();
		organizations.forEach((o) -> cells.put(o.id(), new ArrayList<>()));
		for (Directives.Period period : periods) {
			if (period.start().isAfter(on)) {
				break;
			}
			List<Organization> expected = this.scope.reporters(user, plan.ownerId(), period.end());
			int submitted = 0;
			int onTime = 0;
			int accepted = 0;
			int returned = 0;
			List<String> missing = new ArrayList<>();
			for (Organization org : expected) {
				ProgressReports.Report r = byKey.get(org.id() + "/" + period.start());
				boolean sent = r != null && r.firstSubmittedOn() != null && !r.firstSubmittedOn().isAfter(on);
				if (sent) {
					submitted++;
					if (!r.late()) {
						onTime++;
					}
					if (r.status() == ReportStatus.ACCEPTED) {
						accepted++;
					}
					if (r.status() == ReportStatus.RETURNED) {
						returned++;
					}
				}
				else if (!period.end().isAfter(on)) {
					missing.add(org.name());
					if (period.due().isBefore(on)) {
						overdue.add(new Overdue("REPORT", org.name(), PeriodLabel.of(period), period.due()));
					}
				}
			}
			periodRows.add(new PeriodRow(period, expected.size(), submitted, onTime, accepted, returned, missing));
			for (Organization org : organizations) {
				ProgressReports.Report r = byKey.get(org.id() + "/" + period.start());
				boolean sent = r != null && r.firstSubmittedOn() != null;
				cells.get(org.id())
					.add(new Cell(r == null ? null : r.id(), r == null ? null : r.status(), sent && r.late(),
							!sent && period.due().isBefore(on)));
			}
		}
		Map<Long, Map<Long, BigDecimal>> values = indicatorValues(
				this.reports.acceptedValues(planId, plan.startsOn(), on), view);
		List<OrganizationRow> orgRows = new ArrayList<>();
		Map<Long, List<Progress.Part>> itemParts = new LinkedHashMap<>();
		List<Progress.Part> overallParts = new ArrayList<>();
		for (Organization org : organizations) {
			Map<Long, Integer> itemProgress = new LinkedHashMap<>();
			List<Progress.Part> parts = new ArrayList<>();
			for (Directives.Item item : view.items()) {
				OptionalDouble share = itemShare(item, values.getOrDefault(org.id(), Map.of()),
						tasksOf(view.tasks(), item.id(), org.id()));
				if (share.isPresent()) {
					itemProgress.put(item.id(), Progress.percent(share.getAsDouble()));
					parts.add(new Progress.Part(share.getAsDouble(), item.weight()));
					itemParts.computeIfAbsent(item.id(), (k) -> new ArrayList<>())
						.add(new Progress.Part(share.getAsDouble(), null));
				}
			}
			OptionalDouble orgShare = Progress.weightedMean(parts);
			if (orgShare.isPresent()) {
				overallParts.add(new Progress.Part(orgShare.getAsDouble(), null));
			}
			orgRows.add(new OrganizationRow(org.id(), org.name(),
					orgShare.isPresent() ? Progress.percent(orgShare.getAsDouble()) : null, itemProgress,
					cells.get(org.id())));
		}
		List<ItemRow> itemRows = new ArrayList<>();
		for (Directives.Item item : view.items()) {
			OptionalDouble share = Progress.weightedMean(itemParts.getOrDefault(item.id(), List.of()));
			itemRows.add(new ItemRow(item, share.isPresent() ? Progress.percent(share.getAsDouble()) : null));
		}
		OptionalDouble overall = Progress.weightedMean(overallParts);
		Map<Long, String> names = new HashMap<>();
		organizations.forEach((o) -> names.put(o.id(), o.name()));
		for (Directives.Task task : view.tasks()) {
			if (task.overdueOn(on)) {
				String who = task.organizationId() == null ? null
						: names.getOrDefault(task.organizationId(), this.scope.name(task.organizationId(), on));
				overdue.add(new Overdue("TASK", who, task.title(), task.deadline()));
			}
		}
		return new Dashboard(view, on, periodRows, orgRows, itemRows,
				overall.isPresent() ? Progress.percent(overall.getAsDouble()) : null, overdue);
	}

	private static List<Directives.Task> tasksOf(List<Directives.Task> tasks, long itemId, long organizationId) {
		return tasks.stream()
			.filter((t) -> t.itemId() == itemId && t.organizationId() != null && t.organizationId() == organizationId)
			.toList();
	}

	/**
	 * An organisation's share of an item: the weighted mean of its indicators'
	 * achievements, or, for an item without indicators, of its tasks' progress; empty
	 * when neither exists.
	 */
	static OptionalDouble itemShare(Directives.Item item, Map<Long, BigDecimal> values, List<Directives.Task> tasks) {
		List<Progress.Part> parts = new ArrayList<>();
		if (!item.indicators().isEmpty()) {
			for (Directives.Indicator indicator : item.indicators()) {
				parts.add(new Progress.Part(
						Progress.achievement(indicator.kind(), indicator.target(), values.get(indicator.id())),
						indicator.weight()));
			}
		}
		else {
			for (Directives.Task task : tasks) {
				parts.add(new Progress.Part(task.progress() / 100.0, task.weight()));
			}
		}
		return Progress.weightedMean(parts);
	}

	/**
	 * Per organisation and indicator, the value that counts: the sum of the accepted
	 * values for a cumulative (number) indicator, the latest one otherwise. The values
	 * come ordered by period.
	 */
	static Map<Long, Map<Long, BigDecimal>> indicatorValues(List<ProgressReports.AcceptedValue> accepted,
			Directives.PlanView view) {
		Map<Long, IndicatorKind> kinds = new HashMap<>();
		view.indicators().forEach((i) -> kinds.put(i.id(), i.kind()));
		Map<Long, Map<Long, BigDecimal>> result = new HashMap<>();
		for (ProgressReports.AcceptedValue v : accepted) {
			IndicatorKind kind = kinds.get(v.indicatorId());
			if (kind == null) {
				continue;
			}
			Map<Long, BigDecimal> org = result.computeIfAbsent(v.organizationId(), (k) -> new HashMap<>());
			if (kind.cumulative()) {
				org.merge(v.indicatorId(), v.value(), BigDecimal::add);
			}
			else {
				org.put(v.indicatorId(), v.value());
			}
		}
		return result;
	}

}
