package vn.capuy.directive;

/**
 * How often organisations report on a plan: calendar quarters, halves or years; the first
 * period starts with the plan and the last ends with it.
 */
public enum Frequency {

	QUARTERLY(3), SIX_MONTHLY(6), YEARLY(12);

	private final int months;

	Frequency(int months) {
		this.months = months;
	}

	public int months() {
		return this.months;
	}

}
