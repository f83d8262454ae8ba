package vn.capuy.fee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.AlertSource;
import vn.capuy.system.HomeAlert;
import vn.capuy.system.NavigationEntry;
import vn.capuy.system.ScopeRef;

/** Party fees in the main navigation and on the home page's alerts. */
@Configuration(proxyBeanMethods = false)
class FeeConfiguration {

	@Bean
	NavigationEntry feesNavigationEntry() {
		return new NavigationEntry(95, "nav.fees", "/fees", false);
	}

	/**
	 * Members who have not paid for the rule book's number of months this year without a
	 * reason: flagged for removal from the roll (Quy định 01-QĐ/TW).
	 */
	@Component
	static class ArrearsAlerts implements AlertSource {

		private final JdbcClient jdbc;

		private final RuleBook rules;

		ArrearsAlerts(JdbcClient jdbc, RuleBook rules) {
			this.jdbc = jdbc;
			this.rules = rules;
		}

		@Override
		public List<HomeAlert> alerts(ScopeRef scope, LocalDate today) {
			Integer months = this.rules.inForce("fee.arrears.removal-months", today)
				.map((r) -> Integer.parseInt(r.value().strip()))
				.orElse(null);
			List<HomeAlert> alerts = new ArrayList<>();
			if (months == null) {
				return alerts;
			}
			long flagged = flagged(scope, today, months);
			if (flagged > 0) {
				alerts.add(new HomeAlert("fee.alert.removal", new Object[] { flagged, months }, "/fees", null,
						HomeAlert.Severity.HIGH));
			}
			return alerts;
		}

		long flagged(ScopeRef scope, LocalDate today, int months) {
			return this.jdbc.sql("""
					SELECT count(*) FROM (
					  SELECT l.member_id FROM fee_ledger l
					  WHERE l.month >= :year AND l.month <= :today AND l.due > 0 AND l.paid < l.due
					    AND l.unpaid_reason IS NULL
					    AND l.organization_id IN (SELECT v.id FROM organization_visible_ever(:roots, :global) v)
					  GROUP BY l.member_id HAVING count(*) >= :n) f
					""")
				.param("year", today.withDayOfYear(1))
				.param("today", today)
				.param("roots", scope.roots())
				.param("global", scope.global())
				.param("n", months)
				.query(Long.class)
				.single();
		}

	}

}
