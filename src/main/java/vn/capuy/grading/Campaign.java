package vn.capuy.grading;

import java.time.LocalDate;

/**
 * A review campaign: the organisation running it, the period, the date whose rules apply,
 * the deadlines in working days from its opening, and its status.
 */
public record Campaign(long id, long rootOrganizationId, String rootName, PeriodKind periodKind, LocalDate periodFrom,
		LocalDate periodTo, String title, LocalDate rulesOn, LocalDate openedOn, LocalDate selfDeadline,
		LocalDate appraisalDeadline, LocalDate decisionDeadline, String status, LocalDate publishedOn, int version) {

	/** "2025", "Q3/2025", or the dates. */
	public String period() {
		return switch (this.periodKind) {
			case YEAR -> String.valueOf(this.periodFrom.getYear());
			case QUARTER -> "Q" + ((this.periodFrom.getMonthValue() - 1) / 3 + 1) + "/" + this.periodFrom.getYear();
			default -> this.periodFrom + "/" + this.periodTo;
		};
	}

}
