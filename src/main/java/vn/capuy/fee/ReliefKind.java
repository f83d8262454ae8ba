package vn.capuy.fee;

/** Why a member pays less or nothing (Quy định 01-QĐ/TW Art. 5). */
public enum ReliefKind {

	/** Receives the social pension allowance (exempt). */
	SOCIAL_PENSION,
	/** Poor or near-poor household, on application (exempt). */
	POVERTY,
	/** Serious illness, on application (exempt). */
	SERIOUS_ILLNESS,
	/** Other hardship: exempt or reduced by a share the rule book allows. */
	HARDSHIP

}
