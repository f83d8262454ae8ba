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
		boolean violatedStandards, String residenceComment, int version) {

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

	Grader.Facts facts(BigDecimal score, Grade leaderUnitGrade) {
		return new Grader.Facts(score, !isMember(), this.tasksTotal, this.tasksOnTime, this.tasksExceeding,
				this.tasksLate, this.tasksNotDone, this.disciplinedLeadership, this.disciplinedSubordinates,
				this.shortcomingsOpen, leaderUnitGrade);
	}

}
