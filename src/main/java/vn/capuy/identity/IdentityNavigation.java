package vn.capuy.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/**
 * The administrator's user list in the main navigation.
 */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

	@Bean
	NavigationEntry usersNavigationEntry() {
		return new NavigationEntry(950, "nav.users", "/admin/users", true);
	}

}
