package vn.capuy.meeting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.capuy.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quorum and majority on their edges, in integer arithmetic: exactly two thirds passes a
 * "at least two thirds" rule, exactly half fails a "more than half" rule, and without a
 * quorum nothing passes.
 */
class VoteCountTests {

	static final VoteCount.Threshold TWO_THIRDS = VoteCount.Threshold.parse(">=2/3");

	static final VoteCount.Threshold MAJORITY = VoteCount.Threshold.parse(">1/2");

	@ParameterizedTest(name = "entitled {0}, present {1}, for {2}: quorum {3}, passed {4}")
	@CsvSource({ "9, 9, 6, true, true", // exactly two thirds
			"9, 9, 5, true, false", // one short of two thirds
			"9, 6, 6, true, true", // exactly two thirds present and for
			"9, 5, 5, false, false", // quorum not reached: void, whatever the votes
			"3, 2, 2, true, true", "12, 8, 8, true, true", "12, 7, 7, false, false", "1, 1, 1, true, true" })
	void admissionNeedsTwoThirdsOfTheEntitled(int entitled, int present, int votesFor, boolean quorum, boolean passed) {
		VoteCount count = VoteCount.count(entitled, present, votesFor, 0, present - votesFor, TWO_THIRDS, TWO_THIRDS);
		assertThat(count.quorumMet()).isEqualTo(quorum);
		assertThat(count.passed()).isEqualTo(passed);
		assertThat(count.outcomeKey()).isEqualTo(!quorum ? "meeting.vote.outcome.no-quorum"
				: passed ? "meeting.vote.outcome.passed" : "meeting.vote.outcome.rejected");
	}

	@ParameterizedTest(name = "entitled {0}, for {1}: passed {2}")
	@CsvSource({ "10, 5, false", "10, 6, true", "9, 5, true", "9, 4, false", "2, 1, false", "2, 2, true" })
	void aResolutionNeedsMoreThanHalfOfTheEntitled(int entitled, int votesFor, boolean passed) {
		VoteCount count = VoteCount.count(entitled, entitled, votesFor, entitled - votesFor, 0, TWO_THIRDS, MAJORITY);
		assertThat(count.passed()).isEqualTo(passed);
	}

	@Test
	void nobodyVotesTwiceOrWithoutBeingPresent() {
		assertThatThrownBy(() -> VoteCount.count(9, 6, 5, 2, 0, TWO_THIRDS, MAJORITY))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("more-than-present");
		assertThatThrownBy(() -> VoteCount.count(9, 10, 5, 0, 0, TWO_THIRDS, MAJORITY))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> VoteCount.count(0, 0, 0, 0, 0, TWO_THIRDS, MAJORITY))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void thresholdsReadAsTheRuleBookWritesThem() {
		assertThat(VoteCount.Threshold.parse(" > 1/2 ")).isEqualTo(new VoteCount.Threshold(true, 1, 2));
		assertThat(VoteCount.Threshold.parse(">=2/3").toString()).isEqualTo(">=2/3");
		assertThatThrownBy(() -> VoteCount.Threshold.parse("2/3")).isInstanceOf(IllegalArgumentException.class);
	}

}
