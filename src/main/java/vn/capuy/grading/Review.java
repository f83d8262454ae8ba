package vn.capuy.grading;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reviewed subject of a campaign as it stands: who, where, who decides, the step
 * reached, the grades of each step and the facts its conditions use.
 */
public record Review(long id, long campaignId, String subjectKind, Collective collective, long organizationId,
		Long memberId, String subjectName, String organizationName, long decidingOrganizationId, ReviewForm form,
		Long leadsOrganizationId, Step step, BigDecimal selfScore, Grade selfGrade, BigDecimal proposedScore,
		Grade proposedGrade, String proposedReason, Grade decidedGrade, LocalDate decidedOn, String decisionReason,
		String quotaExceptionReason, int tasksTotal, int tasksOnTime, int tasksExceeding, int tasksLate,
		int tasksNotDone, int disciplinedLeadership, int disciplinedSubordinates, int shortcomingsOpen,
		boolean violatedStandards, String residenceComment, int version, Known known) {

	/**
	 * What other modules knew of the subject when it was last self-assessed or proposed
	 * ({@link GradingInputs}): attendance and tasks (null when nobody knew), the member's
	 * disciplines in the period, and when it was read (null: never).
	 */
	public record Known(LocalDate on, GradingInputs.Attendance attendance, GradingInputs.Tasks tasks, int disciplined) {

		static final Known NOTHING = new Known(null, null, null, 0);

	}

	public static final String MEMBER = "MEMBER";

	public static final String ORGANIZATION = "ORGANIZATION";

	public boolean isMember() {
		return MEMBER.equals(this.subjectKind);
	}

	/** The grade that counts now: decided, else proposed, else self-assessed. */
	public Grade currentGrade() {
		return this.decidedGrade != null ? this.decidedGrade
				: this.proposedGrade != null ? this.proposedGrade : this.selfGrade;
	}

	public BigDecimal currentScore() {
		return this.proposedScore != null ? this.proposedScore : this.selfScore;
	}

	/** The same review with other known facts (what would apply if assessed now). */
	Review withKnown(Known other, int leadership, int subordinates) {
		return new Review(this.id, this.campaignId, this.subjectKind, this.collective, this.organizationId,
				this.memberId, this.subjectName, this.organizationName, this.decidingOrganizationId, this.form,
				this.leadsOrganizationId, this.step, this.selfScore, this.selfGrade, this.proposedScore,
				this.proposedGrade, this.proposedReason, this.decidedGrade, this.decidedOn, this.decisionReason,
				this.quotaExceptionReason, this.tasksTotal, this.tasksOnTime, this.tasksExceeding, this.tasksLate,
				this.tasksNotDone, leadership, subordinates, this.shortcomingsOpen, this.violatedStandards,
				this.residenceComment, this.version, other);
	}

	/**
	 * The facts the conditions use: the tasks typed by hand plus the tasks other modules
	 * know (resolution tasks), the collective's discipline (already the larger of typed
	 * and known), the member's discipline as known.
	 */
	Grader.Facts facts(BigDecimal score, Grade leaderUnitGrade) {
		GradingInputs.Tasks k = this.known.tasks() != null ? this.known.tasks() : new GradingInputs.Tasks(0, 0, 0, 0);
		return new Grader.Facts(score, !isMember(), this.tasksTotal + k.total(), this.tasksOnTime + k.onTime(),
				this.tasksExceeding, this.tasksLate + k.late(), this.tasksNotDone + k.notDone(),
				this.disciplinedLeadership, this.disciplinedSubordinates, this.shortcomingsOpen, leaderUnitGrade,
				this.known.disciplined());
	}

}
