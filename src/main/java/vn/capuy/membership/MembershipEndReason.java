package vn.capuy.membership;

/**
 * Why membership ended (DOMAIN.md §2.6), with the status it leads to and whether the
 * person may ever be readmitted (Quy định 294-QĐ/TW §3.5 names groups that never may).
 */
public enum MembershipEndReason {

	/** Xoá tên (a): skipped meetings or fees for 3 months in a year without reason. */
	XOA_TEN_BO_SINH_HOAT(MemberStatus.REMOVED, true),
	/** Xoá tên (b): handed back or destroyed the card. */
	XOA_TEN_TRA_THE(MemberStatus.REMOVED, true),
	/** Xoá tên (c): lost commitment, no improvement after 12 months of education. */
	XOA_TEN_GIAM_SUT_Y_CHI(MemberStatus.REMOVED, false),
	/** Xoá tên (d): violated membership qualities two consecutive years. */
	XOA_TEN_HAI_NAM_VI_PHAM(MemberStatus.REMOVED, false),
	/** Xoá tên (e): does not meet the Politburo's political standard. */
	XOA_TEN_TIEU_CHUAN_CHINH_TRI(MemberStatus.REMOVED, true),
	/** Probationary member not recognised as full member. */
	XOA_TEN_KHONG_CONG_NHAN(MemberStatus.REMOVED, false),
	/** Xin ra khỏi Đảng: voluntary resignation. */
	XIN_RA_KHOI_DANG(MemberStatus.RESIGNED, true),
	/** Từ trần: death. */
	TU_TRAN(MemberStatus.DECEASED, true);

	private final MemberStatus status;

	private final boolean excludesReadmission;

	MembershipEndReason(MemberStatus status, boolean excludesReadmission) {
		this.status = status;
		this.excludesReadmission = excludesReadmission;
	}

	public MemberStatus status() {
		return this.status;
	}

	/** Whether the person can never be readmitted after leaving for this reason. */
	public boolean excludesReadmission() {
		return this.excludesReadmission;
	}

}
