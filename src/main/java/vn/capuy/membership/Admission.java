package vn.capuy.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * A candidate's admission file as the pages show it: who, where, the step reached and
 * since when, the dates of each decision, the forms and the introducers.
 */
public record Admission(long id, String fullName, Sex sex, LocalDate dateOfBirth, String citizenId, String education,
		boolean lowerSecondaryCompleted, String educationException, boolean youthUnionMember, long organizationId,
		String organizationName, Long helperMemberId, String helperName, AdmissionState state, LocalDate stateSince,
		LocalDate identifiedOn, LocalDate courseCertificateDate, LocalDate youthUnionResolutionDate,
		LocalDate cellResolutionDate, LocalDate committeeResolutionDate, LocalDate decisionDate, String decisionRef,
		boolean decisionExtended, LocalDate ceremonyDate, Long memberId, LocalDate cellRecognitionDate,
		int failedRecognitionVotes, LocalDate escalatedOn, boolean readmission, LocalDate closedOn, String closedReason,
		int version, List<FormStatus> forms, List<Introducer> introducers, List<Transition> transitions) {

	/** A form of the checklist: attached on a date, or missing. */
	public record FormStatus(AdmissionForm form, LocalDate attachedOn, String reference) {

		public boolean attached() {
			return this.attachedOn != null;
		}

	}

	/** A full member introducing the candidate. */
	public record Introducer(long memberId, String fullName, LocalDate togetherSince) {
	}

	/** A recorded step. */
	public record Transition(AdmissionState from, AdmissionState to, LocalDate onDate, String actor, String note) {
	}

	/** The end of probation (12 months from the ceremony by the rule book), or null. */
	public LocalDate probationEnd(int months) {
		return this.ceremonyDate == null ? null : this.ceremonyDate.plusMonths(months);
	}

}
