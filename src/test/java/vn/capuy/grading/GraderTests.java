package vn.capuy.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.capuy.rulebook.Rule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grade rules at their edges, as the seeded rule book has them for 2023 (Quy định
 * 124-QĐ/TW) and 2025 (Quy định 366-QĐ/TW), without a database.
 */
class GraderTests {

	static GradingRules rules(String exceedingShare, String source) {
		Rule quota = new Rule(1, "grading.quota.htxs-share-of-htt", "0.20", Rule.ValueType.DECIMAL,
				LocalDate.of(2023, 10, 4), null, source, "P", null, 0);
		return new GradingRules(LocalDate.of(2025, 12, 31), new BigDecimal("90"), new BigDecimal("70"),
				new BigDecimal("50"), new BigDecimal(exceedingShare), new BigDecimal("0.20"), true, true, true, quota,
				List.of(PeriodKind.YEAR), Map.of("TASKS", 100), Map.of("TASKS", 100),
				Map.of(StudyResult.TOT, new BigDecimal("0.8")), 10, 10, 5, 2, source, source, Grade.KHTNV, source, 3);
	}

	static final GradingRules RULES_2023 = rules("0", "Quy định 124-QĐ/TW");

	static final GradingRules RULES_2025 = rules("0.30", "Quy định 366-QĐ/TW");

	@ParameterizedTest
	@CsvSource({ "100, HTXS", "90, HTXS", "89.99, HTT", "70, HTT", "69.99, HTNV", "50, HTNV", "49.99, KHTNV",
			"0, KHTNV" })
	void bandsAtTheirEdges(String score, Grade expected) {
		assertThat(RULES_2025.band(new BigDecimal(score))).isEqualTo(expected);
		assertThat(Grader.grade(Grader.Facts.ofScore(new BigDecimal(score), false), RULES_2025).ceiling())
			.isEqualTo(expected);
	}

	@Test
	void excellentNeedsThirtyPercentOfTasksExceedingUnder366ButNotUnder124() {
		// 10 tasks all on time with quality, 2 exceeding requirements (20%), score 92
		Grader.Facts facts = new Grader.Facts(new BigDecimal("92"), false, 10, 10, 2, 0, 0, 0, 0, 0, null, 0);
		assertThat(Grader.grade(facts, RULES_2023).ceiling()).isEqualTo(Grade.HTXS);
		Grader.Result in2025 = Grader.grade(facts, RULES_2025);
		assertThat(in2025.ceiling()).isEqualTo(Grade.HTT);
		assertThat(in2025.caps()).extracting(Grader.Cap::messageKey).containsExactly("grading.cap.exceeding");
		Grader.Facts thirty = new Grader.Facts(new BigDecimal("92"), false, 10, 10, 3, 0, 0, 0, 0, 0, null, 0);
		assertThat(Grader.grade(thirty, RULES_2025).ceiling()).isEqualTo(Grade.HTXS);
	}

	@Test
	void aCollectiveWithADisciplinedLeaderIsCappedBelowExcellent() {
		Grader.Facts facts = new Grader.Facts(new BigDecimal("95"), true, 0, 0, 0, 0, 0, 1, 0, 0, null, 0);
		assertThat(Grader.grade(facts, RULES_2025).ceiling()).isEqualTo(Grade.HTT);
		assertThat(Grader.grade(facts, RULES_2023).ceiling()).isEqualTo(Grade.HTT);
		Grader.Facts shortcomings = new Grader.Facts(new BigDecimal("95"), true, 0, 0, 0, 0, 0, 0, 0, 2, null, 0);
		assertThat(Grader.grade(shortcomings, RULES_2025).ceiling()).isEqualTo(Grade.HTT);
	}

	@Test
	void aCollectiveWithMoreThanTwentyPercentLateTasksDoesNotComplete() {
		// 10 tasks, 7 on time, 3 late (30%): at most HTNV for lateness, then not
		// completed
		Grader.Facts late = new Grader.Facts(new BigDecimal("65"), true, 10, 7, 0, 3, 0, 0, 0, 0, null, 0);
		assertThat(Grader.grade(late, RULES_2025).ceiling()).isEqualTo(Grade.KHTNV);
		Grader.Facts twenty = new Grader.Facts(new BigDecimal("65"), true, 10, 8, 0, 2, 0, 0, 0, 0, null, 0);
		assertThat(Grader.grade(twenty, RULES_2025).ceiling()).isEqualTo(Grade.HTNV);
	}

	@Test
	void aLeaderIsNotGradedAboveTheUnitTheyLead() {
		Grader.Facts facts = new Grader.Facts(new BigDecimal("95"), false, 0, 0, 0, 0, 0, 0, 0, 0, Grade.HTNV, 0);
		assertThat(Grader.grade(facts, RULES_2025).ceiling()).isEqualTo(Grade.HTNV);
	}

	@ParameterizedTest
	@CsvSource({ "25, 5", "24, 4", "4, 0", "5, 1", "0, 0", "100, 20" })
	void excellentQuotaIsTwentyPercentOfGoodRoundedDown(int htt, int allowed) {
		assertThat(RULES_2025.quotaAllowed(htt)).isEqualTo(allowed);
	}

}
