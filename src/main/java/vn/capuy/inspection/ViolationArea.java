package vn.capuy.inspection;

/**
 * What a violation concerns; the cell's authority and the limitation periods depend on
 * it.
 */
public enum ViolationArea {

	/** Phẩm chất chính trị. */
	POLITICAL_QUALITIES,
	/** Tư tưởng. */
	IDEOLOGY,
	/** Đạo đức. */
	ETHICS,
	/** Lối sống. */
	LIFESTYLE,
	/** Sinh hoạt đảng. */
	PARTY_ACTIVITY,
	/** Nhiệm vụ đảng viên. */
	MEMBER_DUTIES,
	/** Tasks assigned by a higher level. */
	ASSIGNED_TASKS,
	/** Party finance, including fees. */
	FINANCE,
	/** Internal politics (no limitation period). */
	INTERNAL_POLITICS,
	/**
	 * Defence, security or foreign affairs harming the national interest (no limitation).
	 */
	NATIONAL_INTEREST,
	/** Use of illegal diplomas (no limitation). */
	ILLEGAL_DIPLOMA,
	/** Anything else (state or professional duties). */
	OTHER

}
