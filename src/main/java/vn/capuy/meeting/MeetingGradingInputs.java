package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.grading.GradingInputs;

/**
 * What the meeting module tells grading: a member's attendance at the regular and
 * thematic meetings of the period, and its resolution tasks (on time, late, not done).
 * Only what is recorded is known: attendance counts the meetings with a per-member roll
 * (a meeting recorded as counts only says nothing about one member), and a member or
 * organisation without any resolution task in the period gets no answer, so that the
 * appraiser enters the fact by hand or another module answers. Grading asks for members
 * and organisations it has already scoped, and only counts come back.
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
				SELECT count(*), count(*) FILTER (WHERE a.status IN ('PRESENT', 'LATE')),
				       count(*) FILTER (WHERE a.status = 'ABSENT_UNEXCUSED')
				FROM attendance a JOIN meeting m ON m.id = a.meeting_id
				WHERE a.member_id = :member AND a.status <> 'EXEMPT' AND m.status = 'HELD'
				  AND m.kind IN ('REGULAR', 'THEMATIC') AND m.held_on BETWEEN :from AND :to
				""")
			.param("member", memberId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Attendance(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.optional()
			.filter((a) -> a.held() > 0);
	}

	/**
	 * The member's resolution tasks due in the period (both ends included): done on time,
	 * done late but by the period's end, not done by its end. Tasks closed with a reason
	 * are not counted. Empty when the member had no task due in the period.
	 */
	@Override
	public Optional<Tasks> tasksOfMember(long memberId, LocalDate from, LocalDate to) {
		return tasks(" t.assignee_id = :subject", memberId, from, to);
	}

	/** The same for the tasks decided by the organisation's own meetings. */
	@Override
	public Optional<Tasks> tasksOfOrganization(long organizationId, LocalDate from, LocalDate to) {
		return tasks(" m.organization_id = :subject", organizationId, from, to);
	}

	private Optional<Tasks> tasks(String subject, long id, LocalDate from, LocalDate to) {
		Tasks tasks = this.jdbc.sql("""
				SELECT count(*),
				       count(*) FILTER (WHERE t.done_on IS NOT NULL AND t.done_on <= t.due_on),
				       count(*) FILTER (WHERE t.done_on > t.due_on AND t.done_on <= :to),
				       count(*) FILTER (WHERE t.done_on IS NULL OR (t.done_on > t.due_on AND t.done_on > :to))
				FROM meeting_task t JOIN meeting m ON m.id = t.meeting_id
				WHERE t.closed_reason IS NULL AND t.due_on BETWEEN :from AND :to AND """ + subject)
			.param("subject", id)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Tasks(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
		return tasks.total() == 0 ? Optional.empty() : Optional.of(tasks);
	}

}
