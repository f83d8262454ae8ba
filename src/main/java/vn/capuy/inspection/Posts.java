package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.Optional;
import java.util.List;

/**
 * What the committee module knows about posts, for discipline: whether a member holds a
 * post on a date (removal from post, CACH_CHUC, needs one) and who sat on an
 * organisation's committee in a period (grading's "no member of the leadership collective
 * disciplined"). The committee module may supply a bean; without one the answers are
 * unknown, and a removal from post is allowed with a warning.
 */
public interface Posts {

	/** Empty when unknown. */
	Optional<Boolean> holdsPost(long memberId, LocalDate date);

	/**
	 * A seat on an executive committee held over a period ({@code validTo} exclusive,
	 * null open).
	 */
	record Seat(long memberId, LocalDate validFrom, LocalDate validTo) {

		public boolean heldOn(LocalDate date) {
			return !date.isBefore(this.validFrom) && (this.validTo == null || date.isBefore(this.validTo));
		}

	}

	/**
	 * Every seat ever held on the organisation's executive committee (or cell committee);
	 * empty when unknown.
	 */
	default Optional<List<Seat>> executiveSeats(long organizationId) {
		return Optional.empty();
	}

}
