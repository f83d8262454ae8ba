package vn.capuy.organization;

/**
 * Members of an organisation (or of its subtree) on a date, by status.
 */
public record MemberCounts(int full, int probationary, int exempt) {

	public static final MemberCounts ZERO = new MemberCounts(0, 0, 0);

	public int total() {
		return this.full + this.probationary + this.exempt;
	}

	/**
	 * Full members, counting the exempt ones, who are full members excused from
	 * activities.
	 */
	public int fullIncludingExempt() {
		return this.full + this.exempt;
	}

	public MemberCounts plus(MemberCounts other) {
		return new MemberCounts(this.full + other.full, this.probationary + other.probationary,
				this.exempt + other.exempt);
	}

}
