package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The limitation period of a discipline (thời hiệu, QĐ 69-QĐ/TW Art. 4): {@code months}
 * from the violation, or from its end when it went on; a new violation within the period
 * restarts it. The period covers the start date and the months after it, so its last day
 * ({@link #expiresOn}) is the day before the same date {@code months} later; a decision
 * after that day is out of time. {@code months == 0} means no limit.
 */
public final class LimitationPeriod {

	private LimitationPeriod() {
	}

	/** The last day a decision may be taken, or null when there is no limit. */
	public static LocalDate expiresOn(int months, LocalDate committedOn, LocalDate endedOn,
			Collection<LocalDate> laterViolations) {
		if (months <= 0) {
			return null;
		}
		LocalDate start = endedOn != null && endedOn.isAfter(committedOn) ? endedOn : committedOn;
		LocalDate last = lastDay(start, months);
		List<LocalDate> later = laterViolations == null ? List.of() : laterViolations.stream().sorted().toList();
		for (LocalDate next : later) {
			if (next.isAfter(start) && !next.isAfter(last)) {
				start = next;
				last = lastDay(start, months);
			}
		}
		return last;
	}

	public static boolean expired(LocalDate expiresOn, LocalDate decisionDate) {
		return expiresOn != null && decisionDate.isAfter(expiresOn);
	}

	private static LocalDate lastDay(LocalDate start, int months) {
		return start.plusMonths(months).minusDays(1);
	}

}
