package vn.capuy.organization;

import java.time.LocalDate;

/**
 * An organisation as it stood on a date: its name and parent on that date, and its
 * lifetime.
 */
public record Organization(long id, String name, OrganizationType type, Long parentId, String agencyName,
		LocalDate validFrom, LocalDate validTo, String closedReason, int version) {

	public boolean activeOn(LocalDate date) {
		return !date.isBefore(this.validFrom) && (this.validTo == null || date.isBefore(this.validTo));
	}

}
