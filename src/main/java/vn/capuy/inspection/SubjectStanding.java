package vn.capuy.inspection;

/**
 * Where a member subject stands relative to the deciding body, as the authority table
 * distinguishes them (Statute Art. 36).
 */
public enum SubjectStanding {

	/** An ordinary member of the body's organisation. */
	MEMBER,
	/** A committee member of a subordinate (or any other) level. */
	COMMITTEE_MEMBER,
	/** A member of the deciding committee itself. */
	OWN_COMMITTEE_MEMBER,
	/** An official managed by a higher level (cán bộ thuộc diện cấp trên quản lý). */
	HIGHER_MANAGED_CADRE,
	/** The subject is an organisation. */
	ORGANIZATION

}
