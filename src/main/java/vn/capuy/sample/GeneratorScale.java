package vn.capuy.sample;

import java.util.Locale;

import vn.capuy.system.InvalidInputException;

/**
 * The named scales of synthetic data (issue "Scale and speed"): how many provinces,
 * committees above grassroots, grassroots organisations, cells and members, and how many
 * years of history.
 */
public enum GeneratorScale {

	/** For tests: seconds. */
	TINY(1, 1, 4, 12, 150, 5, true),
	/**
	 * A committee above grassroots: 100 grassroots organisations, 400 cells, 5,000
	 * members.
	 */
	BLOC(1, 1, 100, 400, 5_000, 5, true),
	/**
	 * A merged province: 2,200 grassroots organisations, 10,000 cells, 260,000 members.
	 */
	PROVINCE(1, 150, 2_200, 10_000, 260_000, 5, true),
	/**
	 * The country: 55,000 grassroots organisations, 250,000 cells, 5.6 million members,
	 * one year of history.
	 */
	NATION(34, 3_400, 55_000, 250_000, 5_600_000, 1, false);

	final int provinces;

	final int committees;

	final int grassroots;

	final int cells;

	final int members;

	final int historyYears;

	/**
	 * Whether the cells' monthly meetings are generated (not at the nation scale: no
	 * per-month tables there).
	 */
	final boolean monthlyHistory;

	GeneratorScale(int provinces, int committees, int grassroots, int cells, int members, int historyYears,
			boolean monthlyHistory) {
		this.monthlyHistory = monthlyHistory;
		this.provinces = provinces;
		this.committees = committees;
		this.grassroots = grassroots;
		this.cells = cells;
		this.members = members;
		this.historyYears = historyYears;
	}

	public int members() {
		return this.members;
	}

	public int cells() {
		return this.cells;
	}

	public int grassroots() {
		return this.grassroots;
	}

	/**
	 * Disk the generated rows need, roughly, with indexes and write-ahead log (measured:
	 * 865 MB for the province scale's 260,000 members with history).
	 */
	public long estimatedBytes() {
		return (long) this.members * 3_400L + (long) (this.cells + this.grassroots) * 2_000L;
	}

	public static GeneratorScale parse(String name) {
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException("scale", "error.generator.scale", name);
		}
	}

}
