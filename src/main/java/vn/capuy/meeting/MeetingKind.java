package vn.capuy.meeting;

import vn.capuy.organization.OrganizationType;

/**
 * Kinds of meeting this module plans and records (DOMAIN.md §1.6, §4.1).
 */
public enum MeetingKind {

	/** The cell's monthly regular meeting (sinh hoạt chi bộ thường kỳ). */
	REGULAR,
	/** Thematic meeting (sinh hoạt chuyên đề), at least once a quarter. */
	THEMATIC,
	/** The grassroots committee's monthly meeting (họp đảng uỷ cơ sở). */
	COMMITTEE,
	/** The grassroots organisation's six-month review (sơ kết 6 tháng). */
	MID_YEAR_REVIEW,
	/** The grassroots organisation's year-end review (tổng kết năm). */
	YEAR_END_REVIEW,
	/** A review conference (hội nghị sơ kết / tổng kết) of a directive or a programme. */
	REVIEW_CONFERENCE,
	/** An extraordinary meeting (sinh hoạt bất thường). */
	AD_HOC;

	/** Conferences record delegates and speakers. */
	public boolean isConference() {
		return this == MID_YEAR_REVIEW || this == YEAR_END_REVIEW || this == REVIEW_CONFERENCE;
	}

	/** Kinds planned every year for an organisation of this type. */
	static java.util.List<MeetingKind> plannedFor(OrganizationType type) {
		if (type.isCell()) {
			return type.isGrassroots() ? java.util.List.of(REGULAR, THEMATIC, MID_YEAR_REVIEW, YEAR_END_REVIEW)
					: java.util.List.of(REGULAR, THEMATIC);
		}
		if (type == OrganizationType.DANG_BO_CO_SO) {
			return java.util.List.of(COMMITTEE, MID_YEAR_REVIEW, YEAR_END_REVIEW);
		}
		return java.util.List.of();
	}

}
