package vn.capuy.membership;

import java.util.List;

/**
 * The steps of admission (kết nạp đảng viên, DOMAIN.md §3.4), in order; a candidate moves
 * only to the next one, and a probationary member either becomes full or is removed.
 */
public enum AdmissionState {

	/** Outstanding non-member identified by the cell, with a member assigned to help. */
	QUAN_CHUNG_UU_TU,
	/** Has the certificate of the party-awareness course. */
	DA_HOC_NHAN_THUC,
	/**
	 * Preparing the file: application, life history, vetting, introductions, comments.
	 */
	DANG_LAM_HO_SO,
	/** The cell resolved to propose admission. */
	CHI_BO_DE_NGHI,
	/** The grassroots committee resolved to propose admission. */
	DANG_UY_CO_SO_DE_NGHI,
	/** The competent committee decided to admit. */
	CO_QUYET_DINH_KET_NAP,
	/** Admitted at the ceremony: probationary member. */
	DA_KET_NAP,
	/** Recognised as full member. */
	CHINH_THUC,
	/** Not recognised: removed from the roll. */
	XOA_TEN;

	/** The states that may follow this one. */
	public List<AdmissionState> next() {
		switch (this) {
			case DA_KET_NAP:
				return List.of(CHINH_THUC, XOA_TEN);
			case CHINH_THUC:
			case XOA_TEN:
				return List.of();
			default:
				return List.of(values()[ordinal() + 1]);
		}
	}

	/** Whether the pipeline has ended for the candidate. */
	public boolean finished() {
		return this == CHINH_THUC || this == XOA_TEN;
	}

}
