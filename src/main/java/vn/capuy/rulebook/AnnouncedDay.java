package vn.capuy.rulebook;

import java.time.LocalDate;

/**
 * A day announced by the Government for a year (row of {@code calendar_day}): a day off
 * of an announced break, or a Saturday worked in exchange for a swapped weekday.
 */
public record AnnouncedDay(long id, LocalDate date, Kind kind, String holidayCode, String sourceDocument,
		String confidence, String confidenceDetail, String note, String createdBy) {

	/** Whether the day is off or a make-up working day (làm bù). */
	public enum Kind {

		OFF, MAKE_UP_WORKDAY

	}

}
