package vn.capuy.membership;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.capuy.system.InvalidInputException;

/**
 * Dates as member files carry them: {@code dd/MM/yyyy}, {@code d/M/yy} (a two-digit year
 * after the pivot is 19yy, otherwise 20yy), ISO {@code yyyy-MM-dd}, and Excel serial
 * numbers.
 */
final class ImportDates {

	private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.0+)?");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private ImportDates() {
	}

	/**
	 * Parses a date; {@code pivot} is the two-digit year at and below which a two-digit
	 * year means 20yy.
	 */
	static LocalDate parse(String field, String text, int pivot) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String s = text.strip();
		try {
			Matcher m = DMY.matcher(s);
			if (m.matches()) {
				int year = Integer.parseInt(m.group(3));
				if (m.group(3).length() == 2) {
					year += year > pivot ? 1900 : 2000;
				}
				return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
			}
			m = ISO.matcher(s);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			if (SERIAL.matcher(s).matches()) {
				long serial = (long) Double.parseDouble(s);
				if (serial >= 61) {
					return EXCEL_EPOCH.plusDays(serial);
				}
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			// falls through to the message below
		}
		throw new InvalidInputException(field, "import.error.date", s);
	}

}
