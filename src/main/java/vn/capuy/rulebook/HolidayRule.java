package vn.capuy.rulebook;

import java.time.LocalDate;

/**
 * One version of a statutory public holiday, read from {@code holiday_rule}: which date
 * it is anchored on, how many days off it gives starting where, whether a weekend day is
 * compensated, and the document it comes from.
 *
 * @param announcedAs the holiday code of the yearly announcements that replace this
 * rule's computed days
 * @param validTo exclusive; {@code null} while in force
 */
public record HolidayRule(long id, String code, String name, CalendarKind calendarKind, int month, int day, int days,
		int firstDayOffset, boolean weekendCompensation, String announcedAs, LocalDate validFrom, LocalDate validTo,
		String sourceDocument, String confidence, String note) {

	/** Which calendar {@link #month()} and {@link #day()} are on. */
	public enum CalendarKind {

		SOLAR, LUNAR

	}

	/**
	 * The anchor date in the given (Gregorian, or lunar for LUNAR) year, e.g. mùng 1 Tết
	 * or 2/9.
	 */
	public LocalDate anchor(int year, LunarCalendar lunar) {
		return switch (this.calendarKind) {
			case SOLAR -> LocalDate.of(year, this.month, this.day);
			case LUNAR -> lunar.solarDate(year, this.month, this.day, false);
		};
	}

	/**
	 * The first day off in the given year: the anchor moved by {@link #firstDayOffset()}.
	 */
	public LocalDate firstDay(int year, LunarCalendar lunar) {
		return anchor(year, lunar).plusDays(this.firstDayOffset);
	}

	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(this.validFrom) && (this.validTo == null || date.isBefore(this.validTo));
	}

}
