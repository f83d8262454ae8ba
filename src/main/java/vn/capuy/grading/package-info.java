/**
 * Review and quality grading of organisations, leadership collectives and members for a
 * period under the rules in force, with quotas, workflow, consequences and the Hồ Chí
 * Minh study.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "system", "identity", "rulebook", "organization", "membership", "document" })
package vn.capuy.grading;
