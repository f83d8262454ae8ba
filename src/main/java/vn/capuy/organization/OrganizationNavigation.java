package vn.capuy.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/**
 * The organisation tree in the main navigation.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationNavigation {

	@Bean
	NavigationEntry organizationNavigationEntry() {
		return new NavigationEntry(10, "nav.organizations", "/organizations", false);
	}

}
