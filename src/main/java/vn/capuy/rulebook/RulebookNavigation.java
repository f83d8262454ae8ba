package vn.capuy.rulebook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/**
 * The rule book and the working-day calendar in the main navigation, after the business
 * areas.
 */
@Configuration(proxyBeanMethods = false)
class RulebookNavigation {

	@Bean
	NavigationEntry rulesNavigationEntry() {
		return new NavigationEntry(900, "nav.rules", "/rules", false);
	}

	@Bean
	NavigationEntry calendarNavigationEntry() {
		return new NavigationEntry(910, "nav.calendar", "/calendar", false);
	}

}
