package vn.capuy.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/** The document register in the main navigation, after members. */
@Configuration(proxyBeanMethods = false)
class DocumentNavigation {

	@Bean
	NavigationEntry documentsNavigationEntry() {
		return new NavigationEntry(30, "nav.documents", "/documents", false);
	}

}
