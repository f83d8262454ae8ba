/**
 * Dashboards, the home page of each role, statistics and exports, read through the other
 * modules' public API.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "system", "identity", "rulebook", "organization", "membership" })
package vn.capuy.report;
