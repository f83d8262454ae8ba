package vn.capuy.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Events of restructuring, published inside the operation's transaction so that the
 * member register moves members in the same transaction (nothing half-written).
 */
public final class OrganizationEvents {

	private OrganizationEvents() {
	}

	/**
	 * Several organisations merged into {@code successorId}: their members move there on
	 * {@code date}.
	 */
	public record OrganizationsMerged(List<Long> predecessorIds, long successorId, LocalDate date, String decisionRef,
			String actor) {
	}

	/**
	 * An organisation split into parts: each member listed moves to the named part on
	 * {@code date}; the others to {@code defaultSuccessorId}.
	 */
	public record OrganizationSplit(long predecessorId, List<Long> successorIds, long defaultSuccessorId,
			Map<Long, Long> memberToSuccessor, LocalDate date, String decisionRef, String actor) {
	}

}
