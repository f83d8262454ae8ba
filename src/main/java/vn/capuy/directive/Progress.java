package vn.capuy.directive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The roll-up of progress, in one place: how far one indicator is achieved, the weighted
 * mean over the indicators of a content item (or its tasks when it has no indicator), and
 * the weighted mean over the content items of a plan. A missing weight counts as 1, so a
 * plan without weights is an unweighted mean.
 */
public final class Progress {

	private Progress() {
	}

	/** A share of completion (0..1) with its weight (null = 1). */
	public record Part(double share, BigDecimal weight) {

		double weightValue() {
			return this.weight == null ? 1.0 : this.weight.doubleValue();
		}

	}

	/**
	 * How far an indicator is achieved, 0..1: a yes/no indicator by its value (1 = yes);
	 * a number or percent by value over target, capped at 1; a zero target is achieved.
	 * No value yet is 0.
	 */
	public static double achievement(IndicatorKind kind, BigDecimal target, BigDecimal value) {
		if (value == null) {
			return 0;
		}
		if (kind == IndicatorKind.YES_NO) {
			return value.compareTo(BigDecimal.ONE) >= 0 ? 1 : 0;
		}
		if (target == null || target.signum() == 0) {
			return 1;
		}
		double share = value.divide(target, 6, RoundingMode.HALF_UP).doubleValue();
		return Math.max(0, Math.min(1, share));
	}

	/** The weighted mean of the parts, or empty when there are none. */
	public static OptionalDouble weightedMean(List<Part> parts) {
		double sum = 0;
		double weights = 0;
		for (Part part : parts) {
			sum += part.share() * part.weightValue();
			weights += part.weightValue();
		}
		return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weights);
	}

	/** A share as a whole percentage, rounded half up. */
	public static int percent(double share) {
		return BigDecimal.valueOf(share * 100).setScale(0, RoundingMode.HALF_UP).intValue();
	}

}
