package vn.capuy.rulebook;

import java.time.LocalDate;

/**
 * A day off other than an ordinary weekend, for a calendar page: the date, why it is off
 * (in Vietnamese), the document it comes from, and whether it was announced or computed
 * from the statute.
 *
 * @param holidayCode the holiday it belongs to, e.g. {@code TET} or {@code 30-4_1-5}
 * @param announced {@code true} when read from an announcement, {@code false} when
 * computed from {@code holiday_rule}
 */
public record DayOff(LocalDate date, String reason, String source, String holidayCode, boolean announced) {

}
