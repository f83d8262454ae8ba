package vn.capuy.system;

import java.time.LocalDate;

/**
 * An alert on the home page: what needs attention, where, by when. The message is a key
 * with its arguments; {@code link} opens the page where it is dealt with.
 */
public record HomeAlert(String messageKey, Object[] arguments, String link, LocalDate due, Severity severity) {

	/** How urgent the alert is. */
	public enum Severity {

		/** Overdue or breaking a rule. */
		HIGH,
		/** Due soon. */
		MEDIUM,
		/** For information. */
		LOW

	}

}
