package vn.capuy.grading;

/**
 * The four quality grades (Art. 11 of Quy định 366-QĐ/TW, earlier QĐ 124 and QĐ 132),
 * best first.
 */
public enum Grade {

	/** Completed tasks excellently (hoàn thành xuất sắc nhiệm vụ). */
	HTXS,
	/** Completed tasks well (hoàn thành tốt nhiệm vụ). */
	HTT,
	/** Completed tasks (hoàn thành nhiệm vụ). */
	HTNV,
	/** Did not complete tasks (không hoàn thành nhiệm vụ). */
	KHTNV;

	/** Whether this grade is better than the other. */
	public boolean above(Grade other) {
		return ordinal() < other.ordinal();
	}

	/** The lower of two grades. */
	public static Grade lower(Grade a, Grade b) {
		return a.ordinal() >= b.ordinal() ? a : b;
	}

}
