package vn.capuy.report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/**
 * The home page in the main navigation.
 */
@Configuration(proxyBeanMethods = false)
class ReportNavigation {

	@Bean
	NavigationEntry homeNavigationEntry() {
		return new NavigationEntry(0, "nav.home", "/", false);
	}

}
