package vn.capuy.massorg;

/**
 * The title of a mass organisation's leader.
 */
public enum LeaderTitle {

	/** Chủ tịch. */
	CHAIR,
	/** Phó chủ tịch. */
	DEPUTY_CHAIR,
	/** Bí thư (of a Youth Union unit). */
	SECRETARY,
	/** Phó bí thư (of a Youth Union unit). */
	DEPUTY_SECRETARY

}
