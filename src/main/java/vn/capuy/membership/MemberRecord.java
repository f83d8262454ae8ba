package vn.capuy.membership;

import java.time.LocalDate;

/**
 * The interoperable minimum record of a member (DOMAIN.md §2.2), as a form or an import
 * supplies it. Validation happens in {@link Members} against the rule book; this is only
 * the carrier.
 */
public record MemberRecord(String fullName, String birthName, Sex sex, LocalDate dateOfBirth, String placeOfBirth,
		String placeOfBirthProvince, String homeTown, String homeTownProvince, String ethnicityCode,
		String religionCode, String citizenId, String phone, String education, PoliticalTheory politicalTheory,
		LocalDate admissionDecisionDate, LocalDate admissionCeremonyDate, LocalDate fullMembershipDate,
		String partyCardNumber, String lifeHistoryNumber) {
}
