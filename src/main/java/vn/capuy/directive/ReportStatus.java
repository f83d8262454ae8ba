package vn.capuy.directive;

import vn.capuy.system.RuleViolationException;

/**
 * Where a report (periodic or review) stands on its way up the chain:
 * {@code DRAFT → SUBMITTED → ACCEPTED | RETURNED → SUBMITTED …}. Each transition is a
 * guarded method; any other move is refused with the rule named (409).
 */
public enum ReportStatus {

	/** Being written by the organisation. */
	DRAFT,
	/** Sent to the committee, waiting for its decision. */
	SUBMITTED,
	/** Accepted by the committee; final. */
	ACCEPTED,
	/** Returned for correction with a comment; may be submitted again. */
	RETURNED;

	/** The organisation sends the report up. */
	public ReportStatus submit() {
		if (this == DRAFT || this == RETURNED) {
			return SUBMITTED;
		}
		throw new RuleViolationException("error.directive.report.cannot-submit", name());
	}

	/** The committee accepts a submitted report. */
	public ReportStatus accept() {
		if (this == SUBMITTED) {
			return ACCEPTED;
		}
		throw new RuleViolationException("error.directive.report.cannot-accept", name());
	}

	/** The committee returns a submitted report for correction. */
	public ReportStatus returnForCorrection() {
		if (this == SUBMITTED) {
			return RETURNED;
		}
		throw new RuleViolationException("error.directive.report.cannot-return", name());
	}

	/** Whether the organisation may still change the content. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
