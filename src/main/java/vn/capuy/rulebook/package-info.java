/**
 * The rule book (effective-dated rules with their source document) and the Vietnamese
 * working-day calendar.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "identity" })
package vn.capuy.rulebook;
