package vn.capuy.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * Vietnamese text as the system stores, searches and sorts it: NFC, without invisible
 * tricks, folded for search.
 */
public final class VietnameseText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Zero-width characters and bidirectional controls: never part of a name. */
	private static final Pattern INVISIBLE = Pattern
		.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u00AD]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Collator COLLATOR = frozenCollator();

	private VietnameseText() {
	}

	/**
	 * NFC, invisible and bidirectional control characters removed, white space collapsed;
	 * null stays null.
	 */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		return SPACES.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
	}

	/**
	 * The search key of a text: lower case, no diacritics, {@code đ} as {@code d}. Both
	 * tone placements ({@code uỷ}/{@code ủy}, {@code hoà}/{@code hòa}) fold to the same
	 * key because the tone mark is dropped.
	 */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(clean(text), Normalizer.Form.NFD);
		String bare = MARKS.matcher(decomposed).replaceAll("");
		return bare.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
	}

	/**
	 * A collator for sorting Vietnamese names in Java, consistent with the database's
	 * {@code vi-VN} collation. One frozen (immutable, thread-safe) instance shared by
	 * everyone: building one per comparison made sorting thousands of names slow.
	 */
	public static Collator collator() {
		return COLLATOR;
	}

	private static Collator frozenCollator() {
		Collator collator = Collator.getInstance(new ULocale("vi_VN"));
		collator.setStrength(Collator.TERTIARY);
		return collator.freeze();
	}

	/** Upper case with Vietnamese rules, for forms that require it. */
	public static String upper(String text) {
		return text == null ? null : text.toUpperCase(Locale.forLanguageTag("vi-VN"));
	}

}
