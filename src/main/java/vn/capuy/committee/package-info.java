/**
 * Committees and leadership methods: terms, committee positions and the inspection
 * committee, assignments of committee members (fields and organisations followed),
 * working and coordination regulations, secretary as agency head, functions-and-tasks
 * checklists, the warnings of the rule book, and the grants that follow positions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "identity", "rulebook",
		"organization", "membership", "massorg", "meeting", "inspection", "document" })
package vn.capuy.committee;
