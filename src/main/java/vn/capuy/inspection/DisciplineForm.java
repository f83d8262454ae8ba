package vn.capuy.inspection;

import java.util.EnumSet;
import java.util.Set;

/** Discipline forms (QĐ 69-QĐ/TW Art. 7), mildest first. */
public enum DisciplineForm {

	/** Reprimand. */
	KHIEN_TRACH,
	/** Warning. */
	CANH_CAO,
	/** Removal from post; only for a member who holds one. */
	CACH_CHUC,
	/** Expulsion from the Party. */
	KHAI_TRU,
	/** Dissolution of a party organisation. */
	GIAI_TAN;

	/** The forms a subject of this kind may receive at all. */
	public static Set<DisciplineForm> forSubject(SubjectKind kind) {
		return switch (kind) {
			case FULL_MEMBER -> EnumSet.of(KHIEN_TRACH, CANH_CAO, CACH_CHUC, KHAI_TRU);
			case PROBATIONARY_MEMBER -> EnumSet.of(KHIEN_TRACH, CANH_CAO);
			case ORGANIZATION -> EnumSet.of(KHIEN_TRACH, CANH_CAO, GIAI_TAN);
		};
	}

	/** Whether this form is milder than another (for a complaint that reduces it). */
	public boolean milderThan(DisciplineForm other) {
		return ordinal() < other.ordinal();
	}

}
