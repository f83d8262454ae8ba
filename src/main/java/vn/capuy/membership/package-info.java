/**
 * The member register: the interoperable minimum record, placement in cells over time,
 * status history, search, and the reference catalogues (ethnic groups, religions,
 * provinces before and after 2025).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "system", "identity", "rulebook", "organization" })
package vn.capuy.membership;
