package vn.capuy.organization;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Counts of members per organisation on a date, supplied by the member register (which
 * depends on this module, not the other way round).
 */
public interface MemberCountsProvider {

	/**
	 * Members placed directly in each of the given organisations on the date, by status.
	 */
	Map<Long, MemberCounts> countsOn(LocalDate date, Collection<Long> organizationIds);

}
