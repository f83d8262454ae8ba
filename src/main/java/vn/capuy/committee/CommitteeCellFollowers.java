package vn.capuy.committee;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.capuy.meeting.CellFollowers;

/**
 * Tells the meeting module who on the superior committee follows a cell, from the
 * assignment decisions, so that meeting preparation notifies them (HD 42-HD/BTCTW 2025).
 */
@Component
class CommitteeCellFollowers implements CellFollowers {

	private final Assignments assignments;

	CommitteeCellFollowers(Assignments assignments) {
		this.assignments = assignments;
	}

	@Override
	public List<Follower> followersOf(long organizationId, LocalDate date) {
		return this.assignments.followerOf(organizationId, date)
			.map((f) -> List.of(new Follower(f.memberName(), null)))
			.orElse(List.of());
	}

}
