package vn.capuy.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Types of party document (QĐ 66-QĐ/TW, HD 36-HD/VPTW; DOMAIN.md §8.5) with the
 * abbreviation a symbol carries and the name printed on the document. Decisions and
 * regulations share {@code QĐ}, so they share one numbering sequence: a term never prints
 * the same symbol twice.
 */
public enum DocumentType {

	/** Nghị quyết. */
	RESOLUTION("NQ", "Nghị quyết"),
	/** Chỉ thị. */
	DIRECTIVE("CT", "Chỉ thị"),
	/** Kết luận. */
	CONCLUSION("KL", "Kết luận"),
	/** Quyết định. */
	DECISION("QĐ", "Quyết định"),
	/** Quy định (also QĐ in party documents). */
	REGULATION("QĐ", "Quy định"),
	/** Quy chế (working regulation). */
	WORKING_RULES("QC", "Quy chế"),
	/** Hướng dẫn. */
	GUIDANCE("HD", "Hướng dẫn"),
	/** Kế hoạch. */
	PLAN("KH", "Kế hoạch"),
	/** Chương trình. */
	PROGRAMME("CTr", "Chương trình"),
	/** Báo cáo. */
	REPORT("BC", "Báo cáo"),
	/** Thông báo. */
	NOTICE("TB", "Thông báo"),
	/** Tờ trình. */
	SUBMISSION("TTr", "Tờ trình"),
	/** Đề án. */
	SCHEME("ĐA", "Đề án"),
	/** Biên bản. */
	MINUTES("BB", "Biên bản"),
	/** Công văn. */
	LETTER("CV", "Công văn"),
	/** Bản sao. */
	COPY("BS", "Bản sao"),
	/** Thông tri. */
	CIRCULAR("TT", "Thông tri");

	private final String code;

	private final String vietnameseName;

	DocumentType(String code, String vietnameseName) {
		this.code = code;
		this.vietnameseName = vietnameseName;
	}

	/** The abbreviation in a symbol, e.g. {@code CT} in {@code 16-CT/TU}. */
	public String code() {
		return this.code;
	}

	/** The name printed as the document's type, e.g. "Chỉ thị". */
	public String vietnameseName() {
		return this.vietnameseName;
	}

	/**
	 * The types a symbol's abbreviation stands for ({@code QĐ}: decision and regulation).
	 */
	public static List<DocumentType> ofCode(String code) {
		return Arrays.stream(values()).filter((t) -> t.code.equals(code)).toList();
	}

	/** The known abbreviations, canonical spelling ({@code CTr}, {@code TTr}). */
	public static List<String> codes() {
		return Arrays.stream(values()).map(DocumentType::code).distinct().toList();
	}

	/**
	 * The canonical spelling of an abbreviation written in any case ({@code ctr → CTr}).
	 */
	static Optional<String> canonicalCode(String written) {
		if ("QĐi".equals(written) || "QĐI".equals(written)) {
			return Optional.of("QĐ");
		}
		return codes().stream().filter((c) -> c.equalsIgnoreCase(written)).findFirst();
	}

}
