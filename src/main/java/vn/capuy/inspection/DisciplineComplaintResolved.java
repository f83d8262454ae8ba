package vn.capuy.inspection;

import java.time.LocalDate;

/**
 * A complaint against a discipline decision was decided on a date: the decision stands
 * (UPHELD), a milder form replaces it (REDUCED, {@code reducedForm}), or it is annulled
 * (ANNULLED). An annulled or reduced expulsion has already given the member back their
 * status in the same transaction; positions ended by an annulled removal from post are
 * not restored by themselves (the committee decides).
 */
public record DisciplineComplaintResolved(long decisionId, long complaintId, Long memberId, Long organizationId,
		DisciplineForm form, ComplaintOutcome outcome, DisciplineForm reducedForm, LocalDate decidedOn,
		String outcomeRef) {
}
