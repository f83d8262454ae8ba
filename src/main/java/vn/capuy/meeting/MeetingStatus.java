package vn.capuy.meeting;

/** Where a meeting stands. */
public enum MeetingStatus {

	/** Planned, not yet held. */
	PLANNED,
	/** Held on {@code heldOn}. */
	HELD,
	/** Not held, with the reason. */
	NOT_HELD

}
