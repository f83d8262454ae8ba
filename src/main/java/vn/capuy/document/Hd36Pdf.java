package vn.capuy.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders the HD 36 layout to PDF with openhtmltopdf, registering the bundled Liberation
 * Serif (regular, bold, italic, bold italic; SIL OFL) from the
 * {@code openpdf-fonts-extra} jar: without a registered TTF every Vietnamese letter would
 * print as {@code #}.
 */
final class Hd36Pdf {

	static final String FAMILY = "Liberation Serif";

	/** A4, HD 36 margins (top and bottom 20 mm, left 30 mm, right 15 mm), 14 pt serif. */
	static final String CSS = """
			@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-right { content: element(watermark); } }
			body { font-family: 'Liberation Serif'; font-size: 14pt; line-height: 1.25; }
			.watermark { position: running(watermark); font-size: 10pt; font-style: italic; }
			table.head, table.sign { width: 100%; border-collapse: collapse; }
			table.head td, table.sign td { vertical-align: top; text-align: center; padding: 0; }
			td.left { width: 46%; } td.right { width: 54%; }
			.party { font-size: 15pt; font-weight: bold; text-decoration: underline; }
			.when { margin-top: 8pt; }
			.mark { margin-top: 4pt; }
			.type { margin-top: 14pt; text-align: center; font-size: 15pt; font-weight: bold; }
			.subject { text-align: center; font-weight: bold; }
			.c { text-align: center; }
			.b { font-weight: bold; } .i { font-style: italic; } .u { text-decoration: underline; }
			p.ind { text-indent: 1cm; text-align: justify; margin: 0 0 4pt 0; }
			table.data { width: 100%; border-collapse: collapse; margin: 6pt 0; font-size: 12pt; }
			table.data th, table.data td { border: 0.5pt solid #000; padding: 2pt 4pt; }
			td.to { width: 46%; text-align: left; font-size: 11pt; } td.signer { width: 54%; }
			.space { height: 60pt; }
			""";

	private static final String[][] FACES = { { "Regular", "400", "NORMAL" }, { "Bold", "700", "NORMAL" },
			{ "Italic", "400", "ITALIC" }, { "BoldItalic", "700", "ITALIC" } };

	private Hd36Pdf() {
	}

	static byte[] render(String xhtml) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			for (String[] face : FACES) {
				String path = "/liberation/LiberationSerif-" + face[0] + ".ttf";
				builder.useFont(() -> open(path), FAMILY, Integer.parseInt(face[1]),
						BaseRendererBuilder.FontStyle.valueOf(face[2]), true);
			}
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream open(String path) {
		InputStream in = Hd36Pdf.class.getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException("font not on the classpath: " + path);
		}
		return in;
	}

}
