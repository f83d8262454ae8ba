package vn.capuy.inspection;

import java.time.LocalDate;

/**
 * A discipline decision took effect on a date; the committee module ends the member's
 * positions on a removal from post (CACH_CHUC), other modules may follow.
 */
public record DisciplineTookEffect(long decisionId, Long memberId, Long organizationId, DisciplineForm form,
		LocalDate effectiveDate, String documentRef) {
}
