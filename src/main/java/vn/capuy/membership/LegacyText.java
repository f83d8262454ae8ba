package vn.capuy.membership;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.capuy.system.Csv;
import vn.capuy.system.InvalidInputException;

/**
 * Recognises Vietnamese text written in the legacy encodings TCVN3 (ABC) and VNI, either
 * as raw bytes or as the characters a Unicode program shows for them (the file was opened
 * with a .VnTime or VNI-Times font), and converts it to Unicode NFC with the byte table
 * in {@code reference/legacy-encodings.csv}. Text it cannot place is refused, naming the
 * encoding.
 */
final class LegacyText {

	/** The encoding a text was found in. */
	enum Encoding {

		UTF8, TCVN3, VNI

	}

	/** A decoded text and the encoding it came in. */
	record Decoded(String text, Encoding encoding) {
	}

	private static final Map<Integer, Character> TCVN3 = new HashMap<>();

	private static final Map<Integer, Character> VNI_SINGLE = new HashMap<>();

	private static final Map<Integer, Character> VNI_PAIR = new HashMap<>();

	private static final Set<Integer> VN1_ONLY = new HashSet<>();

	private static final Set<Character> VIETNAMESE = new HashSet<>();

	private static final Charset CP1252 = Charset.forName("windows-1252");

	static {
		for (Map<String, String> row : Csv.readResource("reference/legacy-encodings.csv")) {
			String enc = row.get("encoding");
			String ch = row.get("unicode_char");
			String[] hex = row.get("bytes_hex").strip().split("\\s+");
			if (ch == null || ch.isEmpty()) {
				continue;
			}
			char c = ch.charAt(0);
			if ("TCVN3".equals(enc)) {
				TCVN3.put(Integer.parseInt(hex[0], 16), c);
			}
			else if ("VNI".equals(enc)) {
				if (hex.length == 1) {
					VNI_SINGLE.put(Integer.parseInt(hex[0], 16), c);
				}
				else {
					VNI_PAIR.put(Integer.parseInt(hex[0], 16) << 8 | Integer.parseInt(hex[1], 16), c);
				}
			}
			else if (enc.startsWith("TCVN5712-VN1") && hex.length == 1) {
				VN1_ONLY.add(Integer.parseInt(hex[0], 16));
			}
			if (!enc.startsWith("VNI (mark")) {
				VIETNAMESE.add(c);
				VIETNAMESE.add(Character.toUpperCase(c));
				VIETNAMESE.add(Character.toLowerCase(c));
			}
		}
		VN1_ONLY.removeAll(TCVN3.keySet());
	}

	private LegacyText() {
	}

