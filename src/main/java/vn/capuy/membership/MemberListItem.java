package vn.capuy.membership;

import java.time.LocalDate;

/**
 * One row of the member list on a date.
 */
public record MemberListItem(long id, String fullName, Sex sex, LocalDate dateOfBirth, long organizationId,
		String organizationName, MemberStatus status, String partyCardNumber) {
}
