package vn.capuy.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Quality of meetings: scoring sheets configurable per superior committee (criteria,
 * points, bands Tốt/Khá/Trung bình/Kém), filled after each meeting; the three qualities
 * checked from the minutes (DOMAIN.md §4.6) and the minimum duration from the rule book.
 */
@Service
@Transactional(readOnly = true)
public class MeetingQuality {

	private final JdbcClient jdbc;

	private final CellMeetings meetings;

	private final MeetingMinutes minutes;

	private final MeetingRules rules;

	private final OrganizationTree tree;

	private final AuditLog audit;

	private final Today today;

	MeetingQuality(JdbcClient jdbc, CellMeetings meetings, MeetingMinutes minutes, MeetingRules rules,
			OrganizationTree tree, AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.minutes = minutes;
		this.rules = rules;
		this.tree = tree;
		this.audit = audit;
		this.today = today;
	}

	/** A scoring sheet: criteria with their points and the minimum total of each band. */
	public record Sheet(long id, Long organizationId, String name, String kinds, int goodMin, int fairMin,
			int averageMin, LocalDate validFrom, String sourceDocument, List<Criterion> criteria) {

		public int maxPoints() {
			return this.criteria.stream().mapToInt(Criterion::maxPoints).sum();
		}

		public QualityBand band(int total) {
			if (total >= this.goodMin) {
				return QualityBand.TOT;
			}
			if (total >= this.fairMin) {
				return QualityBand.KHA;
			}
			if (total >= this.averageMin) {
				return QualityBand.TRUNG_BINH;
			}
			return QualityBand.KEM;
		}

	}

	/** One criterion of a sheet. */
	public record Criterion(long id, int position, String label, int maxPoints) {
	}

