/**
 * Carrying out directives and resolutions: the committee's implementation plan with
 * content items, indicators and tasks, each organisation's plan, periodic reports up the
 * chain with their accept/return steps, progress rolled up the tree, reviews (sơ kết,
 * tổng kết, yearly) with their outline and the drafted review report, and the review
 * conference.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "system", "identity", "rulebook", "organization", "membership", "document" })
package vn.capuy.directive;
