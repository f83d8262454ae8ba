package vn.capuy.grading;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The inputs of every {@link GradingInputs} bean other modules provide, asked in turn;
 * with none, nothing is known (the no-op default).
 */
@Component
class Inputs {

	private final ObjectProvider<GradingInputs> sources;

	Inputs(ObjectProvider<GradingInputs> sources) {
		this.sources = sources;
	}

	private <T> Optional<T> first(Function<GradingInputs, Optional<T>> ask) {
		for (GradingInputs source : this.sources.orderedStream().toList()) {
			Optional<T> answer = ask.apply(source);
			if (answer.isPresent()) {
				return answer;
			}
		}
		return Optional.empty();
	}

	private <T> List<T> all(Function<GradingInputs, List<T>> ask) {
		return this.sources.orderedStream().flatMap((s) -> ask.apply(s).stream()).toList();
	}

	public Optional<GradingInputs.Attendance> attendance(long memberId, LocalDate from, LocalDate to) {
		return first((s) -> s.attendance(memberId, from, to));
	}

	public Optional<Integer> overdueTasks(Long memberId, Long organizationId, LocalDate from, LocalDate to) {
		return first((s) -> s.overdueTasks(memberId, organizationId, from, to));
	}

	public List<GradingInputs.DisciplineRecord> disciplineOfMember(long memberId, LocalDate from, LocalDate to) {
		return all((s) -> s.disciplineOfMember(memberId, from, to));
	}

	public List<GradingInputs.DisciplineRecord> disciplineOfLeadership(long organizationId, LocalDate from,
			LocalDate to) {
		return all((s) -> s.disciplineOfLeadership(organizationId, from, to));
	}

	public List<GradingInputs.DisciplineRecord> disciplineOfSubordinates(long organizationId, LocalDate from,
			LocalDate to) {
		return all((s) -> s.disciplineOfSubordinates(organizationId, from, to));
	}

}
