package vn.capuy.grading;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules know that grading shows beside each person and organisation and uses
 * in its conditions: attendance at meetings and resolution tasks (meeting module),
 * discipline in the period (inspection module). Optional: when no module provides a bean,
 * nothing is known and the appraiser enters the facts by hand.
 * <p>
 * Several beans are combined: each answers only for the records its own module owns
 * (never the same meeting, task or decision twice), and grading adds the answers up
 * (counts summed, lists joined). Every method has a default that knows nothing, so an
 * implementation overrides only what its module knows. Periods are inclusive:
 * {@code from <= date <= to}. Implementations are read-only, ignore the caller's scope
 * (grading has already checked it) and must not fail when an id is unknown.
 * <p>
 * Final signature: see /work/notes/gradinginputs-spi.md and docs/grading.md.
 */
public interface GradingInputs {

	/**
	 * Meetings of the member's cell in the period where the member was on the roll: held,
	 * attended (present or late), and absences without a valid reason.
	 */
	record Attendance(int held, int attended, int unexcused) {

		public Attendance plus(Attendance other) {
			return new Attendance(this.held + other.held, this.attended + other.attended,
					this.unexcused + other.unexcused);
		}

	}

	/**
	 * Tasks due in the period (deadline from {@code from} to {@code to}): how many, done
	 * on time (done on or before the deadline), done late, and not done by the end of the
	 * period (closed tasks with a reason are not counted). {@code onTime + late + notDone
	 * == total}.
	 */
	record Tasks(int total, int onTime, int late, int notDone) {

		public Tasks plus(Tasks other) {
			return new Tasks(this.total + other.total, this.onTime + other.onTime, this.late + other.late,
					this.notDone + other.notDone);
		}

	}

	/**
	 * A discipline decided in the period (decision date within it, not annulled): who,
	 * which form (e.g. KHIEN_TRACH), when.
	 */
	record DisciplineRecord(String subject, String form, LocalDate decidedOn) {
	}

	/** Attendance of one member at meetings in the period; empty when not known. */
	default Optional<Attendance> attendance(long memberId, LocalDate from, LocalDate to) {
		return Optional.empty();
	}

	/** Tasks assigned to the member and due in the period; empty when not known. */
	default Optional<Tasks> tasksOfMember(long memberId, LocalDate from, LocalDate to) {
		return Optional.empty();
	}

	/**
	 * Tasks of the organisation (its resolutions' tasks) due in the period; empty when
	 * not known.
	 */
	default Optional<Tasks> tasksOfOrganization(long organizationId, LocalDate from, LocalDate to) {
		return Optional.empty();
	}

	/** Discipline decided in the period against the member. */
	default List<DisciplineRecord> disciplineOfMember(long memberId, LocalDate from, LocalDate to) {
		return List.of();
	}

	/**
	 * Discipline decided in the period against members of the organisation's leadership
	 * collective (its committee).
	 */
	default List<DisciplineRecord> disciplineOfLeadership(long organizationId, LocalDate from, LocalDate to) {
		return List.of();
	}

	/**
	 * Discipline decided in the period against organisations under this one (not the
	 * organisation itself).
	 */
	default List<DisciplineRecord> disciplineOfSubordinates(long organizationId, LocalDate from, LocalDate to) {
		return List.of();
	}

	/**
	 * Attendance of many members at once (one query instead of one per member); the
	 * default asks {@link #attendance} for each. Override for speed; members not known
	 * are left out of the map.
	 */
	default Map<Long, Attendance> attendance(Collection<Long> memberIds, LocalDate from, LocalDate to) {
		Map<Long, Attendance> map = new LinkedHashMap<>();
		for (Long id : memberIds) {
			attendance(id, from, to).ifPresent((a) -> map.put(id, a));
		}
		return map;
	}

	/**
	 * Tasks of many members at once; the default asks {@link #tasksOfMember} for each.
	 */
	default Map<Long, Tasks> tasksOfMembers(Collection<Long> memberIds, LocalDate from, LocalDate to) {
		Map<Long, Tasks> map = new LinkedHashMap<>();
		for (Long id : memberIds) {
			tasksOfMember(id, from, to).ifPresent((t) -> map.put(id, t));
		}
		return map;
	}

	/**
	 * Discipline of many members at once; the default asks {@link #disciplineOfMember}
	 * for each. Members without discipline are left out of the map.
	 */
	default Map<Long, List<DisciplineRecord>> disciplineOfMembers(Collection<Long> memberIds, LocalDate from,
			LocalDate to) {
		Map<Long, List<DisciplineRecord>> map = new LinkedHashMap<>();
		for (Long id : memberIds) {
			List<DisciplineRecord> records = disciplineOfMember(id, from, to);
			if (!records.isEmpty()) {
				map.put(id, records);
			}
		}
		return map;
	}

}
