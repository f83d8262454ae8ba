package vn.capuy.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.AlertSource;
import vn.capuy.system.HomeAlert;
import vn.capuy.system.NavigationEntry;
import vn.capuy.system.ScopeRef;

/**
 * The lifecycle's place in the navigation and its alerts on the home page: admissions and
 * probationary members overdue or due within ten days.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleExtensions {

	@Bean
	NavigationEntry admissionsNavigationEntry() {
		return new NavigationEntry(70, "nav.admissions", "/admissions", false);
	}

	@Bean
	AlertSource admissionDeadlineAlerts(Admissions admissions) {
		return (ScopeRef scope, LocalDate today) -> {
			List<Admissions.BoardItem> board = admissions.board(scope);
			long overdue = board.stream().filter(Admissions.BoardItem::overdue).count();
			long soon = board.stream()
				.filter((i) -> !i.overdue() && i.next() != null && !i.next().due().isAfter(today.plusDays(14)))
				.count();
			List<HomeAlert> alerts = new ArrayList<>();
			if (overdue > 0) {
				alerts.add(new HomeAlert("admission.alert.overdue", new Object[] { overdue }, "/admissions", today,
						HomeAlert.Severity.HIGH));
			}
			if (soon > 0) {
				alerts.add(new HomeAlert("admission.alert.soon", new Object[] { soon }, "/admissions",
						today.plusDays(14), HomeAlert.Severity.MEDIUM));
			}
			return alerts;
		};
	}

}
