package vn.capuy.system;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates as Vietnamese party documents print them (HD 36-HD/VPTW):
 * {@code ngày 05 tháng 02 năm 2018}, and as forms show them: {@code 05/02/2018}.
 */
public final class PartyDates {

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private PartyDates() {
	}

	/** {@code ngày 05 tháng 02 năm 2018}, with leading zeros as HD 36 wants them. */
	public static String longForm(LocalDate date) {
		if (date == null) {
			return "";
		}
		return String.format("ngày %02d tháng %02d năm %d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** {@code 05/02/2018}. */
	public static String shortForm(LocalDate date) {
		return date == null ? "" : SHORT.format(date);
	}

	/**
	 * Parses an ISO date, or returns null for a blank one; throws
	 * {@link InvalidInputException} otherwise.
	 */
	public static LocalDate parseIso(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "error.date.format", text);
		}
	}

}
