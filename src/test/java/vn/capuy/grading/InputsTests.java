package vn.capuy.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the answers of several {@link GradingInputs} (meeting module, inspection module)
 * are combined and used by the conditions: counts added, lists joined, nothing known when
 * nobody answers. Plain unit test: the full context has no test beans.
 */
class InputsTests {

	private static final LocalDate FROM = LocalDate.of(2025, 1, 1);

	private static final LocalDate TO = LocalDate.of(2025, 12, 31);

	/** What a meeting module would know: attendance and resolution tasks. */
	static final class Meetings implements GradingInputs {

		@Override
		public Optional<Attendance> attendance(long memberId, LocalDate from, LocalDate to) {
			return memberId == 1 ? Optional.of(new Attendance(12, 8, 3)) : Optional.empty();
		}

		@Override
		public Optional<Tasks> tasksOfMember(long memberId, LocalDate from, LocalDate to) {
			return memberId == 1 ? Optional.of(new Tasks(4, 3, 1, 0)) : Optional.empty();
		}

		@Override
		public Optional<Tasks> tasksOfOrganization(long organizationId, LocalDate from, LocalDate to) {
			return Optional.of(new Tasks(10, 7, 2, 1));
		}

	}

	/** A second source of tasks and attendance (e.g. thematic meetings, directives). */
	static final class Directives implements GradingInputs {

		@Override
		public Map<Long, Attendance> attendance(java.util.Collection<Long> memberIds, LocalDate from, LocalDate to) {
			return Map.of(1L, new Attendance(2, 2, 0), 2L, new Attendance(1, 0, 1));
		}

		@Override
		public Optional<Tasks> tasksOfMember(long memberId, LocalDate from, LocalDate to) {
			return memberId == 1 ? Optional.of(new Tasks(2, 2, 0, 0)) : Optional.empty();
		}

		@Override
		public Optional<Tasks> tasksOfOrganization(long organizationId, LocalDate from, LocalDate to) {
			return Optional.of(new Tasks(5, 5, 0, 0));
		}

	}

	/** What an inspection module would know: discipline. */
	static final class Inspection implements GradingInputs {

		@Override
		public List<DisciplineRecord> disciplineOfMember(long memberId, LocalDate from, LocalDate to) {
			return memberId == 2 ? List.of(new DisciplineRecord("B", "KHIEN_TRACH", LocalDate.of(2025, 5, 1)))
					: List.of();
		}

		@Override
		public List<DisciplineRecord> disciplineOfLeadership(long organizationId, LocalDate from, LocalDate to) {
			return List.of(new DisciplineRecord("Bí thư", "CANH_CAO", LocalDate.of(2025, 3, 1)));
		}

		@Override
		public List<DisciplineRecord> disciplineOfSubordinates(long organizationId, LocalDate from, LocalDate to) {
			return List.of(new DisciplineRecord("Chi bộ 3", "KHIEN_TRACH", LocalDate.of(2025, 7, 1)));
		}

	}

	@Test
	void withNoSourceNothingIsKnown() {
		Inputs none = Inputs.of(List.of());
		assertThat(none.member(1, FROM, TO)).isEqualTo(Inputs.Answer.NOTHING);
		assertThat(none.members(List.of(1L, 2L), FROM, TO)).isEmpty();
		Inputs.Answer org = none.organization(5, FROM, TO);
		assertThat(org.tasks()).isNull();
		assertThat(org.leadership()).isEmpty();
		assertThat(org.subordinates()).isEmpty();
	}

	@Test
	void countsOfSeveralSourcesAreAddedAndListsJoined() {
		Inputs all = Inputs.of(List.of(new Meetings(), new Directives(), new Inspection()));
		Map<Long, Inputs.Answer> known = all.members(List.of(1L, 2L, 3L), FROM, TO);
		assertThat(known).containsOnlyKeys(1L, 2L);
		assertThat(known.get(1L).attendance()).isEqualTo(new GradingInputs.Attendance(14, 10, 3));
		assertThat(known.get(1L).tasks()).isEqualTo(new GradingInputs.Tasks(6, 5, 1, 0));
		assertThat(known.get(1L).discipline()).isEmpty();
		assertThat(known.get(2L).attendance()).isEqualTo(new GradingInputs.Attendance(1, 0, 1));
		assertThat(known.get(2L).tasks()).isNull();
		assertThat(known.get(2L).discipline()).extracting(GradingInputs.DisciplineRecord::form)
			.containsExactly("KHIEN_TRACH");
		Inputs.Answer org = all.organization(5, FROM, TO);
		assertThat(org.tasks()).isEqualTo(new GradingInputs.Tasks(15, 12, 2, 1));
		assertThat(org.leadership()).hasSize(1);
		assertThat(org.subordinates()).hasSize(1);
		// the order of the sources does not matter
		Inputs reversed = Inputs.of(List.of(new Inspection(), new Directives(), new Meetings()));
		assertThat(reversed.members(List.of(1L, 2L, 3L), FROM, TO)).isEqualTo(known);
	}

	@Test
	void knownTasksAndDisciplineCapTheGrade() {
		GradingRules rules = rules();
		Inputs all = Inputs.of(List.of(new Meetings(), new Inspection()));
		// member 1: 95 points, typed 5 tasks all on time, 2 exceeding; the meeting module
		// knows one resolution task done late → not all on time → at most HTNV
		Inputs.Answer one = all.member(1, FROM, TO);
		Review r1 = review(5, 5, 2, 0, 0).withKnown(new Review.Known(TO, one.attendance(), one.tasks(), 0), 0, 0);
		Grader.Result g1 = Grader.grade(r1.facts(new BigDecimal("95"), null), rules);
		assertThat(g1.band()).isEqualTo(Grade.HTXS);
		assertThat(g1.ceiling()).isEqualTo(Grade.HTNV);
		assertThat(g1.caps()).extracting(Grader.Cap::messageKey).containsExactly("grading.cap.not-all-on-time");
		assertThat(g1.caps().get(0).arguments()).startsWith(8, 9);
		// member 2: disciplined in the period (inspection) → at most the rule's grade
		Inputs.Answer two = all.member(2, FROM, TO);
		Review r2 = review(0, 0, 0, 0, 0)
			.withKnown(new Review.Known(TO, two.attendance(), two.tasks(), two.discipline().size()), 0, 0);
		Grader.Result g2 = Grader.grade(r2.facts(new BigDecimal("80"), null), rules);
		assertThat(g2.ceiling()).isEqualTo(Grade.KHTNV);
		assertThat(g2.caps()).extracting(Grader.Cap::messageKey).containsExactly("grading.cap.member-discipline");
		// without any source the same member keeps the band
		Review r3 = review(0, 0, 0, 0, 0);
		assertThat(Grader.grade(r3.facts(new BigDecimal("80"), null), rules).ceiling()).isEqualTo(Grade.HTT);
	}

	private static Review review(int total, int onTime, int exceeding, int late, int notDone) {
		return new Review(1, 1, Review.MEMBER, null, 1, 1L, "A", "Chi bộ", 1, ReviewForm.MAU_2B, null, Step.PENDING,
				null, null, null, null, null, null, null, null, null, total, onTime, exceeding, late, notDone, 0, 0, 0,
				false, null, 0, Review.Known.NOTHING);
	}

	private static GradingRules rules() {
		return GraderTests.rules("0.30", "Quy định 366-QĐ/TW");
	}

}
