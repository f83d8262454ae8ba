/**
 * Mass organisations led by each party organisation in its agency (Youth Union, trade
 * union, women's union, veterans' association): units, leaders, member counts by year,
 * the party's decisions concerning them, and Youth Union members proposed for admission.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "system", "identity", "rulebook", "organization", "membership" })
package vn.capuy.massorg;
