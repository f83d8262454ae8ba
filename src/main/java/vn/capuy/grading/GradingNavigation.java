package vn.capuy.grading;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/** Grading in the main navigation, after admissions. */
@Configuration(proxyBeanMethods = false)
class GradingNavigation {

	@Bean
	NavigationEntry gradingNavigationEntry() {
		return new NavigationEntry(80, "nav.grading", "/grading", false);
	}

}
