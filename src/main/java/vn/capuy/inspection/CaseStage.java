package vn.capuy.inspection;

/** The dated stages of a case, in order; a case moves forward only. */
public enum CaseStage {

	/** Decision to inspect (with its document). */
	DECISION,
	/** Notification of the subject. */
	NOTIFICATION,
	/** The subject's self-report. */
	SELF_REPORT,
	/** Verification by the team. */
	VERIFICATION,
	/** Draft conclusion. */
	DRAFT_CONCLUSION,
	/** Meeting and vote of the body. */
	MEETING_VOTE,
	/** Conclusion notified. */
	CONCLUSION_NOTIFIED,
	/** Follow-up of recommendations. */
	FOLLOW_UP,
	/** Closed. */
	CLOSED

}
