package vn.capuy.backup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.capuy.system.NavigationEntry;

/**
 * The backup page in the administrator's navigation.
 */
@Configuration(proxyBeanMethods = false)
class BackupNavigation {

	@Bean
	NavigationEntry backupNavigationEntry() {
		return new NavigationEntry(960, "nav.backup", "/admin/backup", true);
	}

}
