package vn.capuy.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * Grants that follow the positions a member holds on a date (secretary, deputy, committee
 * member, inspection committee member), supplied by the committee module: a user linked
 * to a member gets them on top of explicit grants, and loses them the day the position
 * ends.
 */
public interface PositionGrants {

	List<Users.Grant> grantsFor(long memberId, LocalDate date);

}
