package vn.capuy.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.CurrentUser;
import vn.capuy.inspection.DisciplineForm;
import vn.capuy.inspection.DisciplineTookEffect;
import vn.capuy.inspection.Posts;

/**
 * Discipline as the committee module follows it: a removal from post (CACH_CHUC) ends
 * every committee position the member holds on the decision's effective date, in the
 * decision's own transaction (so the account loses the grants of those positions from
 * that day); and the inspection module learns from the positions whether a member holds a
 * post and who sat on a committee.
 */
@Component
class DisciplineListener implements Posts {

	private final Committees committees;

	DisciplineListener(Committees committees) {
		this.committees = committees;
	}

	/**
	 * Ends the member's positions in force on the effective date (exclusive end). A
	 * position starting on or after that date is not touched: the removal cannot end what
	 * had not begun.
	 */
	@EventListener
	@Transactional
	public void on(DisciplineTookEffect event) {
		if (event.form() != DisciplineForm.CACH_CHUC || event.memberId() == null) {
			return;
		}
		CurrentUser system = CurrentUser.system();
		LocalDate date = event.effectiveDate();
		for (HeldPosition p : this.committees.positionsOf(system, event.memberId())) {
			if (p.validFrom().isBefore(date) && (p.validTo() == null || p.validTo().isAfter(date))) {
				this.committees.closePosition(system, p.id(), date, "Cách chức (" + event.documentRef() + ")");
			}
		}
	}

	@Override
	public Optional<Boolean> holdsPost(long memberId, LocalDate date) {
		return Optional.of(this.committees.positionsOf(CurrentUser.system(), memberId)
			.stream()
			.anyMatch((p) -> p.inForceOn(date)));
	}

	@Override
	public Optional<List<Posts.Seat>> executiveSeats(long organizationId) {
		return Optional.of(this.committees.history(CurrentUser.system(), organizationId)
			.stream()
			.filter((p) -> p.position().executive())
			.map((p) -> new Posts.Seat(p.memberId(), p.validFrom(), p.validTo()))
			.toList());
	}

}
