package vn.capuy.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Today's date in Vietnam ({@code Asia/Ho_Chi_Minh}), never in UTC.
 */
@Component
public class Today {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Clock clock;

	public Today(Clock clock) {
		this.clock = clock;
	}

	public LocalDate date() {
		return LocalDate.now(this.clock.withZone(VIETNAM));
	}

	public Clock clock() {
		return this.clock;
	}

}
