package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.AlertSource;
import vn.capuy.system.HomeAlert;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.ReviewContribution;
import vn.capuy.system.ScopeRef;
import vn.capuy.system.Today;

/**
 * Meeting figures for a scope, an organisation's subtree and a period: held on time,
 * late, missing; thematic meetings per quarter; attendance rates; the quality
 * distribution; open tasks. Also the annex tables of review reports and the home alerts
 * (overdue tasks for the cell secretary, meetings not held).
 */
@Service
@Transactional(readOnly = true)
public class MeetingStatistics implements ReviewContribution, AlertSource {

	private final JdbcClient jdbc;

	private final Today today;

	MeetingStatistics(JdbcClient jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	/** The figures of a period. */
	public record Figures(long planned, long held, long onTime, long late, long missing, long thematic, long expected,
			long attended, Double attendanceRate, Map<QualityBand, Long> qualityBands, long openTasks,
			long overdueTasks) {
	}

	private static final String FIGURES = """
			SELECT count(*) FILTER (WHERE m.period IS NOT NULL),
			       count(*) FILTER (WHERE m.status = 'HELD'),
			       count(*) FILTER (WHERE m.status = 'HELD' AND m.held_on <= m.scheduled_on),
			       count(*) FILTER (WHERE m.status = 'HELD' AND m.held_on > m.scheduled_on),
			       count(*) FILTER (WHERE m.status = 'NOT_HELD' OR (m.status = 'PLANNED' AND m.planned_on < :today)),
			       count(*) FILTER (WHERE m.status = 'HELD' AND m.kind = 'THEMATIC'),
			       coalesce(sum(m.expected_count) FILTER (WHERE m.status = 'HELD'), 0),
			       coalesce(sum(m.present_count + m.late_count) FILTER (WHERE m.status = 'HELD'), 0)
			FROM meeting m
			""";

	public Figures figures(ScopeRef scope, Long organizationId, LocalDate from, LocalDate to) {
		check(from, to);
		Where w = where(scope, organizationId, from, to);
		long[] f = this.jdbc.sql(FIGURES + w.sql)
			.params(w.params)
			.query((rs,
					n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6), rs.getLong(7), rs.getLong(8) })
			.single();
		Map<QualityBand, Long> bands = new EnumMap<>(QualityBand.class);
		for (QualityBand b : QualityBand.values()) {
			bands.put(b, 0L);
		}
		this.jdbc
			.sql("SELECT q.band, count(*) FROM meeting m JOIN quality_score q ON q.meeting_id = m.id" + w.sql
					+ " GROUP BY q.band")
			.params(w.params)
			.query((rs, n) -> bands.put(QualityBand.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		long[] tasks = this.jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE t.due_on < :today)
				FROM meeting_task t JOIN meeting m ON m.id = t.meeting_id
				""" + w.sql + " AND t.done_on IS NULL AND t.closed_reason IS NULL")
			.params(w.params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		Double rate = f[6] == 0 ? null : Math.round(10000.0 * f[7] / f[6]) / 10000.0;
		return new Figures(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], rate, bands, tasks[0], tasks[1]);
	}

	/** One organisation's line on the dashboard. */
	public record Line(long organizationId, long planned, long held, long onTime, long late, long missing,
			long thematic, Double attendanceRate) {
	}

	/** The figures per organisation of the subtree, for the dashboard table. */
	public List<Line> perOrganization(ScopeRef scope, Long organizationId, LocalDate from, LocalDate to) {
		check(from, to);
		Where w = where(scope, organizationId, from, to);
		return this.jdbc
			.sql("""
					SELECT m.organization_id,
					       count(*) FILTER (WHERE m.period IS NOT NULL),
					       count(*) FILTER (WHERE m.status = 'HELD'),
					       count(*) FILTER (WHERE m.status = 'HELD' AND m.held_on <= m.scheduled_on),
					       count(*) FILTER (WHERE m.status = 'HELD' AND m.held_on > m.scheduled_on),
					       count(*) FILTER (WHERE m.status = 'NOT_HELD' OR (m.status = 'PLANNED' AND m.planned_on < :today)),
					       count(*) FILTER (WHERE m.status = 'HELD' AND m.kind = 'THEMATIC'),
					       sum(m.expected_count) FILTER (WHERE m.status = 'HELD'),
					       sum(m.present_count + m.late_count) FILTER (WHERE m.status = 'HELD')
					FROM meeting m"""
					+ w.sql + " GROUP BY m.organization_id ORDER BY m.organization_id")
			.params(w.params)
			.query((rs, n) -> {
				long expected = rs.getLong(8);
				return new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7),
						expected == 0 ? null : Math.round(10000.0 * rs.getLong(9) / expected) / 10000.0);
			})
			.list();
	}

	/** Thematic meetings held and required per quarter. */
	public record Quarter(int year, int quarter, long required, long held) {
	}

	public List<Quarter> thematicPerQuarter(ScopeRef scope, Long organizationId, LocalDate from, LocalDate to) {
		check(from, to);
		Where w = where(scope, organizationId, from, to);
		return this.jdbc.sql("""
				SELECT extract(year FROM m.scheduled_on)::int, extract(quarter FROM m.scheduled_on)::int,
				       count(*) FILTER (WHERE m.period IS NOT NULL), count(*) FILTER (WHERE m.status = 'HELD')
				FROM meeting m""" + w.sql + " AND m.kind = 'THEMATIC' GROUP BY 1, 2 ORDER BY 1, 2")
			.params(w.params)
			.query((rs, n) -> new Quarter(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	private static void check(LocalDate from, LocalDate to) {
		if (from == null) {
			throw new InvalidInputException("from", "error.required");
		}
		if (to == null) {
			throw new InvalidInputException("toDate", "error.required");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("toDate", "meeting.error.period");
		}
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private Where where(ScopeRef scope, Long organizationId, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("roots", scope.roots());
		params.put("global", scope.global());
		params.put("from", from);
		params.put("to", to);
		params.put("today", this.today.date());
		String sql = " WHERE m.scheduled_on BETWEEN :from AND :to AND " + CellMeetings.VISIBLE;
		if (organizationId != null) {
			sql += " AND " + CellMeetings.inSubtree("m");
			params.put("org", organizationId);
		}
		return new Where(sql, params);
	}

	// ---- review contribution

	@Override
	public int order() {
		return 60;
	}

	@Override
	public List<AnnexTable> tables(ScopeRef scope, LocalDate from, LocalDate to) {
		List<List<Object>> rows = new ArrayList<>();
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			LocalDate a = year == from.getYear() ? from : LocalDate.of(year, 1, 1);
			LocalDate b = year == to.getYear() ? to : LocalDate.of(year, 12, 31);
			Figures f = figures(scope, null, a, b);
			// rounded once, from the counts: the figures' rate is already rounded
			rows.add(List.of(String.valueOf(year), f.planned(), f.held(), f.onTime(), f.thematic(), f.expected() == 0
					? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * f.attended() / f.expected())));
		}
		return List.of(new AnnexTable("meeting.annex.title", List.of("meeting.annex.year", "meeting.annex.required",
				"meeting.annex.held", "meeting.annex.on-time", "meeting.annex.thematic", "meeting.annex.attendance"),
				rows));
	}

	// ---- alerts

	@Override
	public List<HomeAlert> alerts(ScopeRef scope, LocalDate today) {
		List<HomeAlert> alerts = new ArrayList<>();
		this.jdbc
			.sql("""
					SELECT t.id, t.meeting_id, t.description, t.assignee_name, t.due_on
					FROM meeting_task t JOIN meeting m ON m.id = t.meeting_id
					WHERE t.done_on IS NULL AND t.closed_reason IS NULL AND t.due_on < :today AND """
					+ CellMeetings.VISIBLE + " ORDER BY t.due_on LIMIT 20")
			.param("today", today)
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query((rs,
					n) -> alerts.add(new HomeAlert("meeting.alert.task-overdue",
							new Object[] { rs.getString(3), rs.getString(4) }, "/meetings/" + rs.getLong(2),
							rs.getObject(5, LocalDate.class), HomeAlert.Severity.HIGH)))
			.list();
		long missing = this.jdbc.sql("""
				SELECT count(*) FROM meeting m WHERE m.status = 'PLANNED' AND m.planned_on < :today
				  AND m.planned_on >= :since AND """ + CellMeetings.VISIBLE)
			.param("today", today)
			.param("since", today.minusMonths(1))
			.param("roots", scope.roots())
			.param("global", scope.global())
			.query(Long.class)
			.single();
		if (missing > 0) {
			alerts.add(new HomeAlert("meeting.alert.not-recorded", new Object[] { missing }, "/meetings/dashboard",
					today, HomeAlert.Severity.MEDIUM));
		}
		return alerts;
	}

}
