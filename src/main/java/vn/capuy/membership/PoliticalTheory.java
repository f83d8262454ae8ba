package vn.capuy.membership;

/**
 * Political-theory level (trình độ lý luận chính trị).
 */
public enum PoliticalTheory {

	/** Elementary (sơ cấp). */
	SO_CAP,
	/** Intermediate (trung cấp). */
	TRUNG_CAP,
	/** Advanced (cao cấp). */
	CAO_CAP,
	/** Bachelor of political science (cử nhân). */
	CU_NHAN

}
