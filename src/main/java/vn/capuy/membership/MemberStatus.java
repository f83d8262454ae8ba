package vn.capuy.membership;

/**
 * A member's status on a date.
 */
public enum MemberStatus {

	/** Đảng viên dự bị. */
	PROBATIONARY,
	/** Đảng viên chính thức. */
	FULL,
	/** Full member exempt from work and meetings (miễn công tác và sinh hoạt đảng). */
	EXEMPT,
	/** Removed from the roll (xoá tên). */
	REMOVED,
	/** Expelled (khai trừ). */
	EXPELLED,
	/** Left the Party at their own request. */
	RESIGNED,
	/** Deceased (từ trần). */
	DECEASED;

	/** Whether the member is in the Party in this status. */
	public boolean inParty() {
		return this == PROBATIONARY || this == FULL || this == EXEMPT;
	}

}
