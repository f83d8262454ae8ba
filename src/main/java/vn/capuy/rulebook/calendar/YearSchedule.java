package vn.capuy.rulebook.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import vn.capuy.rulebook.DayOff;

/**
 * The working days of one Gregorian year, precomputed: a bit per day for fast look-ups,
 * and the days off with their reasons. Immutable.
 */
public final class YearSchedule {

	private final int year;

	private final BitSet nonWorking;

	private final NavigableMap<LocalDate, DayOff> daysOff;

	YearSchedule(int year, NavigableMap<LocalDate, DayOff> daysOff, Set<LocalDate> makeUpWorkdays) {
		this.year = year;
		this.daysOff = new TreeMap<>(daysOff);
		this.nonWorking = new BitSet(367);
		LocalDate end = LocalDate.of(year + 1, 1, 1);
		for (LocalDate date = LocalDate.of(year, 1, 1); date.isBefore(end); date = date.plusDays(1)) {
			boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
			if (daysOff.containsKey(date) || (weekend && !makeUpWorkdays.contains(date))) {
				this.nonWorking.set(date.getDayOfYear());
			}
		}
	}

	public int year() {
		return this.year;
	}

	/** Whether the date, which must be in this year, is a working day. */
	public boolean isWorkingDay(LocalDate date) {
		if (date.getYear() != this.year) {
			throw new IllegalArgumentException(date + " is not in " + this.year);
		}
		return !this.nonWorking.get(date.getDayOfYear());
	}

	/** The days off of this year other than ordinary weekends, in date order. */
	public List<DayOff> daysOff() {
		return this.daysOff.subMap(LocalDate.of(this.year, 1, 1), LocalDate.of(this.year + 1, 1, 1))
			.values()
			.stream()
			.toList();
	}

}
