package vn.capuy.committee;

/**
 * How a position was filled.
 */
public enum FilledBy {

	/** Elected by the congress or the committee. */
	ELECTED,
	/** Appointed by the superior committee. */
	APPOINTED

}
