package vn.capuy.rulebook;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.system.InvalidInputException;

/**
 * The JSON API of the working-day calendar: deadlines in working days and the days off of
 * a year.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

	/** The largest number of working days one request may add (about fourteen years). */
	static final int MAX_DAYS = 3650;

	private final WorkingDayCalendar calendar;

	private final MessageSource messages;

	CalendarController(WorkingDayCalendar calendar, MessageSource messages) {
		this.calendar = calendar;
		this.messages = messages;
	}

	/**
	 * The date {@code days} working days after {@code from}; see
	 * {@link WorkingDayCalendar#addWorkingDays}.
	 */
	@GetMapping("/working-days")
	DateResponse workingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String days) {
		LocalDate start = parseDate(from);
		int n = parseInt("days", days, 0, MAX_DAYS, "calendar.days.invalid");
		LocalDate result = this.calendar.addWorkingDays(start, n);
		if (result.getYear() > WorkingDayCalendar.MAX_YEAR) {
			throw new InvalidInputException("days", "calendar.days.invalid", 0, MAX_DAYS);
		}
		return new DateResponse(result.toString());
	}

	/**
	 * The days off of a year other than ordinary weekends, with their reasons and
	 * sources.
	 */
	@GetMapping("/days-off")
	DaysOffResponse daysOff(@RequestParam(required = false) String year) {
		int y = parseInt("year", year, WorkingDayCalendar.MIN_YEAR, WorkingDayCalendar.MAX_YEAR,
				"calendar.year.invalid");
		List<DayOffItem> items = this.calendar.daysOff(y)
			.stream()
			.map((day) -> new DayOffItem(day.date().toString(), day.reason(), day.source()))
			.toList();
		return new DaysOffResponse(items, items.size());
	}

	/**
	 * Bad input as a 400 problem with the message in the user's language and the field it
	 * concerns.
	 */
	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex, Locale locale) {
		String detail = this.messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("field", ex.field());
		problem.setProperty("messageKey", ex.messageKey());
		return problem;
	}

	private static LocalDate parseDate(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("from", "calendar.from.invalid", String.valueOf(value));
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < WorkingDayCalendar.MIN_YEAR || date.getYear() > WorkingDayCalendar.MAX_YEAR) {
				throw new InvalidInputException("from", "calendar.from.range", WorkingDayCalendar.MIN_YEAR,
						WorkingDayCalendar.MAX_YEAR);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("from", "calendar.from.invalid", value);
		}
	}

	private static int parseInt(String field, String value, int min, int max, String messageKey) {
		try {
			int n = Integer.parseInt(value == null ? "" : value.strip());
			if (n < min || n > max) {
				throw new InvalidInputException(field, messageKey, min, max);
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, messageKey, min, max);
		}
	}

	record DateResponse(String date) {
	}

	record DayOffItem(String date, String reason, String source) {
	}

	record DaysOffResponse(List<DayOffItem> items, int total) {
	}

}
