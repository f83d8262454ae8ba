package vn.capuy.grading;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The inputs of every {@link GradingInputs} bean other modules provide, combined: each
 * module answers for its own records, so counts are added up and lists joined; when
 * nobody knows, nothing is known (empty).
 */
@Component
class Inputs {

	/**
	 * What is known of one subject in a period: attendance and tasks (null when no module
	 * knows), and the discipline of the member, or of an organisation's leadership and
	 * subordinates.
	 */
	record Answer(GradingInputs.Attendance attendance, GradingInputs.Tasks tasks,
			List<GradingInputs.DisciplineRecord> discipline, List<GradingInputs.DisciplineRecord> leadership,
			List<GradingInputs.DisciplineRecord> subordinates) {

		static final Answer NOTHING = new Answer(null, null, List.of(), List.of(), List.of());

		boolean anything() {
			return this.attendance != null || this.tasks != null || !this.discipline.isEmpty()
					|| !this.leadership.isEmpty() || !this.subordinates.isEmpty();
		}

	}

	private final Supplier<List<GradingInputs>> sources;

	@Autowired
	Inputs(ObjectProvider<GradingInputs> sources) {
		this.sources = () -> sources.orderedStream().toList();
	}

	private Inputs(List<GradingInputs> sources) {
		this.sources = () -> sources;
	}

	/** Inputs combined from the given sources (for plain unit tests). */
	static Inputs of(List<GradingInputs> sources) {
		return new Inputs(List.copyOf(sources));
	}

	/** What is known of a member in the period. */
	Answer member(long memberId, LocalDate from, LocalDate to) {
		return members(List.of(memberId), from, to).getOrDefault(memberId, Answer.NOTHING);
	}

	/**
	 * What is known of many members at once (one batch call per source); members nothing
	 * is known of are left out.
	 */
	Map<Long, Answer> members(Collection<Long> memberIds, LocalDate from, LocalDate to) {
		Map<Long, GradingInputs.Attendance> attendance = new HashMap<>();
		Map<Long, GradingInputs.Tasks> tasks = new HashMap<>();
		Map<Long, List<GradingInputs.DisciplineRecord>> discipline = new HashMap<>();
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		for (GradingInputs source : this.sources.get()) {
			source.attendance(memberIds, from, to)
				.forEach((id, a) -> attendance.merge(id, a, GradingInputs.Attendance::plus));
			source.tasksOfMembers(memberIds, from, to)
				.forEach((id, t) -> tasks.merge(id, t, GradingInputs.Tasks::plus));
			source.disciplineOfMembers(memberIds, from, to)
				.forEach((id, d) -> discipline.merge(id, List.copyOf(d), Inputs::join));
		}
		Map<Long, Answer> known = new LinkedHashMap<>();
		for (Long id : memberIds) {
			Answer k = new Answer(attendance.get(id), tasks.get(id), discipline.getOrDefault(id, List.of()), List.of(),
					List.of());
			if (k.anything()) {
				known.put(id, k);
			}
		}
		return known;
	}

	/** What is known of an organisation (a collective) in the period. */
	Answer organization(long organizationId, LocalDate from, LocalDate to) {
		GradingInputs.Tasks tasks = null;
		List<GradingInputs.DisciplineRecord> leadership = List.of();
		List<GradingInputs.DisciplineRecord> subordinates = List.of();
		for (GradingInputs source : this.sources.get()) {
			Optional<GradingInputs.Tasks> t = source.tasksOfOrganization(organizationId, from, to);
			if (t.isPresent()) {
				tasks = tasks == null ? t.get() : tasks.plus(t.get());
			}
			leadership = join(leadership, source.disciplineOfLeadership(organizationId, from, to));
			subordinates = join(subordinates, source.disciplineOfSubordinates(organizationId, from, to));
		}
		return new Answer(null, tasks, List.of(), leadership, subordinates);
	}

	private static <T> List<T> join(List<T> a, List<T> b) {
		if (b == null || b.isEmpty()) {
			return a;
		}
		if (a.isEmpty()) {
			return List.copyOf(b);
		}
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

}
