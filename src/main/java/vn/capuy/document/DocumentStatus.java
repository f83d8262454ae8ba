package vn.capuy.document;

/** Whether a document is still in force; a document is never deleted, only closed. */
public enum DocumentStatus {

	/** In force (còn hiệu lực). */
	IN_FORCE,
	/** Replaced by another document (đã được thay thế). */
	REPLACED,
	/** Expired or no longer applied (hết hiệu lực). */
	EXPIRED

}
