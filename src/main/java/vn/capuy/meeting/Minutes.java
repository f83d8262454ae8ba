package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a meeting's minutes (biên bản) with its items, speeches, resolution and
 * tasks; earlier versions stay in the book, each correction links to what it corrects.
 */
public record Minutes(long id, long meetingId, int versionNo, Long correctsId, String correctionReason,
		MinutesStatus status, boolean superseded, String chairName, String recorderName, String opening,
		String resolution, String closing, LocalDate approvedOn, LocalDate lockedOn, int version, List<Item> items,
		List<Task> tasks) {

	/** One agenda item as minuted: the report, who spoke and what, the conclusion. */
	public record Item(long id, int position, String kind, String title, String report, String conclusion,
			List<Speech> speeches) {
	}

	/** What one member said; criticism and self-criticism are marked. */
	public record Speech(long id, String speakerName, Long memberId, String content, boolean criticism) {
	}

	/** A task of the resolution, assigned to a named member with a deadline. */
	public record Task(long id, long meetingId, String description, Long assigneeId, String assigneeName,
			LocalDate dueOn, LocalDate doneOn, String doneNote, int version) {

		public boolean overdue(LocalDate today) {
			return this.doneOn == null && this.dueOn.isBefore(today);
		}

	}

	public boolean editable() {
		return this.status == MinutesStatus.DRAFT;
	}

}
