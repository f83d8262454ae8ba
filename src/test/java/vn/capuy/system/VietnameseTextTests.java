package vn.capuy.system;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

	@ParameterizedTest
	@CsvSource({ "tran xuan vinh, tran xuan vinh", "TRẦN XUÂN VINH, tran xuan vinh", "Trần Xuân Vinh, tran xuan vinh",
			"Thuỷ, thuy", "Thủy, thuy", "Uỷ ban, uy ban", "Ủy ban, uy ban", "hoà, hoa", "hòa, hoa",
			"Đặng Đình Đức, dang dinh duc", "Nguyễn Thị Thuý, nguyen thi thuy", "Nguyễn Thị Thúy, nguyen thi thuy" })
	void searchFoldsCaseDiacriticsDAndTonePlacement(String text, String folded) {
		assertThat(VietnameseText.fold(text)).isEqualTo(folded);
	}

	@Test
	void decomposedInputIsStoredAsNfc() {
		String nfd = "Thuy\u0309"; // "Thuỷ" typed with a combining hook above the y
		assertThat(VietnameseText.clean(nfd)).isEqualTo("Thuỷ").hasSize(4);
	}

	@Test
	void zeroWidthAndBidirectionalControlsAreRemovedFromNames() {
		assertThat(VietnameseText.clean("Lê\u200B Văn\u202E An\uFEFF")).isEqualTo("Lê Văn An");
	}

	@Test
	void vietnameseCollationSortsDAfterD() {
		assertThat(VietnameseText.collator().compare("Đức", "Dũng")).isPositive();
		assertThat(VietnameseText.collator().compare("Đức", "Em")).isNegative();
	}

	@Test
	void datesPrintAsHd36WantsThemWithLeadingZeros() {
		assertThat(PartyDates.longForm(LocalDate.of(2018, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2018");
		assertThat(PartyDates.longForm(LocalDate.of(2012, 10, 31))).isEqualTo("ngày 31 tháng 10 năm 2012");
		assertThat(PartyDates.shortForm(LocalDate.of(2007, 7, 1))).isEqualTo("01/07/2007");
	}

	@Test
	void moneyAndCountsUseDotGrouping() {
		assertThat(new Formats().number(4055)).isEqualTo("4.055");
		assertThat(new Formats().number(5600000)).isEqualTo("5.600.000");
	}

}
