package vn.capuy.meeting;

/**
 * The lifecycle of minutes: drafted, read back and approved at the meeting, locked in the
 * book.
 */
public enum MinutesStatus {

	DRAFT, APPROVED, LOCKED

}
