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
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Messages;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.VietnameseText;

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

	private final Messages messages;

	MeetingVotes(JdbcClient jdbc, CellMeetings meetings, MeetingAttendance attendance, MeetingRules rules,
			AuditLog audit, Messages messages) {
		this.messages = messages;
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

	// ---- import

	/**
	 * How the columns of the national app's vote export map to votes; the kind values are
	 * separated by {@code |}. Without a kind column every row is a resolution; without a
	 * present column the attendance rows (or a refusal) give the present count.
	 */
	public record Mapping(long id, String name, String subjectColumn, String kindColumn, String forColumn,
			String againstColumn, String abstainColumn, String presentColumn, String resolutionValues,
			String admissionValues, String fullMembershipValues, String personnelValues) {

		VoteKind kindOf(String value) {
			String v = VietnameseText.fold(value == null ? "" : value.strip());
			String[][] values = { { VoteKind.RESOLUTION.name(), this.resolutionValues },
					{ VoteKind.ADMISSION.name(), this.admissionValues },
					{ VoteKind.FULL_MEMBERSHIP.name(), this.fullMembershipValues },
					{ VoteKind.PERSONNEL.name(), this.personnelValues } };
			for (String[] kind : values) {
				if (kind[1] != null && java.util.Arrays.stream(kind[1].split("\\|"))
					.map((s) -> VietnameseText.fold(s.strip()))
					.anyMatch((s) -> !s.isEmpty() && s.equals(v))) {
					return VoteKind.valueOf(kind[0]);
				}
			}
			return null;
		}

	}

	public List<Mapping> mappings() {
		return this.jdbc
			.sql("""
					SELECT id, name, subject_column, kind_column, for_column, against_column, abstain_column, present_column,
					  resolution_values, admission_values, full_membership_values, personnel_values
					FROM vote_mapping ORDER BY id
					""")
			.query((rs, n) -> new Mapping(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getString(12)))
			.list();
	}

	public Mapping mapping(long id) {
		return mappings().stream()
			.filter((m) -> m.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("vote mapping " + id));
	}

	/** Saves a vote mapping (a new one when {@code id} is 0), audited. */
	@Transactional
	public long saveMapping(CurrentUser user, Mapping m) {
		for (String[] f : new String[][] { { "meetingName", m.name() }, { "subjectColumn", m.subjectColumn() },
				{ "forColumn", m.forColumn() }, { "againstColumn", m.againstColumn() },
				{ "abstainColumn", m.abstainColumn() } }) {
			if (f[1] == null || f[1].isBlank()) {
				throw new InvalidInputException(f[0], "error.required");
			}
		}
		Map<String, Object> p = CellMeetings.params("name", m.name().strip(), "sc", m.subjectColumn().strip(), "kc",
				CellMeetings.blankToNull(m.kindColumn()), "fc", m.forColumn().strip(), "ac", m.againstColumn().strip(),
				"bc", m.abstainColumn().strip(), "pc", CellMeetings.blankToNull(m.presentColumn()), "rv",
				blankToEmpty(m.resolutionValues()), "av", blankToEmpty(m.admissionValues()), "fv",
				blankToEmpty(m.fullMembershipValues()), "pv", blankToEmpty(m.personnelValues()), "actor",
				user.username(), "id", m.id());
		long id;
		if (m.id() == 0) {
			id = this.jdbc
				.sql("""
						INSERT INTO vote_mapping (name, subject_column, kind_column, for_column, against_column, abstain_column,
						  present_column, resolution_values, admission_values, full_membership_values, personnel_values,
						  updated_by)
						VALUES (:name, :sc, :kc, :fc, :ac, :bc, :pc, :rv, :av, :fv, :pv, :actor) RETURNING id
						""")
				.params(p)
				.query(Long.class)
				.single();
		}
		else {
			Mapping before = mapping(m.id());
			this.meetings.update("""
					UPDATE vote_mapping SET name = :name, subject_column = :sc, kind_column = :kc, for_column = :fc,
					  against_column = :ac, abstain_column = :bc, present_column = :pc, resolution_values = :rv,
					  admission_values = :av, full_membership_values = :fv, personnel_values = :pv, updated_by = :actor,
					  version = version + 1 WHERE id = :id
					""", p);
			id = m.id();
			this.audit.record(user.username(), "SAVE", "vote_mapping", id, before, m);
			return id;
		}
		this.audit.record(user.username(), "SAVE", "vote_mapping", id, null, m);
		return id;
	}

	private static String blankToEmpty(String s) {
		return s == null ? "" : s.strip();
	}

	/**
	 * Imports the votes of a meeting from the national app's export (CSV, or XLSX by its
	 * name) through a mapping, all or nothing: a bad row is refused naming its row and
	 * column (an unknown kind, a count that is not a whole number, more votes than
	 * members present), and no vote of the file is kept.
	 */
	@Transactional
	public List<Vote> importFile(CurrentUser user, long meetingId, long mappingId, String filename, byte[] content) {
		Mapping mapping = mapping(mappingId);
		Meeting m = this.meetings.get(user, meetingId);
		if (m.status() != MeetingStatus.HELD) {
			throw new RuleViolationException("meeting.error.vote.not-held");
		}
		ImportTable table = ImportTable.read(filename, content);
		table.require(mapping.subjectColumn(), mapping.kindColumn(), mapping.forColumn(), mapping.againstColumn(),
				mapping.abstainColumn());
		List<Vote> votes = new ArrayList<>();
		for (ImportTable.Line row : table.lines()) {
			String subject = row.get(mapping.subjectColumn());
			if (subject.isEmpty()) {
				throw new InvalidInputException("importFile", "meeting.error.import.required", row.number(),
						mapping.subjectColumn());
			}
			VoteKind kind = VoteKind.RESOLUTION;
			if (mapping.kindColumn() != null) {
				kind = mapping.kindOf(row.get(mapping.kindColumn()));
				if (kind == null) {
					throw new InvalidInputException("importFile", "meeting.error.import.kind", row.number(),
							mapping.kindColumn(), row.get(mapping.kindColumn()));
				}
			}
			int votesFor = count(row, mapping.forColumn());
			int against = count(row, mapping.againstColumn());
			int abstain = count(row, mapping.abstainColumn());
			Integer present = null;
			if (table.header().contains(mapping.presentColumn()) && !row.get(mapping.presentColumn()).isEmpty()) {
				present = count(row, mapping.presentColumn());
			}
			try {
				votes.add(record(user, meetingId, kind, subject, votesFor, against, abstain, present, "IMPORTED"));
			}
			catch (InvalidInputException ex) {
				String column = switch (ex.field()) {
					case "presentCount" ->
						mapping.presentColumn() != null ? mapping.presentColumn() : mapping.forColumn();
					case "votesFor" -> mapping.forColumn();
					default -> mapping.subjectColumn();
				};
				throw new InvalidInputException("importFile", "meeting.error.import.vote", row.number(), column,
						this.messages.get(ex.messageKey(), ex.arguments()));
			}
		}
		return votes;
	}

	private static int count(ImportTable.Line row, String column) {
		String value = row.get(column);
		try {
			int n = Integer.parseInt(value);
			if (n >= 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidInputException("importFile", "meeting.error.import.number", row.number(), column, value);
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
