package vn.capuy.meeting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.capuy.system.InvalidInputException;

/**
 * The outcome of a vote counted against the rule book: whether enough entitled members
 * were present (quorum) and whether enough of the entitled voted for (majority or two
 * thirds). Integer arithmetic only, so that exactly two thirds is exactly two thirds.
 */
public record VoteCount(int entitled, int present, int votesFor, int votesAgainst, int abstentions, Threshold quorum,
		Threshold majority, boolean quorumMet, boolean passed) {

	/**
	 * A threshold as the rule book writes it: {@code ">1/2"} (more than half) or
	 * {@code ">=2/3"} (at least two thirds).
	 */
	public record Threshold(boolean strict, int numerator, int denominator) {

		private static final Pattern FORM = Pattern.compile("^(>=|>)\\s*(\\d+)\\s*/\\s*(\\d+)$");

		public static Threshold parse(String text) {
			Matcher m = FORM.matcher(text == null ? "" : text.strip());
			if (!m.matches() || Integer.parseInt(m.group(3)) == 0) {
				throw new IllegalArgumentException("threshold: " + text);
			}
			return new Threshold(m.group(1).equals(">"), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
		}

		/** Whether {@code count} out of {@code base} reaches the threshold. */
		public boolean met(int count, int base) {
			long left = (long) count * this.denominator;
			long right = (long) this.numerator * base;
			return this.strict ? left > right : left >= right;
		}

		@Override
		public String toString() {
			return (this.strict ? ">" : ">=") + this.numerator + "/" + this.denominator;
		}

	}

	/**
	 * Counts a vote; bad numbers are refused naming the field: nobody votes twice, nobody
	 * absent votes, nobody present who is not entitled.
	 */
	public static VoteCount count(int entitled, int present, int votesFor, int votesAgainst, int abstentions,
			Threshold quorum, Threshold majority) {
		if (entitled <= 0) {
			throw new InvalidInputException("entitledCount", "meeting.error.vote.entitled");
		}
		if (present < 0 || present > entitled) {
			throw new InvalidInputException("presentCount", "meeting.error.vote.present", entitled);
		}
		if (votesFor < 0 || votesAgainst < 0 || abstentions < 0) {
			throw new InvalidInputException("votesFor", "meeting.error.vote.negative");
		}
		if (votesFor + votesAgainst + abstentions > present) {
			throw new InvalidInputException("votesFor", "meeting.error.vote.more-than-present", present);
		}
		boolean quorumMet = quorum.met(present, entitled);
		boolean passed = quorumMet && majority.met(votesFor, entitled);
		return new VoteCount(entitled, present, votesFor, votesAgainst, abstentions, quorum, majority, quorumMet,
				passed);
	}

	/** The outcome's message key: passed, rejected, or void for want of a quorum. */
	public String outcomeKey() {
		return !this.quorumMet ? "meeting.vote.outcome.no-quorum"
				: (this.passed ? "meeting.vote.outcome.passed" : "meeting.vote.outcome.rejected");
	}

}
