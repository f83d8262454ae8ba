package vn.capuy.meeting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/** Meetings in the main navigation, after committees. */
@Configuration(proxyBeanMethods = false)
class MeetingNavigation {

	@Bean
	NavigationEntry meetingsNavigationEntry() {
		return new NavigationEntry(60, "nav.meetings", "/meetings", false);
	}

}
