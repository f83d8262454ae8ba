package vn.capuy.massorg;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/**
 * The mass organisations in the main navigation, after the committees.
 */
@Configuration(proxyBeanMethods = false)
class MassOrgNavigation {

	@Bean
	NavigationEntry massOrganizationsNavigationEntry() {
		return new NavigationEntry(55, "nav.mass-organizations", "/mass-organizations", false);
	}

}
