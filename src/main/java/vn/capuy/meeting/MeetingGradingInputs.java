package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.grading.GradingInputs;

/**
 * What the meeting module tells grading: a member's attendance at the regular and
 * thematic meetings of the period, and the resolution tasks overdue at its end. Only what
 * is recorded is known: attendance counts the meetings with a per-member roll (a meeting
 * recorded as counts only says nothing about one member), and a member or organisation
 * without any resolution task in the period gets no answer, so that the appraiser enters
 * the fact by hand or another module answers. Grading asks for members and organisations
 * it has already scoped, and only counts come back.
 */
@Component
class MeetingGradingInputs implements GradingInputs {

	private final JdbcClient jdbc;

	MeetingGradingInputs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Attendance> attendance(long memberId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE a.status IN ('PRESENT', 'LATE'))
				FROM attendance a JOIN meeting m ON m.id = a.meeting_id
				WHERE a.member_id = :member AND a.status <> 'EXEMPT' AND m.status = 'HELD'
				  AND m.kind IN ('REGULAR', 'THEMATIC') AND m.held_on BETWEEN :from AND :to
				""")
			.param("member", memberId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Attendance(rs.getInt(1), rs.getInt(2)))
			.optional()
			.filter((a) -> a.held() > 0);
	}

	/**
	 * Resolution tasks due in the period (from its first day, before its last) and not
	 * done by its last day: the member's own when {@code memberId} is given, else those
	 * of the organisation's own meetings. Empty when the subject had no task due in the
	 * period.
	 */
	@Override
	public Optional<Integer> overdueTasks(Long memberId, Long organizationId, LocalDate from, LocalDate to) {
		if (memberId == null && organizationId == null) {
			return Optional.empty();
		}
		String subject = memberId != null ? " t.assignee_id = :subject" : " m.organization_id = :subject";
		int[] counts = this.jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE t.due_on < :to AND (t.done_on IS NULL OR t.done_on > :to))
				FROM meeting_task t JOIN meeting m ON m.id = t.meeting_id
				WHERE t.closed_reason IS NULL AND t.due_on BETWEEN :from AND :to AND """ + subject)
			.param("subject", memberId != null ? memberId : organizationId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		return counts[0] == 0 ? Optional.empty() : Optional.of(counts[1]);
	}

}
