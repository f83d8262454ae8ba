package vn.capuy.meeting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meeting day of a month moved by the rule for a day that is not a working day,
 * without a database: weekends and an invented holiday.
 */
class MeetingDatesTests {

	/**
	 * Weekends and 2–6 February 2030 (Tết 2030 falls on 3 February) are days off here.
	 */
	static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2030, 2, 4), LocalDate.of(2030, 2, 5),
			LocalDate.of(2030, 2, 6), LocalDate.of(2030, 2, 7), LocalDate.of(2030, 2, 8));

	static final Predicate<LocalDate> WORKING = (d) -> d.getDayOfWeek() != DayOfWeek.SATURDAY
			&& d.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(d);

	@ParameterizedTest(name = "{0}, day {1}, {2} → {3}")
	@CsvSource({ "2026-01, 3, NEXT_WORKING_DAY, 2026-01-05", "2026-01, 3, PREVIOUS_WORKING_DAY, 2026-01-02",
			"2026-01, 3, KEEP, 2026-01-03", "2026-02, 3, NEXT_WORKING_DAY, 2026-02-03",
			"2030-02, 3, NEXT_WORKING_DAY, 2030-02-11", "2030-02, 3, PREVIOUS_WORKING_DAY, 2030-02-01",
			"2026-05, 3, NEXT_WORKING_DAY, 2026-05-04", "2026-02, 31, KEEP, 2026-02-28",
			"2026-10, 3, NEXT_WORKING_DAY, 2026-10-05" })
	void theMeetingDayMovesByTheRuleWhenItIsNotAWorkingDay(String month, int day, MeetingDates.NonWorkingDayRule rule,
			LocalDate expected) {
		assertThat(MeetingDates.plannedDate(YearMonth.parse(month), day, rule, WORKING)).isEqualTo(expected);
	}

}
