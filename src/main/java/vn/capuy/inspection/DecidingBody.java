package vn.capuy.inspection;

import vn.capuy.organization.OrganizationType;

/**
 * The body of an organisation that handles a case or decides a discipline: the cell, the
 * grassroots committee or its standing committee, a đảng uỷ bộ phận, the committee
 * directly above grassroots, its standing committee or its inspection committee (UBKT).
 */
public enum DecidingBody {

	/** Chi bộ (meeting of the cell). */
	CELL,
	/** Đảng uỷ cơ sở as the full committee. */
	GRASSROOTS_COMMITTEE,
	/** Ban thường vụ đảng uỷ cơ sở. */
	GRASSROOTS_STANDING,
	/** Đảng uỷ bộ phận. */
	SUB_COMMITTEE,
	/** Ban chấp hành đảng bộ cấp trên trực tiếp của tổ chức cơ sở. */
	UPPER_COMMITTEE,
	/** Ban thường vụ of the committee directly above grassroots. */
	UPPER_STANDING,
	/** Uỷ ban kiểm tra of the committee directly above grassroots. */
	UPPER_INSPECTION;

	/** Whether an organisation of the type has this body. */
	public boolean belongsTo(OrganizationType type) {
		return switch (this) {
			case CELL -> type.isCell();
			case GRASSROOTS_COMMITTEE, GRASSROOTS_STANDING -> type == OrganizationType.DANG_BO_CO_SO;
			case SUB_COMMITTEE -> type == OrganizationType.DANG_BO_BO_PHAN;
			case UPPER_COMMITTEE, UPPER_STANDING, UPPER_INSPECTION ->
				type == OrganizationType.DANG_BO_CAP_TREN_CO_SO || type == OrganizationType.DANG_BO_TINH;
		};
	}

	/** Whether this is a body of the level directly above grassroots. */
	public boolean upper() {
		return this == UPPER_COMMITTEE || this == UPPER_STANDING || this == UPPER_INSPECTION;
	}

}
