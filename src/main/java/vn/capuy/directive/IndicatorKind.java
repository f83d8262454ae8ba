package vn.capuy.directive;

/**
 * How an indicator is measured and how its values over the periods add up: a
 * {@code NUMBER} is summed over the periods (a cumulative target), a {@code PERCENT} and
 * a {@code YES_NO} (1 = yes, 0 = no) count by their latest value.
 */
public enum IndicatorKind {

	NUMBER, PERCENT, YES_NO;

	public boolean cumulative() {
		return this == NUMBER;
	}

}
