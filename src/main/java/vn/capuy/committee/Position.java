package vn.capuy.committee;

import vn.capuy.organization.OrganizationType;

/**
 * A position in an organisation's committee (DOMAIN.md §1.4). The secretary, deputies,
 * standing members and committee members make up the executive committee (or the cell
 * committee); the inspection committee (UBKT) exists only from grassroots committees up.
 */
public enum Position {

	/** Bí thư. */
	SECRETARY,
	/** Phó bí thư. */
	DEPUTY_SECRETARY,
	/** Uỷ viên ban thường vụ. */
	STANDING_MEMBER,
	/** Cấp uỷ viên (chi uỷ viên in a cell). */
	COMMITTEE_MEMBER,
	/** Chủ nhiệm uỷ ban kiểm tra. */
	INSPECTION_CHAIR,
	/** Phó chủ nhiệm uỷ ban kiểm tra. */
	INSPECTION_DEPUTY_CHAIR,
	/** Uỷ viên uỷ ban kiểm tra. */
	INSPECTION_MEMBER;

	/** Whether the holder sits on the executive committee (or the cell committee). */
	public boolean executive() {
		return this == SECRETARY || this == DEPUTY_SECRETARY || this == STANDING_MEMBER || this == COMMITTEE_MEMBER;
	}

	/**
	 * Whether the holder sits on the standing committee, where the organisation has one.
	 */
	public boolean standing() {
		return this == SECRETARY || this == DEPUTY_SECRETARY || this == STANDING_MEMBER;
	}

	public boolean inspection() {
		return this == INSPECTION_CHAIR || this == INSPECTION_DEPUTY_CHAIR || this == INSPECTION_MEMBER;
	}

	/** A seat with one holder at a time. */
	public boolean singleSeat() {
		return this == SECRETARY || this == INSPECTION_CHAIR;
	}

	/**
	 * Whether an organisation of the type may have this position: no inspection committee
	 * below grassroots committees, no standing committee in cells, nothing in party
	 * groups.
	 */
	public boolean allowedIn(OrganizationType type) {
		if (type == OrganizationType.TO_DANG) {
			return false;
		}
		if (inspection()) {
			return type == OrganizationType.DANG_BO_TINH || type == OrganizationType.DANG_BO_CAP_TREN_CO_SO
					|| type == OrganizationType.DANG_BO_CO_SO;
		}
		if (this == STANDING_MEMBER) {
			return !type.isCell();
		}
		return true;
	}

}
