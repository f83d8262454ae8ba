package vn.capuy.system;

/**
 * A module's part of the sample committee (its history for 2007–2012 and 2021–today),
 * loaded once after the base sample (organisations, members, accounts), in {@code order},
 * each in its own transaction.
 */
public interface SampleExtension {

	/** Lower runs first; the base sample is done before any extension runs. */
	int order();

	/** What the log says while it loads. */
	String name();

	void load();

}
