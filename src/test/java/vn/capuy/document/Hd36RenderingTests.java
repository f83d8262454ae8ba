package vn.capuy.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF layout prints Vietnamese letters; attachment kinds are told by content. */
class Hd36RenderingTests {

	static Hd36Document sample() {
		return Hd36Document.create()
			.superior("Đảng bộ tỉnh Quảng Bình")
			.issuer("Đảng uỷ Khối các cơ quan tỉnh")
			.symbol("09-KH/ĐUK")
			.placeAndDate("Đồng Hới", LocalDate.of(2018, 2, 5))
			.title("Kế hoạch", "học tập, quán triệt Chỉ thị 16-CT/TU")
			.secrecy("MẬT")
			.watermark("Bản in của Lê Thị Minh Hoà lúc 08:30 ngày 05/02/2018")
			.paragraph("Tăng cường vai trò lãnh đạo của tổ chức cơ sở đảng; đổi mới phương thức lãnh đạo.")
			.table(List.of("Năm", "Số buổi"), List.of(List.of("2018", "12")))
			.signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Mẫu")
			.recipients(List.of("Các tổ chức cơ sở đảng", "Lưu VP"));
	}

	@Test
	void thePdfHoldsTheLayoutInVietnameseLettersNotHashes() throws IOException {
		byte[] pdf = sample().toPdf();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH QUẢNG BÌNH",
					"ĐẢNG UỶ KHỐI CÁC CƠ QUAN TỈNH", "Số 09-KH/ĐUK", "Đồng Hới, ngày 05 tháng 02 năm 2018", "KẾ HOẠCH",
					"học tập, quán triệt", "Tăng cường vai trò lãnh đạo", "đổi mới phương thức", "T/M BAN THƯỜNG VỤ",
					"Nguyễn Văn Mẫu", "Nơi nhận:", "MẬT", "Bản in của Lê Thị Minh Hoà");
			assertThat(text).doesNotContain("#");
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595f,
					org.assertj.core.data.Offset.offset(2f));
		}
	}

	@Test
	void attachmentKindsAreToldByContentNotByName() throws IOException {
		assertThat(AttachmentKind.detect(sample().toPdf())).contains(AttachmentKind.PDF);
		assertThat(AttachmentKind.detect(sample().toDocx())).contains(AttachmentKind.DOCX);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("Số liệu").createRow(0).createCell(0).setCellValue("Năm");
			book.write(out);
			assertThat(AttachmentKind.detect(out.toByteArray())).contains(AttachmentKind.XLSX);
		}
		assertThat(AttachmentKind.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }))
			.contains(AttachmentKind.PNG);
		assertThat(AttachmentKind
			.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' }))
			.contains(AttachmentKind.JPEG);
		assertThat(AttachmentKind.detect("Đây là văn bản thường, không phải PDF".getBytes())).isEmpty();
		assertThat(AttachmentKind.detect(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 })).isEmpty();
		assertThat(AttachmentKind.detect(zip("hello.txt"))).isEmpty();
		assertThat(AttachmentKind.detect(zip("[Content_Types].xml", "ppt/presentation.xml"))).isEmpty();
	}

	private static byte[] zip(String... entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("x".getBytes());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
