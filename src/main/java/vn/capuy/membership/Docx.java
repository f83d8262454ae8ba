package vn.capuy.membership;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * A small DOCX writer for the member forms (transfer letter, phiếu đảng viên, lý lịch) in
 * Times New Roman: centred headings, label–value tables, tables, paragraphs, the 3×4
 * photo. The membership module cannot use the document module's HD 36 writer (document
 * depends on membership).
 */
final class Docx {

	private final XWPFDocument doc = new XWPFDocument();

	Docx heading(String text, boolean bold, int size) {
		XWPFParagraph p = this.doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		run(p, text, bold, size);
		return this;
	}

	Docx paragraph(String text) {
		run(this.doc.createParagraph(), text, false, 13);
		return this;
	}

	Docx italic(String text) {
		XWPFParagraph p = this.doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun r = p.createRun();
		r.setFontFamily("Times New Roman");
		r.setFontSize(11);
		r.setItalic(true);
		r.setText(text);
		return this;
	}

	/** The member's 3×4 cm photo, on the right, as the forms place it. */
	Docx photo(byte[] bytes, boolean png) {
		XWPFParagraph p = this.doc.createParagraph();
		p.setAlignment(ParagraphAlignment.RIGHT);
		try (ByteArrayInputStream in = new ByteArrayInputStream(bytes)) {
			p.createRun()
				.addPicture(in, png ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG, "anh-3x4",
						Units.EMU_PER_CENTIMETER * 3, Units.EMU_PER_CENTIMETER * 4);
		}
		catch (IOException | InvalidFormatException ex) {
			throw new IllegalStateException(ex);
		}
		return this;
	}

	/** A table with a bold header row. */
	Docx table(String[] headers, List<String[]> rows) {
		XWPFTable table = this.doc.createTable(rows.size() + 1, headers.length);
		for (int c = 0; c < headers.length; c++) {
			cell(table, 0, c, headers[c], true);
		}
		for (int i = 0; i < rows.size(); i++) {
			for (int c = 0; c < headers.length; c++) {
				String v = c < rows.get(i).length ? rows.get(i)[c] : null;
				cell(table, i + 1, c, v == null ? "" : v, false);
			}
		}
		return this;
	}

	Docx fields(List<String[]> rows) {
		XWPFTable table = this.doc.createTable(rows.size(), 2);
		for (int i = 0; i < rows.size(); i++) {
			cell(table, i, 0, rows.get(i)[0], true);
			cell(table, i, 1, rows.get(i)[1] == null ? "" : rows.get(i)[1], false);
		}
		return this;
	}

	private static void cell(XWPFTable table, int row, int col, String text, boolean bold) {
		XWPFParagraph p = table.getRow(row).getCell(col).getParagraphs().get(0);
		run(p, text, bold, 13);
	}

	private static void run(XWPFParagraph p, String text, boolean bold, int size) {
		XWPFRun r = p.createRun();
		r.setFontFamily("Times New Roman");
		r.setFontSize(size);
		r.setBold(bold);
		r.setText(text);
	}

	byte[] toBytes() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			this.doc.write(out);
			this.doc.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
