package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The limitation period as a plain rule: its last day, its edges, its restart. */
class LimitationPeriodTests {

	@ParameterizedTest
	@CsvSource({ "60, 2020-03-15, 2025-03-14", "120, 2020-03-15, 2030-03-14", "60, 2020-02-29, 2025-02-27",
			"60, 2019-12-31, 2024-12-30" })
	void thePeriodEndsTheDayBeforeTheSameDateMonthsLater(int months, LocalDate violation, LocalDate lastDay) {
		assertThat(LimitationPeriod.expiresOn(months, violation, null, List.of())).isEqualTo(lastDay);
	}

	@Test
	void aDecisionOnTheLastDayIsInTimeAndTheNextDayIsNot() {
		LocalDate last = LimitationPeriod.expiresOn(60, LocalDate.of(2018, 6, 1), null, List.of());
		assertThat(last).isEqualTo(LocalDate.of(2023, 5, 31));
		assertThat(LimitationPeriod.expired(last, LocalDate.of(2023, 5, 31))).isFalse();
		assertThat(LimitationPeriod.expired(last, LocalDate.of(2023, 6, 1))).isTrue();
	}

	@Test
	void aContinuingViolationCountsFromItsEnd() {
		assertThat(LimitationPeriod.expiresOn(60, LocalDate.of(2015, 1, 1), LocalDate.of(2017, 9, 30), List.of()))
			.isEqualTo(LocalDate.of(2022, 9, 29));
	}

	@Test
	void aNewViolationWithinThePeriodRestartsItAndOneAfterItDoesNot() {
		LocalDate first = LocalDate.of(2010, 1, 10);
		// within the period: restart from 2014-12-01
		assertThat(LimitationPeriod.expiresOn(60, first, null, List.of(LocalDate.of(2014, 12, 1))))
			.isEqualTo(LocalDate.of(2019, 11, 30));
		// on the last day of the period: still a restart
		assertThat(LimitationPeriod.expiresOn(60, first, null, List.of(LocalDate.of(2015, 1, 9))))
			.isEqualTo(LocalDate.of(2020, 1, 8));
		// the day after the period ended: too late to restart it
		assertThat(LimitationPeriod.expiresOn(60, first, null, List.of(LocalDate.of(2015, 1, 10))))
			.isEqualTo(LocalDate.of(2015, 1, 9));
		// a chain of violations, each within the previous period
		assertThat(LimitationPeriod.expiresOn(60, first, null,
				List.of(LocalDate.of(2018, 1, 1), LocalDate.of(2014, 1, 1))))
			.isEqualTo(LocalDate.of(2022, 12, 31));
	}

	@Test
	void expulsionAndDissolutionHaveNoLimit() {
		assertThat(LimitationPeriod.expiresOn(0, LocalDate.of(1990, 1, 1), null, List.of())).isNull();
		assertThat(LimitationPeriod.expired(null, LocalDate.of(2030, 1, 1))).isFalse();
	}

}
