package vn.capuy.rulebook;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar (âm lịch), computed for a time zone: Hồ Ngọc Đức's
 * algorithm, with new moons and the sun's longitude after Jean Meeus, "Astronomical
 * Algorithms" (1998).
 * <p>
 * Vietnam has computed its calendar for UTC+7 since 1967 ({@link #vietnam()}); China uses
 * UTC+8, which is why Tết differs in some years (1985, 2007, 2030). Results are
 * meaningful for about 1900–2199. Instances are immutable and thread-safe.
 */
public final class LunarCalendar {

	private static final LunarCalendar VIETNAM = new LunarCalendar(7);

	/** Julian day number of 1970-01-01. */
	private static final long JDN_EPOCH = 2440588;

	/** Julian day of the new moon of 1900-01-01, the origin of the new-moon count. */
	private static final double NEW_MOON_ORIGIN = 2415021.076998695;

	private static final double SYNODIC_MONTH = 29.530588853;

	private final double timeZone;

	/**
	 * A lunar calendar for the given offset from UTC in hours (7 for Vietnam, 8 for
	 * China).
	 */
	public LunarCalendar(double timeZone) {
		this.timeZone = timeZone;
	}

	/** The Vietnamese calendar (UTC+7). */
	public static LunarCalendar vietnam() {
		return VIETNAM;
	}

	/**
	 * The solar (Gregorian) date of a lunar date.
	 * @throws IllegalArgumentException when the month or day do not exist, or
	 * {@code leapMonth} is set for a month that is not the leap month of that year
	 */
	public LocalDate solarDate(int lunarYear, int lunarMonth, int lunarDay, boolean leapMonth) {
		if (lunarMonth < 1 || lunarMonth > 12 || lunarDay < 1 || lunarDay > 30) {
			throw new IllegalArgumentException("No lunar date " + lunarDay + "/" + lunarMonth + "/" + lunarYear);
		}
		long a11;
		long b11;
		if (lunarMonth < 11) {
			a11 = lunarMonth11(lunarYear - 1);
			b11 = lunarMonth11(lunarYear);
		}
		else {
			a11 = lunarMonth11(lunarYear);
			b11 = lunarMonth11(lunarYear + 1);
		}
		long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
		int off = lunarMonth - 11;
		if (off < 0) {
			off += 12;
		}
		if (b11 - a11 > 365) {
			int leapOff = leapMonthOffset(a11);
			int leapMonthNumber = leapOff - 2;
			if (leapMonthNumber <= 0) {
				leapMonthNumber += 12;
			}
			if (leapMonth && lunarMonth != leapMonthNumber) {
				throw new IllegalArgumentException(lunarMonth + "/" + lunarYear + " is not a leap month");
			}
			if (leapMonth || off >= leapOff) {
				off += 1;
			}
		}
		else if (leapMonth) {
			throw new IllegalArgumentException(lunarYear + " has no leap month");
		}
		long monthStart = newMoonDay(k + off);
		long nextMonthStart = newMoonDay(k + off + 1);
		long day = monthStart + lunarDay - 1;
		if (day >= nextMonthStart) {
			throw new IllegalArgumentException("Lunar month " + lunarMonth + "/" + lunarYear + " has only "
					+ (nextMonthStart - monthStart) + " days");
		}
		return fromJdn(day);
	}

	/** The lunar date of a solar (Gregorian) date. */
	public LunarDate lunarDate(LocalDate date) {
		long dayNumber = toJdn(date);
		long k = (long) Math.floor((dayNumber - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
		long monthStart = newMoonDay(k + 1);
		// the mean-lunation estimate can be off by one month near a new moon (e.g. 2054):
		// step back as needed
		while (monthStart > dayNumber) {
			monthStart = newMoonDay(k);
			k--;
		}
		int yy = date.getYear();
		long a11 = lunarMonth11(yy);
		long b11 = a11;
		int lunarYear;
		if (a11 >= monthStart) {
			lunarYear = yy;
			a11 = lunarMonth11(yy - 1);
		}
		else {
			lunarYear = yy + 1;
			b11 = lunarMonth11(yy + 1);
		}
		int lunarDay = (int) (dayNumber - monthStart + 1);
		int diff = (int) Math.floor((monthStart - a11) / 29.0);
		boolean leap = false;
		int lunarMonth = diff + 11;
		if (b11 - a11 > 365) {
			int leapMonthDiff = leapMonthOffset(a11);
			if (diff >= leapMonthDiff) {
				lunarMonth = diff + 10;
				leap = (diff == leapMonthDiff);
			}
		}
		if (lunarMonth > 12) {
			lunarMonth -= 12;
		}
		if (lunarMonth >= 11 && diff < 4) {
			lunarYear -= 1;
		}
		return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
	}

	/** The Julian day number (local date) of the k-th new moon after 1900-01-01. */
	long newMoonDay(long k) {
		return (long) Math.floor(newMoon(k) + 0.5 + this.timeZone / 24);
	}

	/**
	 * The day on which lunar month 11 (the month holding the winter solstice) of the
	 * Gregorian year begins.
	 */
	long lunarMonth11(int year) {
		long off = toJdn(LocalDate.of(year, 12, 31)) - 2415021;
		long k = (long) Math.floor(off / SYNODIC_MONTH);
		long nm = newMoonDay(k);
		if (sunLongitudeSector(nm) >= 9) {
			nm = newMoonDay(k - 1);
		}
		return nm;
	}

	/**
	 * In a 13-month year beginning with month 11 on {@code a11}: the offset of the first
	 * month without a major term.
	 */
	int leapMonthOffset(long a11) {
		long k = (long) Math.floor((a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH + 0.5);
		int last;
		int i = 1;
		int arc = sunLongitudeSector(newMoonDay(k + i));
		do {
			last = arc;
			i++;
			arc = sunLongitudeSector(newMoonDay(k + i));
		}
		while (arc != last && i < 14);
		return i - 1;
	}

	/** Which of the twelve 30° sectors the sun is in at the start of the local day. */
	int sunLongitudeSector(long dayNumber) {
		return (int) Math.floor(sunLongitude(dayNumber - 0.5 - this.timeZone / 24) / Math.PI * 6);
	}

	/**
	 * The moment (Julian day, UT) of the k-th new moon after 1900-01-01 (Meeus, chapter
	 * 49, abridged).
	 */
	static double newMoon(long k) {
		double t = k / 1236.85;
		double t2 = t * t;
		double t3 = t2 * t;
		double dr = Math.PI / 180;
		double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
		jd1 = jd1 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
		double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
		double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
		double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
		double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
		c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
		c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
		c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
		c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
		c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
		c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
		double deltaT;
		if (t < -11) {
			deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
		}
		else {
			deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
		}
		return jd1 + c1 - deltaT;
	}

	/**
	 * The sun's apparent longitude in radians, 0 to 2π, at a Julian day (UT) (Meeus,
	 * chapter 25, abridged).
	 */
	static double sunLongitude(double jd) {
		double t = (jd - 2451545.0) / 36525;
		double t2 = t * t;
		double dr = Math.PI / 180;
		double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
		double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
		double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
		dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
		double l = (l0 + dl) * dr;
		return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
	}

	static long toJdn(LocalDate date) {
		return date.toEpochDay() + JDN_EPOCH;
	}

	static LocalDate fromJdn(long jdn) {
		return LocalDate.ofEpochDay(jdn - JDN_EPOCH);
	}

}
