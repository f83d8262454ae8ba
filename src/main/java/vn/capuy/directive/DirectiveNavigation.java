package vn.capuy.directive;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/** Directives, plans, reports and reviews in the main navigation. */
@Configuration(proxyBeanMethods = false)
class DirectiveNavigation {

	@Bean
	NavigationEntry directivesNavigationEntry() {
		return new NavigationEntry(40, "nav.directives", "/directives", false);
	}

}
