package vn.capuy.membership;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.capuy.system.Csv;
import vn.capuy.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyTextTests {

	/** Encodes Unicode text with the table, as an old program would have written it. */
	static byte[] encode(String text, String encoding) {
		Map<Character, byte[]> table = new HashMap<>();
		for (Map<String, String> row : Csv.readResource("reference/legacy-encodings.csv")) {
			if (row.get("encoding").equals(encoding) && !row.get("unicode_char").isEmpty()) {
				String[] hex = row.get("bytes_hex").split(" ");
				byte[] b = new byte[hex.length];
				for (int i = 0; i < hex.length; i++) {
					b[i] = (byte) Integer.parseInt(hex[i], 16);
				}
				table.putIfAbsent(row.get("unicode_char").charAt(0), b);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (char c : text.toCharArray()) {
			byte[] b = table.get(c);
			if (b == null) {
				out.write(c);
			}
			else {
				out.writeBytes(b);
			}
		}
		return out.toByteArray();
	}

	@ParameterizedTest
	@CsvSource({ "TCVN3, Nguyễn Thị Thuỷ", "TCVN3, Trần Văn Đức", "TCVN3, Lê Hoàng Phượng", "VNI, Nguyễn Thị Thuỷ",
			"VNI, Trần Văn Đức", "VNI, Lê Hoàng Phượng", "VNI, Đặng Thị Ánh Tuyết" })
	void legacyBytesComeOutAsUnicode(String encoding, String name) {
		String csv = "Họ và tên,Giới tính\n" + name + ",Nữ\n";
		LegacyText.Decoded decoded = LegacyText.decode(encode(csv.replace("ọ", "ọ"), encoding));
		assertThat(decoded.encoding().name()).isEqualTo(encoding);
		assertThat(decoded.text()).contains(name);
	}

	@Test
	void tcvn3ShownInAUnicodeProgramIsRecognised() {
		LegacyText.Decoded d = LegacyText.recognise("Céng hoµ x· héi chñ nghÜa ViÖt Nam");
		assertThat(d.encoding()).isEqualTo(LegacyText.Encoding.TCVN3);
		assertThat(d.text()).isEqualTo("Cộng hoà xã hội chủ nghĩa Việt Nam");
	}

	@Test
	void vniShownInAUnicodeProgramIsRecognised() {
		LegacyText.Decoded d = LegacyText.recognise("Nguyeãn Vaên Tröôøng");
		assertThat(d.encoding()).isEqualTo(LegacyText.Encoding.VNI);
		assertThat(d.text()).isEqualTo("Nguyễn Văn Trường");
	}

	@Test
	void unicodeStaysAsItIs() {
		LegacyText.Decoded d = LegacyText
			.decode("Nguyễn Thị Thủy,Hoàng".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(d.encoding()).isEqualTo(LegacyText.Encoding.UTF8);
		assertThat(d.text()).isEqualTo("Nguyễn Thị Thủy,Hoàng");
	}

	@Test
	void unknownBytesAreRefusedNamingTheEncoding() {
		byte[] junk = { 'A', (byte) 0x81, (byte) 0x8D, (byte) 0x90, 'B' };
		assertThatThrownBy(() -> LegacyText.decode(junk)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.messageKey()).startsWith("import.error.encoding"));
	}

	@ParameterizedTest
	@CsvSource({ "05/02/2018, 2018-02-05", "5/2/18, 2018-02-05", "5/2/26, 2026-02-05", "5/2/27, 1927-02-05",
			"31/12/99, 1999-12-31", "43136, 2018-02-05", "2018-02-05, 2018-02-05", "1/1/00, 2000-01-01" })
	void datesInEveryFormFilesUse(String text, String expected) {
		// pivot 26: this year's two digits (2026)
		assertThat(ImportDates.parse("dateOfBirth", text, 26)).isEqualTo(LocalDate.parse(expected));
	}

	@Test
	void aBadDateNamesTheField() {
		assertThatThrownBy(() -> ImportDates.parse("dateOfBirth", "31/02/2001", 26)).isInstanceOfSatisfying(
				InvalidInputException.class, (ex) -> assertThat(ex.field()).isEqualTo("dateOfBirth"));
	}

	@Test
	void formulasAreNeutralisedInExportsAndRestoredOnImport() {
		assertThat(MemberImports.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(MemberImports.neutralise("+84912345678")).isEqualTo("'+84912345678");
		assertThat(MemberImports.neutralise("Nguyễn")).isEqualTo("Nguyễn");
		assertThat(MemberImports.unneutralise("'+84912345678")).isEqualTo("+84912345678");
	}

}
