package vn.capuy.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import vn.capuy.system.PartyDates;
import vn.capuy.system.VietnameseText;

/**
 * A party document laid out as Hướng dẫn 36-HD/VPTW (2018) wants it, written to DOCX in
 * Times New Roman on A4: the "ĐẢNG CỘNG SẢN VIỆT NAM" header, the superior and issuer
 * with the {@code *}, number and symbol, the italic place and date, the type and subject,
 * the body, the signature block and the recipients. Other modules (reviews, minutes,
 * decisions) build their documents with it.
 */
public final class Hd36Document {

	static final String FONT = "Times New Roman";

	private String superior;

	private String issuer;

	private String symbol;

	private String place;

	private LocalDate date;

	private String type;

	private String subject;

	private String secrecy;

	private String watermark;

	private final List<Block> body = new ArrayList<>();

	private String authority;

	private String signerTitle;

	private String signer;

	private List<String> recipients = List.of();

	private Hd36Document() {
	}

	public static Hd36Document create() {
		return new Hd36Document();
	}

	private sealed interface Block permits Heading, Paragraph, Table {

	}

	private record Heading(String text) implements Block {
	}

	private record Paragraph(String text, boolean italic) implements Block {
	}

	private record Table(List<String> header, List<List<String>> rows) implements Block {
	}

	/** The direct superior, e.g. "Đảng bộ tỉnh Quảng Bình" (printed upper case). */
	public Hd36Document superior(String superior) {
		this.superior = superior;
		return this;
	}

	/**
	 * The issuing body, e.g. "Đảng uỷ Khối các cơ quan tỉnh" (printed upper case, bold).
	 */
	public Hd36Document issuer(String issuer) {
		this.issuer = issuer;
		return this;
	}

	/** Number and symbol, e.g. "16-CT/TU"; printed as "Số 16-CT/TU". */
	public Hd36Document symbol(String symbol) {
		this.symbol = symbol;
		return this;
	}

	public Hd36Document placeAndDate(String place, LocalDate date) {
		this.place = place;
		this.date = date;
		return this;
	}

	/** The document type, e.g. "BÁO CÁO", and its subject. */
	public Hd36Document title(String type, String subject) {
		this.type = type;
		this.subject = subject;
		return this;
	}

	/** A secrecy mark (MẬT, TỐI MẬT, TUYỆT MẬT), printed under the number. */
	public Hd36Document secrecy(String secrecy) {
		this.secrecy = secrecy;
		return this;
	}

	/**
	 * A line printed at the top of every page, e.g. who printed a marked document and
	 * when.
	 */
	public Hd36Document watermark(String watermark) {
		this.watermark = watermark;
		return this;
	}

	public Hd36Document heading(String text) {
		this.body.add(new Heading(text));
		return this;
	}

	public Hd36Document paragraph(String text) {
		this.body.add(new Paragraph(text, false));
		return this;
	}

	public Hd36Document note(String text) {
		this.body.add(new Paragraph(text, true));
		return this;
	}

