package vn.capuy.rulebook;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.capuy.system.Csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The lunar calendar reproduces every published and computed Tết and Giỗ Tổ date of the
 * reference tables, for Vietnam (UTC+7) and China (UTC+8).
 */
class LunarCalendarTests {

	private static final LunarCalendar CHINA = new LunarCalendar(8);

	static Stream<Arguments> tet() {
		return rows("reference/tet-dates.csv");
	}

	static Stream<Arguments> gioTo() {
		return rows("reference/gio-to-dates.csv");
	}

	private static Stream<Arguments> rows(String path) {
		List<Map<String, String>> rows = Csv.readResource(path);
		assertThat(rows).isNotEmpty();
		return rows.stream()
			.map((row) -> Arguments.of(Integer.parseInt(row.get("lunar_year")), LocalDate.parse(row.get("vn_date")),
					row.get("cn_date_if_different").isBlank() ? LocalDate.parse(row.get("vn_date"))
							: LocalDate.parse(row.get("cn_date_if_different"))));
	}

	@Test
	void referenceTablesHaveTheExpectedNumberOfRows() {
		assertThat(Csv.readResource("reference/tet-dates.csv")).hasSize(56);
		assertThat(Csv.readResource("reference/gio-to-dates.csv")).hasSize(21);
	}

	@ParameterizedTest(name = "Tết {0}: {1} in Vietnam, {2} in China")
	@MethodSource("tet")
	void tetIsTheFirstDayOfTheFirstLunarMonth(int year, LocalDate vietnam, LocalDate china) {
		assertThat(LunarCalendar.vietnam().solarDate(year, 1, 1, false)).isEqualTo(vietnam);
		assertThat(CHINA.solarDate(year, 1, 1, false)).isEqualTo(china);
		assertThat(LunarCalendar.vietnam().lunarDate(vietnam)).isEqualTo(new LunarDate(year, 1, 1, false));
		assertThat(LunarCalendar.vietnam().lunarDate(vietnam.minusDays(1)).year()).isEqualTo(year - 1);
	}

	@ParameterizedTest(name = "Giỗ Tổ {0}: {1} in Vietnam, {2} in China")
	@MethodSource("gioTo")
	void gioToIsTheTenthDayOfTheThirdLunarMonth(int year, LocalDate vietnam, LocalDate china) {
		assertThat(LunarCalendar.vietnam().solarDate(year, 3, 10, false)).isEqualTo(vietnam);
		assertThat(CHINA.solarDate(year, 3, 10, false)).isEqualTo(china);
		assertThat(LunarCalendar.vietnam().lunarDate(vietnam)).isEqualTo(new LunarDate(year, 3, 10, false));
	}

	@Test
	void vietnamAndChinaDifferOnTet1985And2007And2030() {
		assertThat(LunarCalendar.vietnam().solarDate(1985, 1, 1, false)).isEqualTo(LocalDate.of(1985, 1, 21));
		assertThat(CHINA.solarDate(1985, 1, 1, false)).isEqualTo(LocalDate.of(1985, 2, 20));
		assertThat(LunarCalendar.vietnam().solarDate(2007, 1, 1, false)).isEqualTo(LocalDate.of(2007, 2, 17));
		assertThat(LunarCalendar.vietnam().solarDate(2030, 1, 1, false)).isEqualTo(LocalDate.of(2030, 2, 2));
	}

	@Test
	void theLastDayOfGiapThinWas29Chap() {
		// Tết Ất Tỵ 2025: the announcement names 28/1/2025 "29 Chạp, last day of the
		// year"
		assertThat(LunarCalendar.vietnam().lunarDate(LocalDate.of(2025, 1, 28)))
			.isEqualTo(new LunarDate(2024, 12, 29, false));
	}

	@Test
	void leapMonthsRoundTrip() {
		// 2023 had a leap second month (tháng 2 nhuận Quý Mão), from 22/3/2023
		LocalDate leapStart = LunarCalendar.vietnam().solarDate(2023, 2, 1, true);
		assertThat(leapStart).isEqualTo(LocalDate.of(2023, 3, 22));
		assertThat(LunarCalendar.vietnam().lunarDate(leapStart)).isEqualTo(new LunarDate(2023, 2, 1, true));
		assertThatIllegalArgumentException().isThrownBy(() -> LunarCalendar.vietnam().solarDate(2023, 3, 1, true));
		// 2025 had a leap sixth month (tháng 6 nhuận Ất Tỵ), from 25/7/2025
		assertThat(LunarCalendar.vietnam().solarDate(2025, 6, 1, true)).isEqualTo(LocalDate.of(2025, 7, 25));
		assertThatIllegalArgumentException().isThrownBy(() -> LunarCalendar.vietnam().solarDate(2025, 1, 1, true));
	}

	@Test
	void everyDayOfTwoCenturiesConvertsBothWays() {
		LunarCalendar calendar = LunarCalendar.vietnam();
		for (LocalDate date = LocalDate.of(1950, 1, 1); date
			.isBefore(LocalDate.of(2150, 1, 1)); date = date.plusDays(1)) {
			LunarDate lunar = calendar.lunarDate(date);
			assertThat(calendar.solarDate(lunar.year(), lunar.month(), lunar.day(), lunar.leap())).as("%s", lunar)
				.isEqualTo(date);
		}
	}

}
