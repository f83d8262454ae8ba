package vn.capuy.rulebook;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.capuy.rulebook.calendar.YearPlanner;
import vn.capuy.rulebook.calendar.YearSchedule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year planner on its own, without Spring or a database: compensation in date order,
 * announced days replacing only their own holiday, and rule versions chosen by the
 * holiday's date. The rules here are test fixtures.
 */
class WorkingDayPlannerTests {

	private final YearPlanner planner = new YearPlanner(LunarCalendar.vietnam());

	private static HolidayRule rule(String code, HolidayRule.CalendarKind kind, int month, int day, int days,
			int offset, String announcedAs, LocalDate from, LocalDate to) {
		return new HolidayRule(0, code, code, kind, month, day, days, offset, true, announcedAs, from, to,
				"fixture " + code, "V", null);
	}

	private static final LocalDate CODE_2012 = LocalDate.of(2013, 5, 1);

	private final List<HolidayRule> rules = List.of(
			rule("CHIEN_THANG", HolidayRule.CalendarKind.SOLAR, 4, 30, 1, 0, "30-4_1-5", CODE_2012, null),
			rule("LAO_DONG", HolidayRule.CalendarKind.SOLAR, 5, 1, 1, 0, "30-4_1-5", CODE_2012, null),
			rule("TET", HolidayRule.CalendarKind.LUNAR, 1, 1, 4, -1, "TET", LocalDate.of(1995, 1, 1), CODE_2012),
			rule("TET", HolidayRule.CalendarKind.LUNAR, 1, 1, 5, -1, "TET", CODE_2012, null));

	private static List<LocalDate> off(YearSchedule schedule, LocalDate from, LocalDate to) {
		return from.datesUntil(to.plusDays(1)).filter((day) -> !schedule.isWorkingDay(day)).toList();
	}

	@Test
	void twoHolidaysOnAWeekendAreCompensatedOnTheNextTwoWorkingDays() {
		// 2022: 30/4 Saturday, 1/5 Sunday → Monday 2/5 and Tuesday 3/5
		YearSchedule schedule = this.planner.plan(2022, this.rules, List.of());
		assertThat(off(schedule, LocalDate.of(2022, 4, 29), LocalDate.of(2022, 5, 5))).containsExactly(
				LocalDate.of(2022, 4, 30), LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 2),
				LocalDate.of(2022, 5, 3));
	}

	@Test
	void tetBeforeTheCodeOf2012CameIntoForceHasFourDays() {
		// Tết 2013 (Sun 10/2/2013) is before 1/5/2013: 9/2 (Sat) to 12/2, the weekend
		// compensated on 13/2 and 14/2
		YearSchedule schedule = this.planner.plan(2013, this.rules, List.of());
		assertThat(off(schedule, LocalDate.of(2013, 2, 8), LocalDate.of(2013, 2, 15))).containsExactly(
				LocalDate.of(2013, 2, 9), LocalDate.of(2013, 2, 10), LocalDate.of(2013, 2, 11),
				LocalDate.of(2013, 2, 12), LocalDate.of(2013, 2, 13), LocalDate.of(2013, 2, 14));
		// Tết 2014 (Fri 31/1/2014) is after: 5 days from 30/1, Sat 1/2 and Sun 2/2
		// compensated on Tue 4/2 and Wed 5/2
		assertThat(off(this.planner.plan(2014, this.rules, List.of()), LocalDate.of(2014, 1, 29),
				LocalDate.of(2014, 2, 6)))
			.containsExactly(LocalDate.of(2014, 1, 30), LocalDate.of(2014, 1, 31), LocalDate.of(2014, 2, 1),
					LocalDate.of(2014, 2, 2), LocalDate.of(2014, 2, 3), LocalDate.of(2014, 2, 4),
					LocalDate.of(2014, 2, 5));
	}

	@Test
	void announcedDaysReplaceOnlyTheirOwnHolidayAndAMakeUpSaturdayIsWorked() {
		List<AnnouncedDay> announced = List.of(
				new AnnouncedDay(1, LocalDate.of(2022, 5, 2), AnnouncedDay.Kind.OFF, "30-4_1-5", "CV 1", "V", null,
						null, "t"),
				new AnnouncedDay(2, LocalDate.of(2022, 5, 7), AnnouncedDay.Kind.MAKE_UP_WORKDAY, "30-4_1-5", "CV 1",
						"V", null, null, "t"));
		YearSchedule schedule = this.planner.plan(2022, this.rules, announced);
		assertThat(off(schedule, LocalDate.of(2022, 4, 29), LocalDate.of(2022, 5, 8))).containsExactly(
				LocalDate.of(2022, 4, 30), LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 2),
				LocalDate.of(2022, 5, 8));
		assertThat(schedule.daysOff()).filteredOn((day) -> day.holidayCode().equals("30-4_1-5"))
			.extracting(DayOff::date, DayOff::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2022, 5, 2), "CHIEN_THANG và LAO_DONG"));
		// Tết 2022 is still computed: 31/1 to 4/2
		assertThat(off(schedule, LocalDate.of(2022, 1, 30), LocalDate.of(2022, 2, 5)))
			.contains(LocalDate.of(2022, 1, 31), LocalDate.of(2022, 2, 4));
	}

}
