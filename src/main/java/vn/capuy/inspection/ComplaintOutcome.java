package vn.capuy.inspection;

/** How a disciplinary complaint ends. */
public enum ComplaintOutcome {

	/** The decision stands. */
	UPHELD,
	/** A milder form replaces it. */
	REDUCED,
	/** The decision is annulled; rights are restored (QĐ 117-QĐ/TW). */
	ANNULLED

}
