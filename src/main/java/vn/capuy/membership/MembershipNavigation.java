package vn.capuy.membership;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/**
 * The member register in the main navigation.
 */
@Configuration(proxyBeanMethods = false)
class MembershipNavigation {

	@Bean
	NavigationEntry memberNavigationEntry() {
		return new NavigationEntry(20, "nav.members", "/members", false);
	}

}
