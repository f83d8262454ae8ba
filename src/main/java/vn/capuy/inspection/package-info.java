/**
 * Inspection and supervision: yearly programmes, confidential cases with dated stages,
 * discipline decisions checked against the rule book's authority table and limitation
 * periods, complaints.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "system", "identity", "rulebook", "organization", "membership", "grading", "fee" })
package vn.capuy.inspection;
