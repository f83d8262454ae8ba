package vn.capuy.committee;

import java.time.LocalDate;

/**
 * A position held by a member in an organisation's committee over a period.
 */
public record HeldPosition(long id, long termId, long organizationId, String organizationName, Position position,
		long memberId, String memberName, LocalDate validFrom, LocalDate validTo, FilledBy filledBy, String decisionRef,
		String closedReason) {

	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(this.validFrom) && (this.validTo == null || date.isBefore(this.validTo));
	}

}
