package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.system.NavigationEntry;
import vn.capuy.system.ReviewContribution;
import vn.capuy.system.ScopeRef;

/** The inspection area in the main navigation. */
@Configuration(proxyBeanMethods = false)
class InspectionConfiguration {

	@Bean
	NavigationEntry inspectionNavigationEntry() {
		return new NavigationEntry(90, "nav.inspection", "/inspection", false);
	}

	/**
	 * Inspection figures for review reports: per year, cases of inspection, supervisions
	 * and disciplines decided, in the scope, counted in SQL.
	 */
	@Component
	static class InspectionFigures implements ReviewContribution {

		private final JdbcClient jdbc;

		InspectionFigures(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public int order() {
			return 90;
		}

		@Override
		public List<AnnexTable> tables(ScopeRef scope, LocalDate from, LocalDate to) {
			List<List<Object>> rows = new ArrayList<>();
			for (int year = from.getYear(); year <= to.getYear(); year++) {
				LocalDate start = LocalDate.of(year, 1, 1).isBefore(from) ? from : LocalDate.of(year, 1, 1);
				LocalDate end = LocalDate.of(year, 12, 31).isAfter(to) ? to : LocalDate.of(year, 12, 31);
				rows.add(this.jdbc
					.sql("""
							SELECT
							  (SELECT count(*) FROM inspection_case c WHERE c.opened_on BETWEEN :f AND :t
							     AND c.kind NOT IN ('REGULAR_SUPERVISION', 'THEMATIC_SUPERVISION')
							     AND c.handling_organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v
							       WHERE v.valid_from <= c.opened_on AND (v.valid_to IS NULL OR v.valid_to > c.opened_on))),
							  (SELECT count(*) FROM inspection_case c WHERE c.opened_on BETWEEN :f AND :t
							     AND c.kind IN ('REGULAR_SUPERVISION', 'THEMATIC_SUPERVISION')
							     AND c.handling_organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v
							       WHERE v.valid_from <= c.opened_on AND (v.valid_to IS NULL OR v.valid_to > c.opened_on))),
							  (SELECT count(*) FROM discipline_decision d WHERE d.decision_date BETWEEN :f AND :t
							     AND d.status <> 'ANNULLED'
							     AND d.deciding_organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v
							       WHERE v.valid_from <= d.decision_date
							         AND (v.valid_to IS NULL OR v.valid_to > d.decision_date)))
							""")
					.param("f", start)
					.param("t", end)
					.param("roots", scope.roots())
					.param("global", scope.global())
					.query((rs, n) -> List.<Object>of(String.valueOf(start.getYear()), rs.getInt(1), rs.getInt(2),
							rs.getInt(3)))
					.single());
			}
			return List
				.of(new AnnexTable("inspection.annex.title", List.of("field.year", "inspection.annex.inspections",
						"inspection.annex.supervisions", "inspection.annex.disciplines"), rows));
		}

	}

}
