package vn.capuy.meeting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Predicate;

/**
 * Where a planned meeting falls: the nominal day of the month (the 3rd since Chỉ thị
 * 50-CT/TW) moved by the rule for a day that is not a working day. Pure, so the rule is
 * tested without a database.
 */
public final class MeetingDates {

	/** What to do when the nominal day is not a working day (rule book, [M]). */
	public enum NonWorkingDayRule {

		/** Hold it on the next working day. */
		NEXT_WORKING_DAY,
		/** Hold it on the working day before. */
		PREVIOUS_WORKING_DAY,
		/** Keep the nominal day (cells that meet on weekends). */
		KEEP

	}

	private MeetingDates() {
	}

	/**
	 * The date of a meeting planned for {@code day} of {@code month}; a day beyond the
	 * month's end means its last day.
	 */
	public static LocalDate plannedDate(YearMonth month, int day, NonWorkingDayRule rule,
			Predicate<LocalDate> isWorkingDay) {
		LocalDate nominal = month.atDay(Math.max(1, Math.min(day, month.lengthOfMonth())));
		LocalDate date = nominal;
		switch (rule) {
			case NEXT_WORKING_DAY -> {
				while (!isWorkingDay.test(date)) {
					date = date.plusDays(1);
				}
			}
			case PREVIOUS_WORKING_DAY -> {
				while (!isWorkingDay.test(date)) {
					date = date.minusDays(1);
				}
			}
			case KEEP -> {
			}
		}
		return date;
	}

}
