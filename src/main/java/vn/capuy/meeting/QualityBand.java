package vn.capuy.meeting;

/** Quality bands of a meeting (the labels of the scoring sheets). */
public enum QualityBand {

	/** Tốt. */
	TOT,
	/** Khá. */
	KHA,
	/** Trung bình. */
	TRUNG_BINH,
	/** Kém. */
	KEM

}
