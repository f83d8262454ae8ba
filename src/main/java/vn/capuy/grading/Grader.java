package vn.capuy.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The grade rules in one place: the band of a score, then every condition of the rules in
 * force that lowers the highest grade allowed, each named with its reason. Pure: no
 * database, so the rules are tested at their edges.
 */
public final class Grader {

	private Grader() {
	}

	/**
	 * What is known of a subject when it is graded: the score on 100 points, the tasks of
	 * the period, and for a collective the discipline and shortcomings; for a leader, the
	 * grade of the unit they lead (null when not a leader or not decided); for a member,
	 * the disciplines decided against them in the period.
	 */
	public record Facts(BigDecimal score, boolean collective, int tasksTotal, int tasksOnTime, int tasksExceeding,
			int tasksLate, int tasksNotDone, int disciplinedLeadership, int disciplinedSubordinates,
			int shortcomingsOpen, Grade leaderUnitGrade, int disciplinedMember) {

		public static Facts ofScore(BigDecimal score, boolean collective) {
			return new Facts(score, collective, 0, 0, 0, 0, 0, 0, 0, 0, null, 0);
		}

	}

	/** Why a grade is capped: a message key and its arguments, the rule's source. */
	public record Cap(Grade ceiling, String messageKey, List<Object> arguments) {
	}

	/** The highest grade allowed and the conditions that lowered it below the band. */
	public record Result(Grade band, Grade ceiling, List<Cap> caps) {
	}

	public static Result grade(Facts f, GradingRules rules) {
		Grade band = rules.band(f.score());
		List<Cap> caps = new ArrayList<>();
		if (f.tasksTotal() > 0) {
			boolean allOnTime = f.tasksOnTime() == f.tasksTotal();
			BigDecimal exceeding = share(f.tasksExceeding(), f.tasksTotal());
			if (!allOnTime) {
				caps.add(new Cap(Grade.HTNV, "grading.cap.not-all-on-time",
						List.of(f.tasksOnTime(), f.tasksTotal(), rules.bandSource())));
			}
			else if (exceeding.compareTo(rules.minExceedingShare()) < 0) {
				caps.add(new Cap(Grade.HTT, "grading.cap.exceeding",
						List.of(percent(exceeding), percent(rules.minExceedingShare()), rules.exceedingSource())));
			}
			if (f.collective() && (f.tasksNotDone() > 0
					|| share(f.tasksLate(), f.tasksTotal()).compareTo(rules.maxLateShare()) > 0)) {
				caps.add(new Cap(Grade.KHTNV, "grading.cap.late",
						List.of(f.tasksNotDone(), f.tasksLate(), f.tasksTotal(), percent(rules.maxLateShare()))));
			}
		}
		if (f.collective()) {
			if (rules.collectiveNoDiscipline() && (f.disciplinedLeadership() > 0 || f.disciplinedSubordinates() > 0)) {
				caps.add(new Cap(Grade.HTT, "grading.cap.discipline",
						List.of(f.disciplinedLeadership(), f.disciplinedSubordinates())));
			}
			if (rules.collectiveShortcomingsCorrected() && f.shortcomingsOpen() > 0) {
				caps.add(new Cap(Grade.HTT, "grading.cap.shortcomings", List.of(f.shortcomingsOpen())));
			}
		}
		if (!f.collective() && f.disciplinedMember() > 0) {
			caps.add(new Cap(rules.memberDisciplinedMax(), "grading.cap.member-discipline",
					List.of(f.disciplinedMember(), rules.memberDisciplinedSource())));
		}
		if (rules.leaderBoundedByUnit() && f.leaderUnitGrade() != null) {
			caps.add(new Cap(f.leaderUnitGrade(), "grading.cap.leader", List.of(f.leaderUnitGrade().name())));
		}
		Grade ceiling = band;
		List<Cap> effective = new ArrayList<>();
		for (Cap cap : caps) {
			if (cap.ceiling().ordinal() > band.ordinal()) {
				effective.add(cap);
			}
			ceiling = Grade.lower(ceiling, cap.ceiling());
		}
		return new Result(band, ceiling, effective);
	}

	static BigDecimal share(int part, int total) {
		return total == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
	}

	static String percent(BigDecimal share) {
		return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
	}

}
