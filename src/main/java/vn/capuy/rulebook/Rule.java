package vn.capuy.rulebook;

import java.time.LocalDate;

/**
 * One version of a rule: its value in force from {@code validFrom} until the day before
 * {@code validTo} (open when null), with the document it comes from and how sure we are
 * of it.
 */
public record Rule(long id, String key, String value, ValueType valueType, LocalDate validFrom, LocalDate validTo,
		String sourceDocument, String confidence, String note, int version) {

	public enum ValueType {

		INTEGER, DECIMAL, TEXT, PATTERN, BOOLEAN

	}

	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(this.validFrom) && (this.validTo == null || date.isBefore(this.validTo));
	}

}
