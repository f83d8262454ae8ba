package vn.capuy.membership;

/**
 * Kinds of transfer of party activity (chuyển sinh hoạt đảng, DOMAIN.md §2.4).
 */
public enum TransferKind {

	/** Permanent transfer to another party organisation. */
	CHINH_THUC,
	/** Temporary transfer, with an end date; the member returns afterwards. */
	TAM_THOI,
	/** Between cells inside one grassroots committee. */
	NOI_BO,
	/** Work or study abroad. */
	NUOC_NGOAI,
	/** A whole cell moves with its members. */
	TAP_THE

}
