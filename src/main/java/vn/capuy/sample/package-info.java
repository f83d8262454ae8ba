/**
 * The sample committee of the seed story (invented people in the real setting) and the
 * start-up work: catalogues, the sample on first start, the first administrator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "identity", "rulebook",
		"organization", "membership", "grading", "directive" })
package vn.capuy.sample;
