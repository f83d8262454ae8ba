package vn.capuy.document;

/**
 * The secrecy mark of a document (DOMAIN.md §8.7), ordered from none to the highest, and
 * compared with a user's clearance ({@code app_user.clearance}, same names).
 */
public enum Secrecy {

	/** Not marked. */
	NONE(null),
	/** MẬT (secret). */
	MAT("MẬT"),
	/** TỐI MẬT (top secret). */
	TOI_MAT("TỐI MẬT"),
	/** TUYỆT MẬT (most secret). */
	TUYET_MAT("TUYỆT MẬT");

	private final String mark;

	Secrecy(String mark) {
		this.mark = mark;
	}

	/** The mark printed on the document, or null when not marked. */
	public String mark() {
		return this.mark;
	}

	public boolean marked() {
		return this != NONE;
	}

	/** A clearance as {@code CurrentUser.clearance()} holds it; unknown or null: none. */
	public static Secrecy ofClearance(String clearance) {
		if (clearance == null) {
			return NONE;
		}
		try {
			return valueOf(clearance);
		}
		catch (IllegalArgumentException ex) {
			return NONE;
		}
	}

	/** Whether a user with this clearance may open a document with the given mark. */
	public boolean allows(Secrecy mark) {
		return mark.ordinal() <= ordinal();
	}

	/** The marks a user with this clearance may open, as the SQL takes them. */
	String[] allowedNames() {
		Secrecy[] all = values();
		String[] names = new String[ordinal() + 1];
		for (int i = 0; i <= ordinal(); i++) {
			names[i] = all[i].name();
		}
		return names;
	}

}
