package vn.capuy.organization;

/**
 * Types of party organisation (DOMAIN.md §1.3). The constants are the legal categories'
 * Vietnamese codes.
 */
public enum OrganizationType {

	/** Provincial party organisation (Đảng bộ tỉnh). */
	DANG_BO_TINH,
	/**
	 * Level directly above grassroots (Đảng bộ các cơ quan Đảng tỉnh, Đảng bộ UBND tỉnh,
	 * formerly Đảng bộ Khối).
	 */
	DANG_BO_CAP_TREN_CO_SO,
	/** Grassroots party committee (Đảng bộ cơ sở), with subordinate cells. */
	DANG_BO_CO_SO,
	/**
	 * Grassroots cell reporting directly to the level above grassroots (Chi bộ cơ sở).
	 */
	CHI_BO_CO_SO,
	/** Intermediate committee inside a large grassroots committee (Đảng bộ bộ phận). */
	DANG_BO_BO_PHAN,
	/** Cell under a grassroots committee (Chi bộ trực thuộc). */
	CHI_BO_TRUC_THUOC,
	/** Party group inside a large cell (Tổ đảng). */
	TO_DANG;

	/** Cells hold members directly. */
	public boolean isCell() {
		return this == CHI_BO_CO_SO || this == CHI_BO_TRUC_THUOC;
	}

	/** Grassroots organisations (tổ chức cơ sở đảng). */
	public boolean isGrassroots() {
		return this == DANG_BO_CO_SO || this == CHI_BO_CO_SO;
	}

	/**
	 * Whether an organisation of this type may sit under one of the given parent type.
	 */
	public boolean mayBeUnder(OrganizationType parent) {
		if (parent == null) {
			return this == DANG_BO_TINH;
		}
		return switch (this) {
			case DANG_BO_TINH -> false;
			case DANG_BO_CAP_TREN_CO_SO -> parent == DANG_BO_TINH;
			case DANG_BO_CO_SO, CHI_BO_CO_SO -> parent == DANG_BO_CAP_TREN_CO_SO || parent == DANG_BO_TINH;
			case DANG_BO_BO_PHAN -> parent == DANG_BO_CO_SO;
			case CHI_BO_TRUC_THUOC -> parent == DANG_BO_CO_SO || parent == DANG_BO_BO_PHAN;
			case TO_DANG -> parent.isCell();
		};
	}

}
