package vn.capuy.rulebook.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import vn.capuy.rulebook.AnnouncedDay;
import vn.capuy.rulebook.DayOff;
import vn.capuy.rulebook.HolidayRule;
import vn.capuy.rulebook.LunarCalendar;

/**
 * Works out the days off of a year from the statutory holiday rules and the announced
 * days:
 * <ol>
 * <li>announced days of the year apply as they are (days off and make-up Saturdays);</li>
 * <li>for each holiday with no announced day off in the year, the rule version in force
 * on its anchor date gives its days, the lunar ones through the
 * {@link LunarCalendar};</li>
 * <li>each computed holiday day on a Saturday or Sunday, when the rule says so, gives a
 * compensatory day off on the next working day (nghỉ bù), taken in date order.</li>
 * </ol>
 * Pure: no database, no clock.
 */
public final class YearPlanner {

	private final LunarCalendar lunar;

	public YearPlanner(LunarCalendar lunar) {
		this.lunar = lunar;
	}

	/**
	 * The schedule of {@code year}.
	 * @param rules every version of every holiday rule
	 * @param announced the open announced days whose date is in {@code year}
	 */
	public YearSchedule plan(int year, List<HolidayRule> rules, List<AnnouncedDay> announced) {
		List<HolidayRule> inForce = inForce(year, rules);
		NavigableMap<LocalDate, DayOff> daysOff = new TreeMap<>();
		Set<LocalDate> makeUp = new HashSet<>();
		Set<String> announcedCodes = new HashSet<>();
		for (AnnouncedDay day : announced) {
			if (day.date().getYear() != year) {
				continue;
			}
			if (day.kind() == AnnouncedDay.Kind.MAKE_UP_WORKDAY) {
				makeUp.add(day.date());
			}
			else {
				announcedCodes.add(day.holidayCode());
				daysOff.put(day.date(), new DayOff(day.date(), nameOf(day.holidayCode(), inForce), day.sourceDocument(),
						day.holidayCode(), true));
			}
		}
		NavigableMap<LocalDate, HolidayRule> holidays = new TreeMap<>();
		for (HolidayRule rule : inForce) {
			if (announcedCodes.contains(rule.announcedAs())) {
				continue;
			}
			LocalDate first = rule.firstDay(year, this.lunar);
			for (int i = 0; i < rule.days(); i++) {
				holidays.putIfAbsent(first.plusDays(i), rule);
			}
		}
		holidays.forEach((date, rule) -> daysOff.putIfAbsent(date,
				new DayOff(date, rule.name(), rule.sourceDocument(), rule.announcedAs(), false)));
		holidays.forEach((date, rule) -> {
			if (rule.weekendCompensation() && isWeekend(date)) {
				LocalDate day = date.plusDays(1);
				while (daysOff.containsKey(day) || (isWeekend(day) && !makeUp.contains(day))) {
					day = day.plusDays(1);
				}
				daysOff.put(day,
						new DayOff(day,
								"Nghỉ bù " + rule.name() + " (" + date.getDayOfMonth() + "/" + date.getMonthValue()
										+ " trùng ngày nghỉ hằng tuần)",
								rule.sourceDocument(), rule.announcedAs(), false));
			}
		});
		return new YearSchedule(year, daysOff, makeUp);
	}

	/**
	 * For each holiday code, the version in force on its anchor date of the year, if any.
	 */
	List<HolidayRule> inForce(int year, List<HolidayRule> rules) {
		Map<String, HolidayRule> byCode = new LinkedHashMap<>();
		for (HolidayRule rule : rules) {
			if (!byCode.containsKey(rule.code()) && rule.inForceOn(rule.anchor(year, this.lunar))) {
				byCode.put(rule.code(), rule);
			}
		}
		return new ArrayList<>(byCode.values());
	}

	/**
	 * The Vietnamese name of an announced holiday code, from the rules announced under it
	 * in that year.
	 */
	private static String nameOf(String holidayCode, List<HolidayRule> inForce) {
		String names = inForce.stream()
			.filter((rule) -> rule.announcedAs().equals(holidayCode))
			.map(HolidayRule::name)
			.distinct()
			.collect(Collectors.joining(" và "));
		return names.isEmpty() ? holidayCode : names;
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
