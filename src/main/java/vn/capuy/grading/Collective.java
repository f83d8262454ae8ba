package vn.capuy.grading;

/**
 * What is reviewed of an organisation: the organisation itself (collective report, form
 * 01), its executive committee, or its standing committee as leadership collectives.
 */
public enum Collective {

	ORGANIZATION, COMMITTEE, STANDING_COMMITTEE

}
