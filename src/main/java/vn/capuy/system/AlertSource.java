package vn.capuy.system;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's contribution to the home page's alerts (reports due, meetings not held,
 * deadlines near), limited to the caller's scope.
 */
public interface AlertSource {

	List<HomeAlert> alerts(ScopeRef scope, LocalDate today);

}
