package vn.capuy.directive;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The roll-up rules and the report state machine, without a database: hand-computed
 * examples.
 */
class ProgressRollupTests {

	static Directives.Indicator indicator(long id, IndicatorKind kind, int target, Integer weight) {
		return new Directives.Indicator(id, 1, (int) id, "chỉ tiêu " + id, kind, BigDecimal.valueOf(target), null,
				weight == null ? null : BigDecimal.valueOf(weight));
	}

	@ParameterizedTest
	@CsvSource({ "NUMBER, 10, 4, 0.4", "NUMBER, 10, 15, 1.0", "PERCENT, 80, 60, 0.75", "YES_NO, 1, 1, 1.0",
			"YES_NO, 1, 0, 0.0", "NUMBER, 0, 0, 1.0" })
	void achievementIsValueOverTargetCappedAtOne(IndicatorKind kind, int target, int value, double expected) {
		assertThat(Progress.achievement(kind, BigDecimal.valueOf(target), BigDecimal.valueOf(value)))
			.isCloseTo(expected, within(1e-9));
	}

	@Test
	void noValueYetIsNothingAchieved() {
		assertThat(Progress.achievement(IndicatorKind.PERCENT, BigDecimal.TEN, null)).isZero();
	}

	@Test
	void unweightedItemIsThePlainMeanOfItsIndicators() {
		Directives.Item item = new Directives.Item(1, 1, 1, "Nội dung", null, null, null,
				List.of(indicator(1, IndicatorKind.NUMBER, 10, null), indicator(2, IndicatorKind.PERCENT, 100, null),
						indicator(3, IndicatorKind.YES_NO, 1, null)));
		// (0.4 + 0.9 + 0) / 3 = 0.4333…
		double share = PlanDashboard
			.itemShare(item, Map.of(1L, BigDecimal.valueOf(4), 2L, BigDecimal.valueOf(90), 3L, BigDecimal.ZERO),
					List.of())
			.getAsDouble();
		assertThat(share).isCloseTo(1.3 / 3, within(1e-9));
		assertThat(Progress.percent(share)).isEqualTo(43);
	}

	@Test
	void weightedItemAndPlanFollowThePlansWeights() {
		Directives.Item item = new Directives.Item(1, 1, 1, "Nội dung", null, null, BigDecimal.valueOf(2),
				List.of(indicator(1, IndicatorKind.NUMBER, 10, null), indicator(2, IndicatorKind.PERCENT, 100, 3)));
		// (0.8 × 1 + 0.6 × 3) / 4 = 0.65
		double first = PlanDashboard
			.itemShare(item, Map.of(1L, BigDecimal.valueOf(8), 2L, BigDecimal.valueOf(60)), List.of())
			.getAsDouble();
		assertThat(first).isCloseTo(0.65, within(1e-9));
		// plan: item 1 weight 2 at 0.65, item 2 weight 1 (missing) at 1.0 → 2.3 / 3
		double plan = Progress
			.weightedMean(List.of(new Progress.Part(first, BigDecimal.valueOf(2)), new Progress.Part(1.0, null)))
			.getAsDouble();
		assertThat(plan).isCloseTo(2.3 / 3, within(1e-9));
		assertThat(Progress.percent(plan)).isEqualTo(77);
	}

	@Test
	void anItemWithoutIndicatorsCountsItsTasks() {
		Directives.Item item = new Directives.Item(1, 1, 1, "Nội dung", null, null, null, List.of());
		List<Directives.Task> tasks = List.of(
				new Directives.Task(1, 1, 9L, "a", null, null, BigDecimal.valueOf(3), 100, null, null, 0),
				new Directives.Task(2, 1, 9L, "b", null, null, null, 20, null, null, 0));
		// (1.0 × 3 + 0.2 × 1) / 4 = 0.8
		assertThat(PlanDashboard.itemShare(item, Map.of(), tasks).getAsDouble()).isCloseTo(0.8, within(1e-9));
		assertThat(PlanDashboard.itemShare(item, Map.of(), List.of())).isEmpty();
	}

	@Test
	void reportGoesDraftSubmittedAcceptedOrReturnedAndBack() {
		assertThat(ReportStatus.DRAFT.submit()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(ReportStatus.SUBMITTED.accept()).isEqualTo(ReportStatus.ACCEPTED);
		assertThat(ReportStatus.SUBMITTED.returnForCorrection()).isEqualTo(ReportStatus.RETURNED);
		assertThat(ReportStatus.RETURNED.submit()).isEqualTo(ReportStatus.SUBMITTED);
	}

	@ParameterizedTest
	@CsvSource({ "DRAFT, accept", "DRAFT, return", "SUBMITTED, submit", "ACCEPTED, submit", "ACCEPTED, accept",
			"ACCEPTED, return", "RETURNED, accept", "RETURNED, return" })
	void skippedOrRepeatedStepsAreRefusedWithTheRule(ReportStatus from, String action) {
		assertThatThrownBy(() -> {
			switch (action) {
				case "submit" -> from.submit();
				case "accept" -> from.accept();
				default -> from.returnForCorrection();
			}
		}).isInstanceOf(RuleViolationException.class)
			.extracting((ex) -> ((RuleViolationException) ex).messageKey())
			.isEqualTo("error.directive.report.cannot-" + action);
	}

}
