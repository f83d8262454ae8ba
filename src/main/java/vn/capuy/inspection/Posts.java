package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a member holds a post on a date, for removal from post (CACH_CHUC). The
 * committee module may supply a bean; without one the answer is unknown, and the decision
 * is allowed with a warning.
 */
public interface Posts {

	/** Empty when unknown. */
	Optional<Boolean> holdsPost(long memberId, LocalDate date);

}
