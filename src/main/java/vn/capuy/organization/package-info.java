/**
 * The organisation tree with its history: types, agencies, dated parent links, and the
 * restructuring operations (create, rename, move, merge, split, dissolve), each on a date
 * with its decision and actor.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "identity", "rulebook" })
package vn.capuy.organization;
