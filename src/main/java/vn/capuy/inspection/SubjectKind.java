package vn.capuy.inspection;

/**
 * Who is inspected or disciplined: a full member, a probationary member, an organisation.
 */
public enum SubjectKind {

	/** Đảng viên chính thức. */
	FULL_MEMBER,
	/** Đảng viên dự bị. */
	PROBATIONARY_MEMBER,
	/** Tổ chức đảng. */
	ORGANIZATION

}
