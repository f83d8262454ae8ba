package vn.capuy.grading;

/**
 * Where a review stands: nothing yet, self-assessed (self-reviewed), proposed (appraised
 * by the superior's organisation board, or proposed by the cell), decided by the
 * competent standing committee, published.
 */
public enum Step {

	PENDING, SELF, PROPOSED, DECIDED, PUBLISHED

}
