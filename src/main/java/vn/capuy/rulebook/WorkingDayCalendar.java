package vn.capuy.rulebook;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.capuy.identity.AuditLog;
import vn.capuy.rulebook.calendar.YearPlanner;
import vn.capuy.rulebook.calendar.YearSchedule;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;

/**
 * The Vietnamese working-day calendar of the public sector (Saturday–Sunday week): which
 * days are working days, and deadlines counted in working days.
 * <p>
 * A day is not a working day when it is a Saturday or Sunday (unless announced as a
 * make-up working day, làm bù) or a day off. The days off of a year are, for each
 * holiday: the days announced for that year and holiday when there are any (they replace
 * the computed ones), otherwise the days of the {@code holiday_rule} version in force on
 * the holiday's date, plus a compensatory day (nghỉ bù) on the next working day for each
 * holiday day falling on a weekend. Note that announcing a single day of a holiday
 * replaces all its computed days in that year: announce the whole break.
 * <p>
 * Each year is computed once and kept in memory; an announcement through this class
 * evicts it at once, and changes made by other nodes are noticed within
 * {@link #REFRESH_INTERVAL}. Years from {@value #MIN_YEAR} to {@value #MAX_YEAR} are
 * supported; rules start in 1995, and Saturdays are treated as rest days throughout
 * although the five-day week began only in 1999.
 */
@Service
public class WorkingDayCalendar {

	public static final int MIN_YEAR = 1900;

	public static final int MAX_YEAR = 2199;

	/**
	 * How long a node trusts its cached years before checking the tables for changes made
	 * elsewhere.
	 */
	static final Duration REFRESH_INTERVAL = Duration.ofSeconds(30);

	private static final Pattern HOLIDAY_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_-]*$");

	private final CalendarStore store;

	private final AuditLog audit;

	private final YearPlanner planner = new YearPlanner(LunarCalendar.vietnam());

	private final Map<Integer, YearSchedule> years = new ConcurrentHashMap<>();

	private volatile List<HolidayRule> rules;

	private volatile String revision;

	private volatile long checkedAt;

	WorkingDayCalendar(CalendarStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	/** Whether the date is a working day. */
	public boolean isWorkingDay(LocalDate date) {
		return schedule(date.getYear()).isWorkingDay(date);
	}

	/**
	 * The date {@code n} working days after {@code start}, counting from the day after
	 * {@code start}: for {@code n ≥ 1}, the n-th working day strictly after
	 * {@code start}; for {@code n = 0}, {@code start} itself when it is a working day,
	 * else the next working day. The deadline of "within 30 working days of X" is
	 * {@code addWorkingDays(X, 30)}. For {@code n ≥ 1},
	 * {@code workingDaysBetween(start, result) == n}.
	 * @throws IllegalArgumentException when {@code n} is negative
	 */
	public LocalDate addWorkingDays(LocalDate start, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative: " + n);
		}
		LocalDate date = start;
		if (n == 0) {
			while (!isWorkingDay(date)) {
				date = date.plusDays(1);
			}
			return date;
		}
		int counted = 0;
		while (counted < n) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * The number of working days in {@code (a, b]}: after {@code a}, up to and including
	 * {@code b}; negative when {@code b} is before {@code a}, zero when they are equal.
	 */
	public int workingDaysBetween(LocalDate a, LocalDate b) {
		if (b.isBefore(a)) {
			return -workingDaysBetween(b, a);
		}
		int count = 0;
		for (LocalDate date = a.plusDays(1); !date.isAfter(b); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The days off of a year other than ordinary weekends, in date order, each with its
	 * reason and source.
	 */
	public List<DayOff> daysOff(int year) {
		return schedule(year).daysOff();
	}

	/** The open announced days of a year (days off and make-up working days). */
	public List<AnnouncedDay> announcements(int year) {
		checkYear(year);
		return this.store.announced(year);
	}

	/**
	 * Announces a day: a day off of a holiday break or a make-up working day. Audited;
	 * the cached year is evicted.
	 * @param confidence {@code V} (verified in the announcement text), {@code P}
	 * (probable), {@code M} (assumed)
	 */
	@Transactional
	public AnnouncedDay announce(LocalDate date, AnnouncedDay.Kind kind, String holidayCode, String sourceDocument,
			String confidence, String note, String actor) {
		if (date == null) {
			throw new InvalidInputException("date", "calendar.date.required");
		}
		if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
			throw new InvalidInputException("date", "calendar.year.invalid", MIN_YEAR, MAX_YEAR);
		}
		if (kind == null) {
			throw new InvalidInputException("kind", "calendar.kind.required");
		}
		if (holidayCode == null || !HOLIDAY_CODE.matcher(holidayCode.strip()).matches()) {
			throw new InvalidInputException("holidayCode", "calendar.holiday-code.invalid", holidayCode);
		}
		if (sourceDocument == null || sourceDocument.isBlank()) {
			throw new InvalidInputException("sourceDocument", "calendar.source.required");
		}
		if (confidence == null || !List.of("V", "P", "M").contains(confidence)) {
			throw new InvalidInputException("confidence", "calendar.confidence.invalid");
		}
		if (this.store.openOn(date).isPresent()) {
			throw new InvalidInputException("date", "calendar.day.already-announced", date);
		}
		long id = this.store.insert(date, kind, holidayCode.strip(), sourceDocument.strip(), confidence, null, note,
				actor);
		AnnouncedDay created = this.store.announced(date.getYear())
			.stream()
			.filter((day) -> day.id() == id)
			.findFirst()
			.orElseThrow();
		this.audit.record(actor, "ANNOUNCE", "calendar_day", id, null, created);
		evictAfterCommit();
		return created;
	}

	/**
	 * Withdraws an announced day (the row is kept, closed, with the reason). Audited; the
	 * cached year is evicted.
	 */
	@Transactional
	public void closeAnnouncement(long id, String reason, String actor) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "calendar.close.reason.required");
		}
		AnnouncedDay day = this.store.openById(id).orElseThrow(() -> new NotFoundException("calendar_day " + id));
		if (this.store.close(id, reason.strip(), actor) != 1) {
			throw new NotFoundException("calendar_day " + id);
		}
		this.audit.record(actor, "CLOSE", "calendar_day", id, day, null);
		evictAfterCommit();
	}

	/** Forgets every cached year and the rules; the next call reads the tables again. */
	public void evict() {
		this.years.clear();
		this.rules = null;
		this.revision = null;
	}

	YearSchedule schedule(int year) {
		checkYear(year);
		refreshIfStale();
		YearSchedule schedule = this.years.get(year);
		if (schedule == null) {
			List<HolidayRule> current = this.rules;
			if (current == null) {
				current = this.store.rules();
				this.rules = current;
			}
			schedule = this.planner.plan(year, current, this.store.announced(year));
			this.years.put(year, schedule);
		}
		return schedule;
	}

	private void refreshIfStale() {
		long now = System.nanoTime();
		if (this.revision != null && now - this.checkedAt < REFRESH_INTERVAL.toNanos()) {
			return;
		}
		String current = this.store.revision();
		if (!Objects.equals(current, this.revision)) {
			this.years.clear();
			this.rules = null;
		}
		this.revision = current;
		this.checkedAt = now;
	}

	private void evictAfterCommit() {
		evict();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					evict();
				}
			});
		}
	}

	private static void checkYear(int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new IllegalArgumentException("Year " + year + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
		}
	}

}
