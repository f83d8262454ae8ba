package vn.capuy.grading;

/**
 * The year-end result of a member's Hồ Chí Minh study commitment, as the cell records it;
 * it gives part of the points of the study criterion.
 */
public enum StudyResult {

	/** Outstanding. */
	XUAT_SAC,
	/** Good. */
	TOT,
	/** Achieved. */
	DAT,
	/** Not achieved. */
	CHUA_DAT

}
