package vn.capuy.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's file as the member page shows it: the record, where they belonged and their
 * status over time, and the party age computed on a date.
 */
public record MemberFile(long id, MemberRecord record, String ethnicityName, String religionName,
		String homeTownProvinceToday, MemberStatus status, Long organizationId, String organizationName,
		Integer partyAgeYears, List<Placement> placements, List<StatusPeriod> statuses, int version) {

	/** A period in one organisation. */
	public record Placement(long organizationId, String organizationName, LocalDate validFrom, LocalDate validTo,
			String reason, String decisionRef) {
	}

	/** A period in one status. */
	public record StatusPeriod(MemberStatus status, LocalDate validFrom, LocalDate validTo, String reason,
			String decisionRef) {
	}

}
