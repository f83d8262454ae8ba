package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.membership.MemberStatus;
import vn.capuy.system.Csv;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.RuleViolationException;

/**
 * Votes on resolutions and personnel items, typed in or imported: the entitled are the
 * full members not exempt on the meeting's date; quorum and majority come from the rule
 * book in force on that date, and the outcome is stated with both rules.
 */
@Service
@Transactional(readOnly = true)
public class MeetingVotes {

	private final JdbcClient jdbc;

	private final CellMeetings meetings;

	private final MeetingAttendance attendance;

	private final MeetingRules rules;

	private final AuditLog audit;

	MeetingVotes(JdbcClient jdbc, CellMeetings meetings, MeetingAttendance attendance, MeetingRules rules,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.attendance = attendance;
		this.rules = rules;
		this.audit = audit;
	}

	/** A recorded vote with its count. */
	public record Vote(long id, String subject, VoteKind kind, VoteCount count, String source) {
	}

	/**
	 * How many may vote and how many of them were present: from the attendance rows when
	 * recorded, else {@code present} as typed.
	 */
	public record Entitlement(int entitled, Integer present) {
	}

	public Entitlement entitlement(CurrentUser user, long meetingId) {
		Meeting m = this.meetings.get(user, meetingId);
		List<MemberListItem> roll = this.attendance.members(user, m);
		int entitled = (int) roll.stream().filter((i) -> i.status() == MemberStatus.FULL).count();
		Integer present = null;
		if (m.attendance().rows()) {
			java.util.Set<Long> full = new java.util.HashSet<>();
			roll.stream().filter((i) -> i.status() == MemberStatus.FULL).forEach((i) -> full.add(i.id()));
			present = (int) this.attendance.roll(user, meetingId)
				.stream()
				.filter((e) -> full.contains(e.memberId()) && e.status() != null && e.status().attended())
				.count();
		}
		return new Entitlement(entitled, present);
	}

	/** Records a vote; {@code present} is needed only when no attendance rows exist. */
	@Transactional
	public Vote record(CurrentUser user, long meetingId, VoteKind kind, String subject, int votesFor, int votesAgainst,
			int abstentions, Integer present, String source) {
		Meeting m = this.meetings.get(user, meetingId);
		if (m.status() != MeetingStatus.HELD) {
			throw new RuleViolationException("meeting.error.vote.not-held");
		}
		if (kind == null) {
			throw new InvalidInputException("meetingKind", "error.required");
		}
		if (subject == null || subject.isBlank()) {
			throw new InvalidInputException("meetingSubject", "error.required");
		}
		Entitlement e = entitlement(user, meetingId);
		int presentEntitled;
		if (e.present() != null) {
			presentEntitled = e.present();
		}
		else if (present != null) {
			presentEntitled = present;
		}
		else {
			throw new InvalidInputException("presentCount", "meeting.error.vote.present-required");
		}
		LocalDate on = m.date();
		VoteCount count = VoteCount.count(e.entitled(), presentEntitled, votesFor, votesAgainst, abstentions,
				this.rules.quorum(on), this.rules.majority(kind, on));
		long id = this.jdbc.sql("""
				INSERT INTO meeting_vote (meeting_id, subject, kind, votes_for, votes_against, abstentions, entitled,
				  present, quorum_rule, majority_rule, quorum_met, passed, source, created_by)
				VALUES (:m, :subject, :kind, :for, :against, :abstain, :entitled, :present, :q, :maj, :qm, :passed,
				  :source, :actor) RETURNING id
				""")
			.param("m", meetingId)
			.param("subject", subject.strip())
			.param("kind", kind.name())
			.param("for", votesFor)
			.param("against", votesAgainst)
			.param("abstain", abstentions)
			.param("entitled", count.entitled())
			.param("present", count.present())
			.param("q", count.quorum().toString())
			.param("maj", count.majority().toString())
			.param("qm", count.quorumMet())
			.param("passed", count.passed())
			.param("source", "IMPORTED".equals(source) ? "IMPORTED" : "TYPED")
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "VOTE", "meeting", meetingId, null, count);
		return new Vote(id, subject.strip(), kind, count, source);
	}

	/**
	 * Imports votes from a CSV with the columns {@code kind, subject, for, against,
	 * abstain} (and {@code present} when no attendance rows exist): all or nothing.
	 */
	@Transactional
	public List<Vote> importCsv(CurrentUser user, long meetingId, byte[] content) {
		List<Map<String, String>> rows = MeetingAttendance.read("votes.csv", content);
		List<Vote> votes = new ArrayList<>();
		int line = 1;
		for (Map<String, String> row : rows) {
			line++;
			try {
				VoteKind kind = VoteKind
					.valueOf(row.getOrDefault("kind", "").strip().toUpperCase(java.util.Locale.ROOT));
				String presentText = row.getOrDefault("present", "").strip();
				votes.add(record(user, meetingId, kind, row.get("subject"), Integer.parseInt(row.get("for").strip()),
						Integer.parseInt(row.get("against").strip()), Integer.parseInt(row.get("abstain").strip()),
						presentText.isEmpty() ? null : Integer.parseInt(presentText), "IMPORTED"));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				if (ex instanceof InvalidInputException invalid) {
					throw invalid;
				}
				throw new InvalidInputException("importFile", "meeting.error.import.vote-row", line);
			}
		}
		return votes;
	}

	public List<Vote> votes(CurrentUser user, long meetingId) {
		this.meetings.get(user, meetingId);
		return this.jdbc.sql("""
				SELECT id, subject, kind, votes_for, votes_against, abstentions, entitled, present, quorum_rule,
				  majority_rule, quorum_met, passed, source FROM meeting_vote WHERE meeting_id = :m ORDER BY id
				""")
			.param("m", meetingId)
			.query((rs, n) -> new Vote(rs.getLong(1), rs.getString(2), VoteKind.valueOf(rs.getString(3)),
					new VoteCount(rs.getInt(7), rs.getInt(8), rs.getInt(4), rs.getInt(5), rs.getInt(6),
							VoteCount.Threshold.parse(rs.getString(9)), VoteCount.Threshold.parse(rs.getString(10)),
							rs.getBoolean(11), rs.getBoolean(12)),
					rs.getString(13)))
			.list();
	}

}