	/** The sheet in force for a meeting: its nearest committee's, else the system's. */
	public Sheet sheetFor(Meeting m) {
		Long id = this.jdbc
			.sql("""
					SELECT s.id FROM quality_sheet s
					WHERE :d >= s.valid_from AND (s.valid_to IS NULL OR s.valid_to > :d)
					  AND (',' || s.kinds || ',') LIKE ('%,' || :kind || ',%')
					  AND (s.organization_id IS NULL OR EXISTS (
					    SELECT 1 FROM organization_visible(ARRAY[s.organization_id]::bigint[], false, :d) v WHERE v.id = :org))
					ORDER BY s.organization_id IS NULL,
					  (SELECT count(*) FROM organization_visible(ARRAY[s.organization_id]::bigint[], false, :d))
					LIMIT 1
					""")
			.param("d", m.date())
			.param("kind", m.kind().name())
			.param("org", m.organizationId())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RuleViolationException("meeting.error.quality.no-sheet"));
		return sheet(id);
	}

	Sheet sheet(long id) {
		List<Criterion> criteria = this.jdbc.sql("""
				SELECT id, position, label, max_points FROM quality_criterion WHERE sheet_id = :id ORDER BY position
				""")
			.param("id", id)
			.query((rs, n) -> new Criterion(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4)))
			.list();
		return this.jdbc.sql("""
				SELECT id, organization_id, name, kinds, good_min, fair_min, average_min, valid_from, source_document
				FROM quality_sheet WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Sheet(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getObject(8, LocalDate.class), rs.getString(9),
					criteria))
			.single();
	}

	/** Sheets the caller may see: the system's and those of committees in scope. */
	public List<Sheet> sheets(CurrentUser user) {
		return this.jdbc.sql("""
				SELECT s.id FROM quality_sheet s WHERE s.valid_to IS NULL AND (s.organization_id IS NULL OR EXISTS (
				  SELECT 1 FROM organization_visible_ever(:roots, :global) v WHERE v.id = s.organization_id))
				ORDER BY s.organization_id NULLS FIRST, s.id
				""")
			.param("roots", user.scopeRootArray())
			.param("global", user.global())
			.query(Long.class)
			.list()
			.stream()
			.map(this::sheet)
			.toList();
	}

	/**
	 * A committee's own sheet, in force from a date (its previous sheet closes that day):
	 * criteria as lines {@code label|points}, bands by their minimum totals.
	 */
	@Transactional
	public long saveSheet(CurrentUser user, long organizationId, String name, String kinds, String criteria,
			int goodMin, int fairMin, int averageMin, LocalDate validFrom, String sourceDocument) {
		this.tree.get(user, organizationId, validFrom == null ? this.today.date() : validFrom);
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("meetingName", "error.required");
		}
		if (validFrom == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		if (sourceDocument == null || sourceDocument.isBlank()) {
			throw new InvalidInputException("sourceDocument", "error.rule.source.required");
		}
		List<String[]> lines = new ArrayList<>();
		int max = 0;
		for (String line : (criteria == null ? "" : criteria).split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|");
			try {
				int points = Integer.parseInt(parts[parts.length - 1].strip());
				if (parts.length < 2 || points <= 0) {
					throw new NumberFormatException();
				}
				lines.add(new String[] { parts[0].strip(), String.valueOf(points) });
				max += points;
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("qualityCriteria", "meeting.error.quality.criterion", line);
			}
		}
		if (lines.isEmpty()) {
			throw new InvalidInputException("qualityCriteria", "error.required");
		}
		if (!(goodMin > fairMin && fairMin > averageMin && averageMin >= 0 && goodMin <= max)) {
			throw new InvalidInputException("qualityBands", "meeting.error.quality.bands", max);
		}
		String kindList = kinds == null || kinds.isBlank() ? "REGULAR,THEMATIC" : kinds.replace(" ", "");
		for (String k : kindList.split(",")) {
			try {
				MeetingKind.valueOf(k);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("qualityKinds", "meeting.error.quality.kinds", k);
			}
		}
		this.jdbc.sql("""
				UPDATE quality_sheet SET valid_to = :from
				WHERE organization_id = :org AND valid_to IS NULL AND valid_from < :from
				""").param("from", validFrom).param("org", organizationId).update();
		long id = this.jdbc.sql("""
				INSERT INTO quality_sheet (organization_id, name, kinds, good_min, fair_min, average_min, valid_from,
				  source_document, updated_by)
				VALUES (:org, :name, :kinds, :good, :fair, :avg, :from, :source, :actor) RETURNING id
				""")
			.param("org", organizationId)
			.param("name", name.strip())
			.param("kinds", kindList)
			.param("good", goodMin)
			.param("fair", fairMin)
			.param("avg", averageMin)
			.param("from", validFrom)
			.param("source", sourceDocument.strip())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		int position = 1;
		for (String[] l : lines) {
			this.jdbc.sql("""
					INSERT INTO quality_criterion (sheet_id, position, label, max_points) VALUES (:s, :p, :l, :m)
					""")
				.param("s", id)
				.param("p", position++)
				.param("l", l[0])
				.param("m", Integer.parseInt(l[1]))
				.update();
		}
		this.audit.record(user.username(), "CREATE", "quality_sheet", id, null, Map.of("name", name));
		return id;
	}

	/** A meeting's score. */
	public record Score(long sheetId, int total, QualityBand band, String points, String scoredBy) {
	}

	public Optional<Score> score(CurrentUser user, long meetingId) {
		this.meetings.get(user, meetingId);
		return this.jdbc.sql("SELECT sheet_id, total, band, points, scored_by FROM quality_score WHERE meeting_id = :m")
			.param("m", meetingId)
			.query((rs, n) -> new Score(rs.getLong(1), rs.getInt(2), QualityBand.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5)))
			.optional();
	}

	/**
	 * Fills the sheet for a held meeting: points per criterion, each within its maximum.
	 */
	@Transactional
	public Score fill(CurrentUser user, long meetingId, Map<Long, Integer> points) {
		Meeting m = this.meetings.get(user, meetingId);
		if (m.status() != MeetingStatus.HELD) {
			throw new RuleViolationException("meeting.error.quality.not-held");
		}
		Sheet sheet = sheetFor(m);
		int total = 0;
		Map<String, Integer> recorded = new LinkedHashMap<>();
		for (Criterion c : sheet.criteria()) {
			Integer p = points.get(c.id());
			if (p == null) {
				throw new InvalidInputException("qualityPoints", "meeting.error.quality.missing", c.label());
			}
			if (p < 0 || p > c.maxPoints()) {
				throw new InvalidInputException("qualityPoints", "meeting.error.quality.range", c.label(),
						c.maxPoints());
			}
			total += p;
			recorded.put(String.valueOf(c.position()), p);
		}
		QualityBand band = sheet.band(total);
		this.jdbc.sql("""
				INSERT INTO quality_score (meeting_id, sheet_id, total, band, points, scored_by)
				VALUES (:m, :s, :t, :b, :p, :actor)
				ON CONFLICT (meeting_id) DO UPDATE SET sheet_id = :s, total = :t, band = :b, points = :p,
				  scored_by = :actor, scored_at = now()
				""")
			.param("m", meetingId)
			.param("s", sheet.id())
			.param("t", total)
			.param("b", band.name())
			.param("p", recorded.toString())
			.param("actor", user.username())
			.update();
		Score score = new Score(sheet.id(), total, band, recorded.toString(), user.username());
		this.audit.record(user.username(), "SCORE", "meeting", meetingId, null, score);
		return score;
	}

	/**
	 * The three qualities and the duration, read from the current minutes: leadership (a
	 * resolution with assigned tasks), education (a study or information item with
	 * content), combativeness (criticism recorded); the minimum duration in force on the
	 * date, 120 minutes when combined with a thematic meeting.
	 */
	public record Checks(boolean leadership, boolean education, boolean combativeness, Integer durationMinutes,
			int minimumMinutes, boolean durationOk, String durationSource) {
	}

	public Checks checks(CurrentUser user, long meetingId) {
		Meeting m = this.meetings.get(user, meetingId);
		Optional<Minutes> current = this.minutes.current(user, meetingId);
		boolean leadership = current
			.map((mi) -> mi.resolution() != null && !mi.resolution().isBlank() && !mi.tasks().isEmpty())
			.orElse(false);
		boolean education = current
			.map((mi) -> mi.items()
				.stream()
				.anyMatch((i) -> (i.kind().equals("STUDY") || i.kind().equals("INFORMATION")
						|| i.kind().equals("GUIDANCE"))
						&& ((i.report() != null && !i.report().isBlank())
								|| (i.conclusion() != null && !i.conclusion().isBlank()) || !i.speeches().isEmpty())))
			.orElse(false);
		boolean combativeness = current
			.map((mi) -> mi.items().stream().anyMatch((i) -> i.speeches().stream().anyMatch(Minutes.Speech::criticism)))
			.orElse(false);
		boolean combined = m.combinedWithThematic() || m.kind() == MeetingKind.THEMATIC && sameDayRegular(m);
		int minimum = this.rules.minimumMinutes(m.date(), combined);
		String source = this.rules.source(combined ? MeetingRules.MIN_DURATION_COMBINED : MeetingRules.MIN_DURATION,
				m.date());
		boolean durationOk = m.durationMinutes() != null && m.durationMinutes() >= minimum;
		return new Checks(leadership, education, combativeness, m.durationMinutes(), minimum, durationOk, source);
	}

	private boolean sameDayRegular(Meeting m) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM meeting WHERE organization_id = :org AND kind = 'REGULAR' AND held_on = :d)
				""").param("org", m.organizationId()).param("d", m.date()).query(Boolean.class).single();
	}

}
