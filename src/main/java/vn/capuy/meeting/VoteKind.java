package vn.capuy.meeting;

/**
 * What a vote decides and the rule-book threshold it needs. Whoever the subject, only
 * full members not exempt on the date are entitled to vote: probationary members have
 * every right except voting (Điều lệ Đảng 2011, Điều 5), exempt members are not counted.
 */
public enum VoteKind {

	/** A resolution or conclusion: majority rule. */
	RESOLUTION("meeting.vote.majority"),
	/** Admission of a new member: two-thirds of full members. */
	ADMISSION("meeting.vote.admission"),
	/** Recognition as full member: two-thirds of full members. */
	FULL_MEMBERSHIP("meeting.vote.full-membership"),
	/** Other personnel items: majority rule. */
	PERSONNEL("meeting.vote.majority");

	private final String ruleKey;

	VoteKind(String ruleKey) {
		this.ruleKey = ruleKey;
	}

	public String ruleKey() {
		return this.ruleKey;
	}

}
