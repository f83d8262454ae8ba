package vn.capuy.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Hd36DocumentTests {

	@Test
	void aDocxHoldsTheHeaderTheSymbolTheDateTheSignatureAndTheRecipients() throws IOException {
		byte[] docx = Hd36Document.create()
			.superior("Đảng bộ tỉnh Quảng Bình")
			.issuer("Đảng uỷ Khối các cơ quan tỉnh")
			.symbol("125-BC/ĐUK")
			.placeAndDate("Đồng Hới", LocalDate.of(2012, 10, 31))
			.title("Báo cáo", "tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU")
			.heading("I. Công tác lãnh đạo")
			.paragraph("Nội dung.")
			.table(List.of("Năm", "Số tổ chức"), List.of(List.of("2012", "60")))
			.signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Mẫu")
			.recipients(List.of("Ban Thường vụ Tỉnh uỷ", "Lưu VP"))
			.toDocx();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			String all = text.getText();
			assertThat(all).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH QUẢNG BÌNH",
					"ĐẢNG UỶ KHỐI CÁC CƠ QUAN TỈNH", "*", "Số 125-BC/ĐUK", "Đồng Hới, ngày 31 tháng 10 năm 2012",
					"BÁO CÁO", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Mẫu", "Nơi nhận:", "- Lưu VP", "Số tổ chức");
			assertThat(doc.getParagraphs()).anySatisfy((p) -> assertThat(p.getRuns()).anySatisfy((r) -> {
				assertThat(r.getFontFamily()).isEqualTo("Times New Roman");
			}));
		}
	}

}
