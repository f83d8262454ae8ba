/**
 * Party fees: rates by member category and date from the rule book, exemptions and
 * reductions, the monthly ledger per member with arrears, retention and remittance
 * between levels, reconciliation.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "system", "identity", "rulebook", "organization", "membership" })
package vn.capuy.fee;
