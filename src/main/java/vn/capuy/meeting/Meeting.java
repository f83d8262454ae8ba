package vn.capuy.meeting;

import java.time.LocalDate;

/**
 * A meeting as a secretary sees it: what, where in the plan, when planned and held, its
 * preparation checklist and attendance counts, and whether it has minutes.
 */
public record Meeting(long id, long organizationId, String organizationName, MeetingKind kind, String period,
		LocalDate scheduledOn, LocalDate plannedOn, LocalDate heldOn, MeetingStatus status, String notHeldReason,
		String title, String place, String subject, boolean combinedWithThematic, Integer durationMinutes,
		LocalDate contentAgreedOn, LocalDate followerNotifiedOn, LocalDate documentsUploadedOn, Attendance attendance,
		boolean hasMinutes, int version) {

	/**
	 * Attendance counts; {@code rows} when they come from one row per member, otherwise
	 * typed in as counts.
	 */
	public record Attendance(Integer expected, Integer present, Integer late, Integer excused, Integer unexcused,
			Integer exempt, boolean rows) {

		/** Present (late included) over expected, or null when not recorded. */
		public Double rate() {
			if (this.expected == null || this.expected == 0 || this.present == null) {
				return null;
			}
			return (this.present + (this.late == null ? 0 : this.late)) / (double) this.expected;
		}

	}

	/** Held no later than its date in the plan (moves do not change the plan). */
	public boolean onTime() {
		return this.heldOn != null && !this.heldOn.isAfter(this.scheduledOn);
	}

	/** The date it happened or is planned to happen. */
	public LocalDate date() {
		return this.heldOn != null ? this.heldOn : this.plannedOn;
	}

	/** Planned, its date passed, and not held. */
	public boolean missing(LocalDate today) {
		return this.status == MeetingStatus.NOT_HELD
				|| (this.status == MeetingStatus.PLANNED && this.plannedOn.isBefore(today));
	}

	/** The display name (title or kind) is resolved in templates; the title wins. */
	public String displayTitle() {
		return this.title;
	}

}
