package vn.capuy.grading;

/**
 * The period a campaign reviews: a year (the default), a quarter, a committee term, or a
 * review called when needed (Quy định 366-QĐ/TW; earlier rules were yearly only).
 */
public enum PeriodKind {

	YEAR, QUARTER, TERM, AD_HOC

}
