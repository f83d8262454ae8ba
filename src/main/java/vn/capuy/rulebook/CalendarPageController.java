package vn.capuy.rulebook;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Today;

/**
 * The working-day calendar page: a year's days off with their reasons and sources, and a
 * deadline calculator.
 */
@Controller
class CalendarPageController {

	private final WorkingDayCalendar calendar;

	private final Today today;

	CalendarPageController(WorkingDayCalendar calendar, Today today) {
		this.calendar = calendar;
		this.today = today;
	}

	@GetMapping("/calendar")
	String page(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) Integer days, Model model) {
		int y = year != null ? year : this.today.date().getYear();
		if (y < WorkingDayCalendar.MIN_YEAR || y > WorkingDayCalendar.MAX_YEAR) {
			throw new InvalidInputException("year", "calendar.year.invalid", WorkingDayCalendar.MIN_YEAR,
					WorkingDayCalendar.MAX_YEAR);
		}
		model.addAttribute("year", y);
		model.addAttribute("daysOff", this.calendar.daysOff(y));
		LocalDate start = from != null ? from : this.today.date();
		int n = days != null ? days : 30;
		if (n < 0 || n > 3650) {
			throw new InvalidInputException("days", "calendar.days.invalid", 0, 3650);
		}
		model.addAttribute("from", start);
		model.addAttribute("days", n);
		model.addAttribute("deadline", this.calendar.addWorkingDays(start, n));
		return "rulebook/calendar";
	}

}
