package vn.capuy.grading;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What other modules know that grading shows beside each person and organisation and uses
 * in its conditions: attendance at cell meetings (meeting module), overdue tasks
 * (directive module), discipline in the period (inspection module). Optional: when no
 * module provides a bean, nothing is known and the appraiser enters the facts by hand.
 * Several beans may each answer part; the first answer wins.
 */
public interface GradingInputs {

	/** Cell meetings held and attended by the member in the period. */
	record Attendance(int held, int attended) {
	}

	/** A discipline decided in the period: who, which form, when. */
	record DisciplineRecord(String subject, String form, LocalDate decidedOn) {
	}

	default Optional<Attendance> attendance(long memberId, LocalDate from, LocalDate to) {
		return Optional.empty();
	}

	/** Tasks of the member or organisation overdue at the end of the period. */
	default Optional<Integer> overdueTasks(Long memberId, Long organizationId, LocalDate from, LocalDate to) {
		return Optional.empty();
	}

	default List<DisciplineRecord> disciplineOfMember(long memberId, LocalDate from, LocalDate to) {
		return List.of();
	}

	/**
	 * Discipline in the period of members of the organisation's leadership collective
	 * (committee).
	 */
	default List<DisciplineRecord> disciplineOfLeadership(long organizationId, LocalDate from, LocalDate to) {
		return List.of();
	}

	/** Discipline in the period of organisations under this one. */
	default List<DisciplineRecord> disciplineOfSubordinates(long organizationId, LocalDate from, LocalDate to) {
		return List.of();
	}

}
