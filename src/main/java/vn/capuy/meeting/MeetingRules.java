package vn.capuy.meeting;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.capuy.rulebook.RuleBook;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.RuleViolationException;

/**
 * The meeting rules of the rule book in force on a date, read in one place: days of the
 * month, the non-working-day rule, minimum durations, vote thresholds, the removal rule.
 */
@Component
public class MeetingRules {

	static final String REGULAR_DAY = "meeting.regular.day-of-month";

	static final String NON_WORKING_DAY = "meeting.regular.non-working-day";

	static final String COMMITTEE_DAY = "meeting.committee.day-of-month";

	static final String THEMATIC_PER_QUARTER = "meeting.thematic.per-quarter";

	static final String REVIEW_DATES = "meeting.grassroots-review.dates";

	static final String REMOVAL_MONTHS = "meeting.removal.unexcused-months";

	static final String MIN_DURATION = "meeting.min-duration.minutes";

	static final String MIN_DURATION_COMBINED = "meeting.min-duration.combined-minutes";

	static final String DOCUMENTS_DAYS_BEFORE = "meeting.documents.days-before";

	static final String QUORUM = "meeting.vote.quorum";

	private final RuleBook rules;

	private final WorkingDayCalendar calendar;

	MeetingRules(RuleBook rules, WorkingDayCalendar calendar) {
		this.rules = rules;
		this.calendar = calendar;
	}

	MeetingDates.NonWorkingDayRule nonWorkingDayRule(LocalDate on) {
		String value = this.rules.require(NON_WORKING_DAY, on).value().strip();
		try {
			return MeetingDates.NonWorkingDayRule.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw new RuleViolationException("meeting.error.rule-value", NON_WORKING_DAY, value);
		}
	}

	/** The regular meeting's date in a month, by the rules in force on its first day. */
	public LocalDate regularDate(YearMonth month) {
		LocalDate first = month.atDay(1);
		return MeetingDates.plannedDate(month, this.rules.integer(REGULAR_DAY, first), nonWorkingDayRule(first),
				this.calendar::isWorkingDay);
	}

	public LocalDate committeeDate(YearMonth month) {
		LocalDate first = month.atDay(1);
		return MeetingDates.plannedDate(month, this.rules.integer(COMMITTEE_DAY, first), nonWorkingDayRule(first),
				this.calendar::isWorkingDay);
	}

	int thematicPerQuarter(LocalDate on) {
		return this.rules.integer(THEMATIC_PER_QUARTER, on);
	}

	/** The six-month and year-end review dates of a year. */
	public List<LocalDate> reviewDates(int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		String value = this.rules.require(REVIEW_DATES, first).value();
		List<LocalDate> dates = new ArrayList<>();
		try {
			for (String part : value.split(",")) {
				MonthDay md = MonthDay.parse("--" + part.strip());
				YearMonth month = YearMonth.of(year, md.getMonth());
				dates.add(MeetingDates.plannedDate(month, md.getDayOfMonth(), nonWorkingDayRule(first),
						this.calendar::isWorkingDay));
			}
		}
		catch (RuntimeException ex) {
			throw new RuleViolationException("meeting.error.rule-value", REVIEW_DATES, value);
		}
		if (dates.size() != 2) {
			throw new RuleViolationException("meeting.error.rule-value", REVIEW_DATES, value);
		}
		return dates;
	}

	public int removalMonths(LocalDate on) {
		return this.rules.integer(REMOVAL_MONTHS, on);
	}

	public int minimumMinutes(LocalDate on, boolean combined) {
		return this.rules.integer(combined ? MIN_DURATION_COMBINED : MIN_DURATION, on);
	}

	/**
	 * Days before the meeting its documents must be on the national app; empty before HD
	 * 42.
	 */
	public java.util.OptionalInt documentsDaysBefore(LocalDate on) {
		return this.rules.inForce(DOCUMENTS_DAYS_BEFORE, on)
			.map((r) -> java.util.OptionalInt.of(Integer.parseInt(r.value().strip())))
			.orElse(java.util.OptionalInt.empty());
	}

	VoteCount.Threshold quorum(LocalDate on) {
		return threshold(QUORUM, on);
	}

	VoteCount.Threshold majority(VoteKind kind, LocalDate on) {
		return threshold(kind.ruleKey(), on);
	}

	String source(String key, LocalDate on) {
		return this.rules.require(key, on).sourceDocument();
	}

	private VoteCount.Threshold threshold(String key, LocalDate on) {
		String value = this.rules.require(key, on).value();
		try {
			return VoteCount.Threshold.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new RuleViolationException("meeting.error.rule-value", key, value);
		}
	}

}
