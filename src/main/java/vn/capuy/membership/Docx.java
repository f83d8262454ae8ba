package vn.capuy.membership;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * A small DOCX writer for the member forms (transfer letter, phiếu đảng viên) in Times
 * New Roman: centred headings, label–value tables, paragraphs. The membership module
 * cannot use the document module's HD 36 writer (document depends on membership).
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