	/**
	 * Decodes a file's bytes: UTF-8 (with legacy text shown as Unicode characters
	 * recognised and converted), or raw TCVN3 / VNI bytes.
	 */
	static Decoded decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
			return recognise(text);
		}
		catch (CharacterCodingException ex) {
			return fromBytes(bytes);
		}
	}

	/** Raw legacy bytes: the encoding that decodes every letter wins. */
	static Decoded fromBytes(byte[] bytes) {
		String tcvn = tcvn3(bytes);
		String vni = vni(bytes);
		int badTcvn = bad(tcvn);
		int badVni = bad(vni);
		// VNI writes most letters as two bytes (base letter + mark); those bytes also
		// read
		// as TCVN3 letters, but TCVN3 text almost never reads cleanly as VNI pairs
		if (badVni == 0 && bytes.length > vni.length()) {
			return new Decoded(nfc(vni), Encoding.VNI);
		}
		if (badTcvn == 0) {
			return new Decoded(nfc(tcvn), Encoding.TCVN3);
		}
		for (byte b : bytes) {
			int v = b & 0xFF;
			if (VN1_ONLY.contains(v) && v != '\t' && v != '\n' && v != '\r') {
				throw new InvalidInputException("file", "import.error.encoding.vn1");
			}
		}
		throw new InvalidInputException("file", "import.error.encoding.unknown");
	}

	/**
	 * Text already in Unicode: if every character fits in Windows-1252 and the text reads
	 * as Vietnamese only after mapping those characters back to bytes, it was legacy
	 * text.
	 */
	static Decoded recognise(String text) {
		boolean nonAscii = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c > 0x7F) {
				nonAscii = true;
				if (toByte(c) < 0) {
					return new Decoded(nfc(text), Encoding.UTF8);
				}
			}
		}
		if (!nonAscii) {
			return new Decoded(text, Encoding.UTF8);
		}
		byte[] bytes = new byte[text.length()];
		for (int i = 0; i < text.length(); i++) {
			bytes[i] = (byte) toByte(text.charAt(i));
		}
		int badAsIs = bad(text);
		String tcvn = tcvn3(bytes);
		String vni = vni(bytes);
		int badTcvn = bad(tcvn);
		int badVni = bad(vni);
		if (badVni == 0 && bytes.length > vni.length() && specific(vni) > 0) {
			return new Decoded(nfc(vni), Encoding.VNI);
		}
		if (badTcvn == 0 && specific(tcvn) > 0) {
			return new Decoded(nfc(tcvn), Encoding.TCVN3);
		}
		if (badAsIs > 0) {
			throw new InvalidInputException("file", "import.error.encoding.unknown");
		}
		return new Decoded(nfc(text), Encoding.UTF8);
	}

	/** Converts one value (a spreadsheet cell) in the encoding found for the file. */
	static String convert(String value, Encoding encoding) {
		if (value == null || encoding == Encoding.UTF8) {
			return value;
		}
		byte[] bytes = new byte[value.length()];
		for (int i = 0; i < value.length(); i++) {
			int b = toByte(value.charAt(i));
			if (b < 0) {
				return value;
			}
			bytes[i] = (byte) b;
		}
		return nfc(encoding == Encoding.TCVN3 ? tcvn3(bytes) : vni(bytes));
	}

	static String tcvn3(byte[] bytes) {
		StringBuilder out = new StringBuilder(bytes.length);
		for (byte b : bytes) {
			int v = b & 0xFF;
			if (v < 0x80) {
				out.append((char) v);
			}
			else {
				Character c = TCVN3.get(v);
				out.append(c != null ? c : '\uFFFD');
			}
		}
		return out.toString();
	}

	static String vni(byte[] bytes) {
		StringBuilder out = new StringBuilder(bytes.length);
		for (int i = 0; i < bytes.length; i++) {
			int v = bytes[i] & 0xFF;
			if (i + 1 < bytes.length) {
				Character pair = VNI_PAIR.get(v << 8 | (bytes[i + 1] & 0xFF));
				if (pair != null) {
					out.append(pair);
					i++;
					continue;
				}
			}
			Character single = VNI_SINGLE.get(v);
			if (single != null) {
				out.append(single);
			}
			else {
				out.append(v < 0x80 ? (char) v : '\uFFFD');
			}
		}
		return out.toString();
	}

	/** Characters that are neither ASCII nor Vietnamese letters. */
	static int bad(String s) {
		int bad = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c > 0x7F && !VIETNAMESE.contains(c)) {
				bad++;
			}
			else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				bad++;
			}
		}
		return bad;
	}

	/** Letters only Vietnamese uses (outside Latin-1): ă, ơ, ư, đ, ạ, ế… */
	static int specific(String s) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) > 0xFF && VIETNAMESE.contains(s.charAt(i))) {
				n++;
			}
		}
		return n;
	}

	private static int toByte(char c) {
		if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
			return c;
		}
		if (c >= 0x80 && c <= 0x9F) {
			return c;
		}
		byte[] b = String.valueOf(c).getBytes(CP1252);
		if (b.length == 1 && b[0] != '?') {
			return b[0] & 0xFF;
		}
		return -1;
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	static String name(Encoding e) {
		return e.name().toLowerCase(Locale.ROOT);
	}

}
