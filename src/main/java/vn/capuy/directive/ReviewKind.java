package vn.capuy.directive;

/**
 * What a review is: an interim review (sơ kết), a final review (tổng kết), the yearly
 * party-building report, or another periodic report whose outline the committee defines.
 */
public enum ReviewKind {

	INTERIM, FINAL, YEARLY, OTHER

}
