package vn.capuy.document;

/** Whether a document came into a register from elsewhere or was issued by us. */
public enum Direction {

	/** Received from above or from elsewhere (văn bản đến). */
	RECEIVED,
	/** Issued by one of our organisations (văn bản đi). */
	ISSUED

}
