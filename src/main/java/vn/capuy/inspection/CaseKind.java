package vn.capuy.inspection;

/** Kinds of inspection and supervision work (DOMAIN.md §6.2, QĐ 296-QĐ/TW). */
public enum CaseKind {

	/** Inspection of carrying out resolutions and directives (chấp hành). */
	IMPLEMENTATION,
	/** Inspection when there are signs of violation. */
	SIGNS_OF_VIOLATION,
	/** Inspection of subordinates' inspection, supervision and discipline work. */
	SUBORDINATE_WORK,
	/** Inspection of party finance, including fees. */
	FINANCE,
	/** Regular supervision (giám sát thường xuyên). */
	REGULAR_SUPERVISION,
	/** Thematic supervision (giám sát chuyên đề). */
	THEMATIC_SUPERVISION,
	/** Handling a denunciation (tố cáo). */
	DENUNCIATION;

	public boolean supervision() {
		return this == REGULAR_SUPERVISION || this == THEMATIC_SUPERVISION;
	}

}
