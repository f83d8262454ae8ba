package vn.capuy.meeting;

/** A member's attendance at one meeting. */
public enum AttendanceStatus {

	/** Present from the start. */
	PRESENT,
	/** Present, came late. */
	LATE,
	/** Absent with a reason the cell accepted (vắng có lý do). */
	ABSENT_EXCUSED,
	/**
	 * Absent without a reason (vắng không lý do): counts towards removal from the roll.
	 */
	ABSENT_UNEXCUSED,
	/** Exempt from meetings on the date (miễn sinh hoạt): not expected. */
	EXEMPT;

	public boolean attended() {
		return this == PRESENT || this == LATE;
	}

}
