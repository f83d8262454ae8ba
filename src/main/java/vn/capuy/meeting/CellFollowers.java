package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * Who on the superior committee follows a cell (phụ trách, dự sinh hoạt): the committee
 * module provides it from its assignment decisions. Until a bean exists, nobody is known
 * and the notification is addressed to the unassigned role, visible on the meeting page.
 */
public interface CellFollowers {

	/** The superior committee members assigned to follow the organisation on the date. */
	List<Follower> followersOf(long organizationId, LocalDate date);

	/**
	 * A committee member who follows the cell; {@code userId} when they have an account.
	 */
	record Follower(String name, Long userId) {
	}

	/** The default: nobody is known. */
	CellFollowers NONE = (organizationId, date) -> List.of();

}