	public Hd36Document table(List<String> header, List<List<String>> rows) {
		this.body.add(new Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
		return this;
	}

	/**
	 * The signature block: the authority line ("T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ"), the
	 * signer's title ("BÍ THƯ", "PHÓ BÍ THƯ") and name.
	 */
	public Hd36Document signature(String authority, String signerTitle, String signer) {
		this.authority = authority;
		this.signerTitle = signerTitle;
		this.signer = signer;
		return this;
	}

	public Hd36Document recipients(List<String> recipients) {
		this.recipients = List.copyOf(recipients);
		return this;
	}

	/** The document as DOCX bytes. */
	public byte[] toDocx() {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			pageSetup(doc);
			if (this.watermark != null) {
				XWPFParagraph mark = doc.createParagraph();
				mark.setAlignment(ParagraphAlignment.RIGHT);
				run(mark, this.watermark, 10, false, true);
			}
			header(doc);
			if (this.type != null) {
				XWPFParagraph type = doc.createParagraph();
				type.setAlignment(ParagraphAlignment.CENTER);
				type.setSpacingBefore(240);
				run(type, VietnameseText.upper(this.type), 15, true, false);
			}
			if (this.subject != null) {
				XWPFParagraph subject = doc.createParagraph();
				subject.setAlignment(ParagraphAlignment.CENTER);
				run(subject, this.subject, 14, true, false);
				XWPFParagraph line = doc.createParagraph();
				line.setAlignment(ParagraphAlignment.CENTER);
				run(line, "-----", 14, false, false);
			}
			for (Block block : this.body) {
				write(doc, block);
			}
			signatureAndRecipients(doc);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The document as PDF bytes, in the same layout, set in the bundled Liberation Serif
	 * (metric-compatible with Times New Roman) so that every Vietnamese letter prints.
	 */
	public byte[] toPdf() {
		return Hd36Pdf.render(toXhtml());
	}

	/** The layout as XHTML for the PDF renderer. */
	String toXhtml() {
		StringBuilder h = new StringBuilder(4096);
		h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>")
			.append(esc(this.type == null ? "" : VietnameseText.upper(this.type)))
			.append("</title><style>")
			.append(Hd36Pdf.CSS)
			.append("</style></head><body>");
		if (this.watermark != null) {
			h.append("<div class=\"watermark\">").append(esc(this.watermark)).append("</div>");
		}
		h.append("<table class=\"head\"><tr><td class=\"left\">");
		if (this.superior != null) {
			h.append("<div>").append(esc(VietnameseText.upper(this.superior))).append("</div>");
		}
		h.append("<div class=\"b\">")
			.append(esc(VietnameseText.upper(this.issuer == null ? "" : this.issuer)))
			.append("</div><div>*</div>");
		if (this.symbol != null) {
			h.append("<div>Số ").append(esc(this.symbol)).append("</div>");
		}
		if (this.secrecy != null) {
			h.append("<div class=\"b mark\">").append(esc(this.secrecy)).append("</div>");
		}
		h.append("</td><td class=\"right\"><div class=\"party\">ĐẢNG CỘNG SẢN VIỆT NAM</div>");
		if (this.date != null) {
			h.append("<div class=\"i when\">")
				.append(esc((this.place == null ? "" : this.place + ", ") + PartyDates.longForm(this.date)))
				.append("</div>");
		}
		h.append("</td></tr></table>");
		if (this.type != null) {
			h.append("<div class=\"type\">").append(esc(VietnameseText.upper(this.type))).append("</div>");
		}
		if (this.subject != null) {
			h.append("<div class=\"subject\">").append(esc(this.subject)).append("</div><div class=\"c\">-----</div>");
		}
		for (Block block : this.body) {
			if (block instanceof Heading heading) {
				h.append("<p class=\"b ind\">").append(esc(heading.text())).append("</p>");
			}
			else if (block instanceof Paragraph paragraph) {
				h.append("<p class=\"ind")
					.append(paragraph.italic() ? " i" : "")
					.append("\">")
					.append(esc(paragraph.text()))
					.append("</p>");
			}
			else if (block instanceof Table t) {
				h.append("<table class=\"data\"><tr>");
				for (String cell : t.header()) {
					h.append("<th>").append(esc(cell)).append("</th>");
				}
				h.append("</tr>");
				for (List<String> row : t.rows()) {
					h.append("<tr>");
					for (String cell : row) {
						h.append("<td>").append(esc(cell)).append("</td>");
					}
					h.append("</tr>");
				}
				h.append("</table>");
			}
		}
		if (this.signer != null || !this.recipients.isEmpty()) {
			h.append("<table class=\"sign\"><tr><td class=\"to\">");
			if (!this.recipients.isEmpty()) {
				h.append("<div class=\"b i u\">Nơi nhận:</div>");
				for (String recipient : this.recipients) {
					h.append("<div>- ").append(esc(recipient)).append("</div>");
				}
			}
			h.append("</td><td class=\"signer\">");
			if (this.authority != null) {
				h.append("<div class=\"b\">").append(esc(this.authority)).append("</div>");
			}
			if (this.signerTitle != null) {
				h.append("<div class=\"b\">").append(esc(this.signerTitle)).append("</div>");
			}
			h.append("<div class=\"space\"></div>");
			if (this.signer != null) {
				h.append("<div class=\"b\">").append(esc(this.signer)).append("</div>");
			}
			h.append("</td></tr></table>");
		}
		h.append("</body></html>");
		return h.toString();
	}

	private static String esc(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private void header(XWPFDocument doc) {
		XWPFTable table = doc.createTable(1, 2);
		noBorders(table);
		widths(table, 4600, 4800);
		XWPFTableCell left = table.getRow(0).getCell(0);
		XWPFTableCell right = table.getRow(0).getCell(1);
		XWPFParagraph p = left.getParagraphs().get(0);
		p.setAlignment(ParagraphAlignment.CENTER);
		if (this.superior != null) {
			run(p, VietnameseText.upper(this.superior), 14, false, false).addBreak();
		}
		run(p, VietnameseText.upper(this.issuer == null ? "" : this.issuer), 14, true, false).addBreak();
		run(p, "*", 14, false, false);
		if (this.symbol != null) {
			XWPFParagraph number = left.addParagraph();
			number.setAlignment(ParagraphAlignment.CENTER);
			run(number, "Số " + this.symbol, 14, false, false);
		}
		if (this.secrecy != null) {
			XWPFParagraph mark = left.addParagraph();
			mark.setAlignment(ParagraphAlignment.CENTER);
			run(mark, this.secrecy, 14, true, false);
		}
		XWPFParagraph party = right.getParagraphs().get(0);
		party.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun partyRun = run(party, "ĐẢNG CỘNG SẢN VIỆT NAM", 15, true, false);
		partyRun.setUnderline(UnderlinePatterns.SINGLE);
		if (this.date != null) {
			XWPFParagraph when = right.addParagraph();
			when.setAlignment(ParagraphAlignment.CENTER);
			when.setSpacingBefore(200);
			String placeDate = (this.place == null ? "" : this.place + ", ") + PartyDates.longForm(this.date);
			run(when, placeDate, 14, false, true);
		}
	}

	private void write(XWPFDocument doc, Block block) {
		if (block instanceof Heading heading) {
			XWPFParagraph p = doc.createParagraph();
			p.setSpacingBefore(120);
			p.setIndentationFirstLine(567);
			run(p, heading.text(), 14, true, false);
		}
		else if (block instanceof Paragraph paragraph) {
			XWPFParagraph p = doc.createParagraph();
			p.setAlignment(ParagraphAlignment.BOTH);
			p.setIndentationFirstLine(567);
			p.setSpacingAfter(60);
			run(p, paragraph.text(), 14, false, paragraph.italic());
		}
		else if (block instanceof Table t) {
			XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
			CTTblWidth width = table.getCTTbl().getTblPr().addNewTblW();
			width.setType(STTblWidth.PCT);
			width.setW(BigInteger.valueOf(5000));
			fill(table.getRow(0), t.header(), true);
			for (int i = 0; i < t.rows().size(); i++) {
				fill(table.getRow(i + 1), t.rows().get(i), false);
			}
			doc.createParagraph();
		}
	}

	private void signatureAndRecipients(XWPFDocument doc) {
		if (this.signer == null && this.recipients.isEmpty()) {
			return;
		}
		XWPFTable table = doc.createTable(1, 2);
		noBorders(table);
		widths(table, 4600, 4800);
		XWPFParagraph left = table.getRow(0).getCell(0).getParagraphs().get(0);
		if (!this.recipients.isEmpty()) {
			XWPFRun label = run(left, "Nơi nhận:", 12, true, true);
			label.setUnderline(UnderlinePatterns.SINGLE);
			for (String recipient : this.recipients) {
				label.addBreak();
				label = run(left, "- " + recipient, 11, false, false);
			}
		}
		XWPFParagraph right = table.getRow(0).getCell(1).getParagraphs().get(0);
		right.setAlignment(ParagraphAlignment.CENTER);
		if (this.authority != null) {
			run(right, this.authority, 14, true, false).addBreak();
		}
		if (this.signerTitle != null) {
			run(right, this.signerTitle, 14, true, false).addBreak();
		}
		XWPFRun space = run(right, "", 14, false, false);
		space.addBreak();
		space.addBreak();
		space.addBreak();
		if (this.signer != null) {
			run(right, this.signer, 14, true, false);
		}
	}

	private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
		for (int i = 0; i < cells.size(); i++) {
			XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
			p.setAlignment(i == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
			run(p, cells.get(i) == null ? "" : cells.get(i), 12, bold, false);
		}
	}

	private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
		XWPFRun run = p.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setItalic(italic);
		run.setText(text);
		return run;
	}

	private static void noBorders(XWPFTable table) {
		CTTblBorders borders = table.getCTTbl().getTblPr().addNewTblBorders();
		borders.addNewTop().setVal(STBorder.NONE);
		borders.addNewBottom().setVal(STBorder.NONE);
		borders.addNewLeft().setVal(STBorder.NONE);
		borders.addNewRight().setVal(STBorder.NONE);
		borders.addNewInsideH().setVal(STBorder.NONE);
		borders.addNewInsideV().setVal(STBorder.NONE);
	}

	private static void widths(XWPFTable table, int left, int right) {
		table.getRow(0).getCell(0).getCTTc().addNewTcPr().addNewTcW().setW(BigInteger.valueOf(left));
		table.getRow(0).getCell(1).getCTTc().addNewTcPr().addNewTcW().setW(BigInteger.valueOf(right));
	}

	private static void pageSetup(XWPFDocument doc) {
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		// A4 in twentieths of a point
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		// HD 36: top and bottom 20 mm, left 30 mm, right 15 mm
		margins.setTop(BigInteger.valueOf(1134));
		margins.setBottom(BigInteger.valueOf(1134));
		margins.setLeft(BigInteger.valueOf(1701));
		margins.setRight(BigInteger.valueOf(850));
	}

}
