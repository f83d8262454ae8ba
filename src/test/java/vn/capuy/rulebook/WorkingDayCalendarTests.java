package vn.capuy.rulebook;

import vn.capuy.FullTest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The working-day calendar against the database as migrated and seeded: the announced
 * 2025 and 2026 schedules, a year computed from the statute, deadlines across Tết, and
 * announcements by an administrator.
 */
@FullTest
class WorkingDayCalendarTests {

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	private static LocalDate d(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	private List<LocalDate> nonWorkingDays(LocalDate from, LocalDate to) {
		return from.datesUntil(to.plusDays(1)).filter((day) -> !this.calendar.isWorkingDay(day)).toList();
	}

	@Test
	void allAnnouncedDaysAreSeededWithTheirSource() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM calendar_day WHERE created_by = :actor")
			.param("actor", AnnouncedDaysSeeder.ACTOR)
			.query(Long.class)
			.single()).isEqualTo(148);
		assertThat(this.jdbc.sql("SELECT count(*) FROM calendar_day WHERE source_document = '' OR confidence = 'M'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM calendar_day WHERE confidence = 'P'").query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void tet2025IsFiveDaysOffFromTheTwentyEighthOfJanuary() {
		// 27/1 (28 Chạp) to 31/1 (mùng 3), within the break Sat 25/1 to Sun 2/2
		assertThat(nonWorkingDays(d(2025, 1, 24), d(2025, 2, 3)))
			.containsExactlyElementsOf(d(2025, 1, 25).datesUntil(d(2025, 2, 3)).toList());
		assertThat(this.calendar.isWorkingDay(d(2025, 1, 24))).isTrue();
		assertThat(this.calendar.isWorkingDay(d(2025, 2, 3))).isTrue();
		assertThat(this.calendar.daysOff(2025)).filteredOn((day) -> day.holidayCode().equals("TET"))
			.allSatisfy((day) -> {
				assertThat(day.reason()).isEqualTo("Tết Nguyên đán");
				assertThat(day.source()).contains("8726/VPCP-KGVX");
				assertThat(day.announced()).isTrue();
			});
	}

	@Test
	void victoryAndLabourDays2025SwapFridayTheSecondForSaturdayTheTwentySixth() {
		assertThat(this.calendar.isWorkingDay(d(2025, 4, 26))).as("Sat 26/4 làm bù").isTrue();
		assertThat(nonWorkingDays(d(2025, 4, 27), d(2025, 5, 5))).containsExactly(d(2025, 4, 27), d(2025, 4, 30),
				d(2025, 5, 1), d(2025, 5, 2), d(2025, 5, 3), d(2025, 5, 4));
		assertThat(this.calendar.daysOff(2025)).anySatisfy((day) -> {
			assertThat(day.date()).isEqualTo(d(2025, 4, 30));
			assertThat(day.reason()).isEqualTo("Ngày Chiến thắng và Ngày Quốc tế Lao động");
		});
	}

	@Test
	void nationalDay2026GivesMondayTheThirtyFirstOffAndSaturdayTheTwentySecondIsWorked() {
		assertThat(this.calendar.isWorkingDay(d(2026, 8, 22))).isTrue();
		assertThat(nonWorkingDays(d(2026, 8, 28), d(2026, 9, 4))).containsExactly(d(2026, 8, 29), d(2026, 8, 30),
				d(2026, 8, 31), d(2026, 9, 1), d(2026, 9, 2));
		assertThat(this.calendar.isWorkingDay(d(2026, 9, 3))).isTrue();
	}

	@Test
	void tet2026IsNineDaysOffFromSaturdayTheFourteenthOfFebruary() {
		assertThat(nonWorkingDays(d(2026, 2, 13), d(2026, 2, 23)))
			.containsExactlyElementsOf(d(2026, 2, 14).datesUntil(d(2026, 2, 23)).toList());
	}

	@Test
	void tet2012IsFourDaysFromTheLastDayOfTheYearWithSundayCompensatedOnThursday() {
		// Tết Nhâm Thìn: mùng 1 = Mon 23/1/2012; 30 Tết = Sun 22/1; 4 days under BLLĐ
		// 1994 as amended
		assertThat(LunarCalendar.vietnam().solarDate(2012, 1, 1, false)).isEqualTo(d(2012, 1, 23));
		assertThat(nonWorkingDays(d(2012, 1, 20), d(2012, 1, 30))).containsExactly(d(2012, 1, 21), d(2012, 1, 22),
				d(2012, 1, 23), d(2012, 1, 24), d(2012, 1, 25), d(2012, 1, 26), d(2012, 1, 28), d(2012, 1, 29));
		assertThat(this.calendar.daysOff(2012)).filteredOn((day) -> day.date().equals(d(2012, 1, 26)))
			.singleElement()
			.satisfies((day) -> {
				assertThat(day.reason()).startsWith("Nghỉ bù Tết Nguyên đán");
				assertThat(day.source()).contains("Bộ luật Lao động 1994");
				assertThat(day.announced()).isFalse();
			});
	}

	@Test
	void nationalDay2012OnSundayIsCompensatedOnMondayTheThird() {
		assertThat(d(2012, 9, 2).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		assertThat(this.calendar.isWorkingDay(d(2012, 9, 3))).isFalse();
		assertThat(this.calendar.isWorkingDay(d(2012, 8, 31))).isTrue();
		assertThat(this.calendar.isWorkingDay(d(2012, 9, 4))).isTrue();
	}

	@Test
	void computed2012HasTheStatutoryHolidaysOf1994AsAmended() {
		// 1/1 Sun → Mon 2/1; Tết 22–25/1 + 26/1; Giỗ Tổ Sat 31/3 → Mon 2/4; 30/4 Mon; 1/5
		// Tue; 2/9 Sun → Mon 3/9
		assertThat(this.calendar.daysOff(2012)).extracting(DayOff::date)
			.containsExactly(d(2012, 1, 1), d(2012, 1, 2), d(2012, 1, 22), d(2012, 1, 23), d(2012, 1, 24),
					d(2012, 1, 25), d(2012, 1, 26), d(2012, 3, 31), d(2012, 4, 2), d(2012, 4, 30), d(2012, 5, 1),
					d(2012, 9, 2), d(2012, 9, 3));
	}

	@Test
	void aComputedYearUnderTheCodeOf2019HasFiveDaysOfTetAndTwoOfNationalDay() {
		// 2030: Tết Canh Tuất Sat 2/2 (UTC+7); 1/2 (last day) Fri, 2/2–5/2 with Sat/Sun
		// compensated on 6/2 and 7/2
		assertThat(nonWorkingDays(d(2030, 1, 31), d(2030, 2, 10))).containsExactly(d(2030, 2, 1), d(2030, 2, 2),
				d(2030, 2, 3), d(2030, 2, 4), d(2030, 2, 5), d(2030, 2, 6), d(2030, 2, 7), d(2030, 2, 9),
				d(2030, 2, 10));
		// 2/9/2030 is a Monday; the default second day is the day before, Sunday 1/9,
		// compensated on Tuesday 3/9
		assertThat(nonWorkingDays(d(2030, 8, 30), d(2030, 9, 5))).containsExactly(d(2030, 8, 31), d(2030, 9, 1),
				d(2030, 9, 2), d(2030, 9, 3));
	}

	@Test
	void aThirtyWorkingDayDeadlineStretchesOverTet2025() {
		// from Mon 20/1/2025: 21–24/1 (4), Tết break to 2/2, then 3/2 onwards: 26 more
		// working days → Mon 10/3
		assertThat(this.calendar.addWorkingDays(d(2025, 1, 20), 30)).isEqualTo(d(2025, 3, 10));
		assertThat(this.calendar.addWorkingDays(d(2025, 1, 24), 1)).isEqualTo(d(2025, 2, 3));
		assertThat(this.calendar.workingDaysBetween(d(2025, 1, 24), d(2025, 2, 3))).isEqualTo(1);
	}

	@Test
	void zeroWorkingDaysIsTheStartWhenItIsAWorkingDayElseTheNextWorkingDay() {
		assertThat(this.calendar.addWorkingDays(d(2025, 1, 24), 0)).isEqualTo(d(2025, 1, 24));
		assertThat(this.calendar.addWorkingDays(d(2025, 1, 25), 0)).isEqualTo(d(2025, 2, 3));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.calendar.addWorkingDays(d(2025, 1, 1), -1));
	}

	static Stream<Arguments> generatedDates() {
		Random random = new Random(20250129);
		LocalDate origin = d(2011, 1, 1);
		return IntStream.range(0, 300)
			.mapToObj((i) -> Arguments.of(origin.plusDays(random.nextInt(365 * 19)), random.nextInt(120)));
	}

	@ParameterizedTest(name = "{0} + {1} working days")
	@MethodSource("generatedDates")
	void workingDaysBetweenAStartAndItsDeadlineIsTheNumberOfWorkingDaysAdded(LocalDate start, int n) {
		LocalDate deadline = this.calendar.addWorkingDays(start, n);
		assertThat(this.calendar.isWorkingDay(deadline)).isTrue();
		assertThat(deadline).isAfterOrEqualTo(start);
		if (n > 0) {
			assertThat(this.calendar.workingDaysBetween(start, deadline)).isEqualTo(n);
			assertThat(this.calendar.workingDaysBetween(start, deadline.minusDays(1))).isEqualTo(n - 1);
		}
		else {
			assertThat(this.calendar.workingDaysBetween(start, deadline))
				.isEqualTo(this.calendar.isWorkingDay(start) ? 0 : 1);
		}
		assertThat(this.calendar.workingDaysBetween(deadline, start))
			.isEqualTo(-this.calendar.workingDaysBetween(start, deadline));
	}

	@Test
	void twoHundredThousandLookupsTakeWellUnderASecond() {
		LocalDate start = d(2019, 1, 1);
		this.calendar.isWorkingDay(start);
		long began = System.nanoTime();
		int working = 0;
		for (int i = 0; i < 200_000; i++) {
			if (this.calendar.isWorkingDay(start.plusDays(i % 3650))) {
				working++;
			}
		}
		long millis = (System.nanoTime() - began) / 1_000_000;
		assertThat(working).isPositive();
		assertThat(millis).isLessThan(2_000);
	}

	@Test
	void anAnnouncedBreakReplacesTheComputedDaysAndIsAudited() {
		// 2040: Tết Canh Thân on Sun 12/2/2040; announce a break from Fri 10/2 to Sat
		// 18/2
		assertThat(LunarCalendar.vietnam().solarDate(2040, 1, 1, false)).isEqualTo(d(2040, 2, 12));
		LocalDate extra = d(2040, 2, 10);
		assertThat(this.calendar.isWorkingDay(extra)).isTrue();
		List<AnnouncedDay> announced = extra.datesUntil(d(2040, 2, 19))
			.map((day) -> this.calendar.announce(day, AnnouncedDay.Kind.OFF, "TET", "Công văn thử nghiệm/VPCP-KGVX",
					"V", "test", "admin-test"))
			.toList();
		try {
			assertThat(this.calendar.isWorkingDay(extra)).as("cache evicted").isFalse();
			assertThat(nonWorkingDays(d(2040, 2, 9), d(2040, 2, 21)))
				.containsExactlyElementsOf(extra.datesUntil(d(2040, 2, 20)).toList());
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM audit_log WHERE entity = 'calendar_day' AND action = 'ANNOUNCE'")
				.query(Long.class)
				.single()).isGreaterThanOrEqualTo(9);
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> this.calendar.announce(extra, AnnouncedDay.Kind.OFF, "TET", "x", "V", null, "a"))
				.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("calendar.day.already-announced"));
		}
		finally {
			announced.forEach((day) -> this.calendar.closeAnnouncement(day.id(), "test over", "admin-test"));
		}
		assertThat(this.calendar.isWorkingDay(extra)).isTrue();
		// computed again: 11/2 (Sat, last day) to 15/2, the weekend days compensated on
		// Thu 16/2 and Fri 17/2
		assertThat(nonWorkingDays(d(2040, 2, 9), d(2040, 2, 21)))
			.containsExactlyElementsOf(d(2040, 2, 11).datesUntil(d(2040, 2, 20)).toList());
	}

	@Test
	void badAnnouncementsAreRefusedByField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.calendar.announce(d(2041, 1, 2), AnnouncedDay.Kind.OFF, "tết", "x", "V", null, "a"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("holidayCode"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.calendar.announce(d(2041, 1, 2), AnnouncedDay.Kind.OFF, "TET", " ", "V", null, "a"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("sourceDocument"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.calendar.announce(d(2041, 1, 2), AnnouncedDay.Kind.OFF, "TET", "x", "X", null, "a"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("confidence"));
	}

}
