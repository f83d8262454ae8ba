package vn.capuy.rulebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the calendar tables: {@code holiday_rule} and {@code calendar_day}.
 */
@Repository
class CalendarStore {

	private static final String SELECT_DAY = """
			SELECT id, day, kind, holiday_code, source_document, confidence, confidence_detail, note, created_by
			FROM calendar_day
			""";

	private final JdbcClient jdbc;

	CalendarStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<HolidayRule> rules() {
		return this.jdbc.sql("""
				SELECT id, code, name, calendar_kind, month, day, days, first_day_offset, weekend_compensation,
				  announced_as, valid_from, valid_to, source_document, confidence, note
				FROM holiday_rule
				ORDER BY code, valid_from
				""").query(CalendarStore::mapRule).list();
	}

	/** The open announced days of a year. */
	List<AnnouncedDay> announced(int year) {
		return this.jdbc.sql(SELECT_DAY + """
				WHERE closed_at IS NULL AND day >= :from AND day < :to
				ORDER BY day
				""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(CalendarStore::mapDay)
			.list();
	}

	Optional<AnnouncedDay> openOn(LocalDate date) {
		return this.jdbc.sql(SELECT_DAY + " WHERE closed_at IS NULL AND day = :day")
			.param("day", date)
			.query(CalendarStore::mapDay)
			.optional();
	}

	Optional<AnnouncedDay> openById(long id) {
		return this.jdbc.sql(SELECT_DAY + " WHERE closed_at IS NULL AND id = :id")
			.param("id", id)
			.query(CalendarStore::mapDay)
			.optional();
	}

	long countDays() {
		return this.jdbc.sql("SELECT count(*) FROM calendar_day").query(Long.class).single();
	}

	long insert(LocalDate date, AnnouncedDay.Kind kind, String holidayCode, String sourceDocument, String confidence,
			String confidenceDetail, String note, String actor) {
		return this.jdbc.sql("""
				INSERT INTO calendar_day (day, kind, holiday_code, source_document, confidence, confidence_detail,
				  note, created_by)
				VALUES (:day, :kind, :code, :source, :confidence, :detail, :note, :actor)
				RETURNING id
				""")
			.param("day", date)
			.param("kind", kind.name())
			.param("code", holidayCode)
			.param("source", sourceDocument)
			.param("confidence", confidence)
			.param("detail", confidenceDetail)
			.param("note", note)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	int close(long id, String reason, String actor) {
		return this.jdbc.sql("""
				UPDATE calendar_day SET closed_at = now(), closed_by = :actor, closed_reason = :reason
				WHERE id = :id AND closed_at IS NULL
				""").param("id", id).param("actor", actor).param("reason", reason).update();
	}

	/**
	 * A fingerprint of both tables that changes with every announcement, closure or rule
	 * edit.
	 */
	String revision() {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) || ':' || count(closed_at) || ':' || coalesce(max(id), 0)
				        FROM calendar_day)
				  || '/' ||
				       (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM holiday_rule)
				""").query(String.class).single();
	}

	/** Takes a transaction-scoped lock so that only one node seeds the announced days. */
	void lockForSeeding() {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('calendar_day seed'))")
			.query(Integer.class)
			.single();
	}

	private static HolidayRule mapRule(ResultSet rs, int row) throws SQLException {
		return new HolidayRule(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				HolidayRule.CalendarKind.valueOf(rs.getString("calendar_kind")), rs.getInt("month"), rs.getInt("day"),
				rs.getInt("days"), rs.getInt("first_day_offset"), rs.getBoolean("weekend_compensation"),
				rs.getString("announced_as"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("source_document"), rs.getString("confidence"),
				rs.getString("note"));
	}

	private static AnnouncedDay mapDay(ResultSet rs, int row) throws SQLException {
		return new AnnouncedDay(rs.getLong("id"), rs.getObject("day", LocalDate.class),
				AnnouncedDay.Kind.valueOf(rs.getString("kind")), rs.getString("holiday_code"),
				rs.getString("source_document"), rs.getString("confidence"), rs.getString("confidence_detail"),
				rs.getString("note"), rs.getString("created_by"));
	}

}
