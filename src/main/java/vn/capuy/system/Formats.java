package vn.capuy.system;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Formatting helpers for templates ({@code @formats}): dates as forms and HD 36 print
 * them, numbers with {@code .} grouping.
 */
@Component("formats")
public class Formats {

	public String date(LocalDate date) {
		return PartyDates.shortForm(date);
	}

	public String longDate(LocalDate date) {
		return PartyDates.longForm(date);
	}

	public String number(long value) {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols();
		symbols.setGroupingSeparator('.');
		return new DecimalFormat("#,##0", symbols).format(value);
	}

}
