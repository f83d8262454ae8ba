package vn.capuy.committee;

import java.time.LocalDate;

/**
 * A term (nhiệm kỳ) of an organisation's committee: opened by a congress (or an
 * appointment), planned to end on a date, closed when the next term opens.
 */
public record CommitteeTerm(long id, long organizationId, Integer number, String label, LocalDate congressDate,
		LocalDate plannedEnd, LocalDate validTo, String openedBy, String decisionRef, String closedReason) {

	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(this.congressDate) && (this.validTo == null || date.isBefore(this.validTo));
	}

}
