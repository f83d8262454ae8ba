package vn.capuy.committee;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/**
 * The committees in the main navigation, after the directives.
 */
@Configuration(proxyBeanMethods = false)
class CommitteeNavigation {

	@Bean
	NavigationEntry committeesNavigationEntry() {
		return new NavigationEntry(50, "nav.committees", "/committees", false);
	}

}
