package vn.capuy.membership;

/**
 * Sex as the member's life history records it.
 */
public enum Sex {

	/** Male. */
	NAM,
	/** Female. */
	NU

}
