package vn.capuy.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings from the configuration: lock-out after repeated failures.
 */
@ConfigurationProperties("capuy.security")
public record SecurityProperties(@DefaultValue Lockout lockout) {

	public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration) {
	}

}
