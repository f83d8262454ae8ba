package vn.capuy.document;

import java.util.List;
import java.util.regex.Pattern;

import vn.capuy.system.InvalidInputException;
import vn.capuy.system.VietnameseText;

/**
 * The number and symbol of a party document, {@code <number>-<TYPE>/<ISSUER>} (HD 36;
 * DOMAIN.md §8.5): {@code 16-CT/TU}, {@code 09-HD/BTCTW}, {@code 1127-QĐ/TU}. Numbers
 * below 10 print with a leading zero as party documents number from 01. A symbol alone is
 * not an identity: several {@code 12-HD/BTCTW} exist, told apart by their date.
 */
public record DocumentSymbol(int number, String typeCode, String issuerCode) {

	private static final Pattern DIGITS = Pattern.compile("\\d{1,6}");

	private static final Pattern ISSUER = Pattern.compile("[A-ZĐ][A-ZĐ0-9]{0,15}");

	public DocumentSymbol {
		if (number < 1) {
			throw new InvalidInputException("symbol", "error.document.symbol.number", String.valueOf(number));
		}
		if (typeCode == null || DocumentType.ofCode(typeCode).isEmpty()) {
			throw new InvalidInputException("symbol", "error.document.symbol.type", String.valueOf(typeCode),
					String.join(", ", DocumentType.codes()));
		}
		if (issuerCode == null || !ISSUER.matcher(issuerCode).matches()) {
			throw new InvalidInputException("symbol", "error.document.symbol.issuer", String.valueOf(issuerCode));
		}
	}

	/** A symbol for a type issued by an issuer under a number. */
	public static DocumentSymbol of(int number, DocumentType type, String issuerCode) {
		return new DocumentSymbol(number, type.code(), issuerCode);
	}

	/**
	 * Reads {@code 16-CT/TU} (also with a leading "Số"); throws
	 * {@link InvalidInputException} on field {@code symbol} saying in Vietnamese what is
	 * wrong.
	 */
	public static DocumentSymbol parse(String text) {
		String s = VietnameseText.clean(text);
		if (s == null || s.isEmpty()) {
			throw new InvalidInputException("symbol", "error.required");
		}
		if (s.regionMatches(true, 0, "Số ", 0, 3)) {
			s = s.substring(3).strip();
		}
		int slash = s.indexOf('/');
		if (slash < 0) {
			throw new InvalidInputException("symbol", "error.document.symbol.no-slash", s);
		}
		if (s.indexOf('/', slash + 1) >= 0) {
			throw new InvalidInputException("symbol", "error.document.symbol.two-slashes", s);
		}
		String left = s.substring(0, slash);
		String issuer = s.substring(slash + 1);
		int hyphen = left.indexOf('-');
		if (hyphen < 0) {
			throw new InvalidInputException("symbol", "error.document.symbol.no-hyphen", s);
		}
		String number = left.substring(0, hyphen);
		String type = left.substring(hyphen + 1);
		if (number.isEmpty()) {
			throw new InvalidInputException("symbol", "error.document.symbol.no-number", s);
		}
		if (!DIGITS.matcher(number).matches()) {
			throw new InvalidInputException("symbol", "error.document.symbol.number", number);
		}
		if (type.isEmpty()) {
			throw new InvalidInputException("symbol", "error.document.symbol.no-type", s);
		}
		String canonical = DocumentType.canonicalCode(type)
			.orElseThrow(() -> new InvalidInputException("symbol", "error.document.symbol.type", type,
					String.join(", ", DocumentType.codes())));
		if (issuer.isEmpty()) {
			throw new InvalidInputException("symbol", "error.document.symbol.no-issuer", s);
		}
		return new DocumentSymbol(Integer.parseInt(number), canonical, issuer);
	}

	/** The types this symbol may stand for (QĐ: decision or regulation). */
	public List<DocumentType> types() {
		return DocumentType.ofCode(this.typeCode);
	}

	/** {@code 09-KH/ĐU}. */
	@Override
	public String toString() {
		return String.format("%02d-%s/%s", this.number, this.typeCode, this.issuerCode);
	}

}
