package vn.capuy.document;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.capuy.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DocumentSymbolTests {

	@ParameterizedTest
	@ValueSource(strings = { "16-CT/TU", "09-HD/BTCTW", "1127-QĐ/TU", "24-BS/UBKTTU", "10-QC/TU", "168-KH/VPTW",
			"26-HD/BTGDVTW", "09-KH/ĐU", "62-CV/HU", "27-QĐ/TU", "251-KH/TU", "12-CTr/ĐU", "03-TTr/ĐUK", "05-ĐA/TU",
			"11-BB/CB", "40-TB/ĐU", "125-BC/ĐUK", "198-KL/TW", "57-NQ/TW", "50-CT/TW", "43-HD/BTCTW", "02-TT/TW" })
	void everyExampleReadsAndPrintsBackTheSame(String text) {
		DocumentSymbol symbol = DocumentSymbol.parse(text);
		assertThat(symbol.toString()).isEqualTo(text);
		assertThat(DocumentSymbol.parse(symbol.toString())).isEqualTo(symbol);
	}

	@Test
	void partsAreReadApart() {
		DocumentSymbol symbol = DocumentSymbol.parse("1127-QĐ/TU");
		assertThat(symbol.number()).isEqualTo(1127);
		assertThat(symbol.typeCode()).isEqualTo("QĐ");
		assertThat(symbol.issuerCode()).isEqualTo("TU");
	}

	@Test
	void qdStandsForBothDecisionAndRegulation() {
		assertThat(DocumentSymbol.parse("294-QĐ/TW").types()).containsExactlyInAnyOrder(DocumentType.DECISION,
				DocumentType.REGULATION);
		assertThat(DocumentSymbol.parse("16-CT/TU").types()).containsExactly(DocumentType.DIRECTIVE);
	}

	@Test
	void numbersBelowTenPrintWithALeadingZeroAndLenientSpellingsAreCanonical() {
		assertThat(DocumentSymbol.parse("9-KH/ĐU")).hasToString("09-KH/ĐU");
		assertThat(DocumentSymbol.parse("Số 16-CT/TU")).hasToString("16-CT/TU");
		assertThat(DocumentSymbol.parse("12-ctr/ĐU")).hasToString("12-CTr/ĐU");
		assertThat(DocumentSymbol.parse("07-QĐi/TW")).hasToString("07-QĐ/TW");
		assertThat(DocumentSymbol.of(1, DocumentType.PLAN, "ĐUK")).hasToString("01-KH/ĐUK");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "16 CT/TU|error.document.symbol.no-hyphen|gạch nối",
			"16-CT-TU|error.document.symbol.no-slash|dấu “/”", "16-XX/TU|error.document.symbol.type|“XX”",
			"-CT/TU|error.document.symbol.no-number|thiếu số",
			"16-/TU|error.document.symbol.no-type|thiếu ký hiệu loại",
			"16-CT/|error.document.symbol.no-issuer|thiếu ký hiệu cơ quan",
			"16-CT/tu|error.document.symbol.issuer|chữ in hoa", "0-CT/TU|error.document.symbol.number|số nguyên dương",
			"1a-CT/TU|error.document.symbol.number|chỉ gồm chữ số",
			"16-CT/TU/HU|error.document.symbol.two-slashes|nhiều hơn một",
			"16-CT/T U|error.document.symbol.issuer|“T U”", "' '|error.required|bắt buộc" })
	void malformedSymbolsAreRefusedSayingInVietnameseWhatIsWrong(String text, String key, String words)
			throws IOException {
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> DocumentSymbol.parse(text));
		assertThat(ex).as(text).isNotNull();
		assertThat(ex.field()).isEqualTo("symbol");
		assertThat(ex.messageKey()).isEqualTo(key);
		assertThat(vietnamese(ex)).contains(words);
	}

	@Test
	void nullIsRefused() {
		assertThatThrownBy(() -> DocumentSymbol.parse(null)).isInstanceOf(InvalidInputException.class);
	}

	private static String vietnamese(InvalidInputException ex) throws IOException {
		Properties bundle = new Properties();
		for (String file : new String[] { "/i18n/document_vi.properties", "/messages_vi.properties" }) {
			try (InputStreamReader in = new InputStreamReader(DocumentSymbolTests.class.getResourceAsStream(file),
					StandardCharsets.UTF_8)) {
				bundle.load(in);
			}
		}
		return new MessageFormat(bundle.getProperty(ex.messageKey())).format(ex.arguments());
	}

}
