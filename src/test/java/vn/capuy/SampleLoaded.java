package vn.capuy;

import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Waits until the start-up data (catalogues, sample committee) has loaded, as
 * {@code /actuator/health} would say.
 */
public class SampleLoaded implements BeforeAllCallback {

	private static final Duration LIMIT = Duration.ofMinutes(6);

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		ApplicationContext app = SpringExtension.getApplicationContext(context);
		HealthIndicator startup = app.getBean("startupData", HealthIndicator.class);
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (!Status.UP.equals(startup.health().getStatus())) {
			if ("FAILED".equals(String.valueOf(startup.health().getDetails().get("startup")))) {
				throw new IllegalStateException("start-up data failed: see the log");
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("start-up data not loaded: " + startup.health().getDetails());
			}
			Thread.sleep(100);
		}
	}

}
