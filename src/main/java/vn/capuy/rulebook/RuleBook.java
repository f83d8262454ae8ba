package vn.capuy.rulebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;

/**
 * The one place code asks for a rule: the version in force on a date, with its source.
 * Administrators amend rules by closing the version in force and adding the next.
 */
@Service
public class RuleBook {

	private static final String SELECT = """
			SELECT id, rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note, version
			FROM rule
			""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RuleBook(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The rule in force on the date, or empty when none is. */
	public Optional<Rule> inForce(String key, LocalDate on) {
		return versions(key).stream().filter((r) -> r.inForceOn(on)).findFirst();
	}

	/**
	 * The rule in force on the date; a missing rule is a configuration fault named in the
	 * message.
	 */
	public Rule require(String key, LocalDate on) {
		return inForce(key, on).orElseThrow(() -> new RuleViolationException("error.rule.missing", key, on));
	}

	public int integer(String key, LocalDate on) {
		return Integer.parseInt(require(key, on).value().strip());
	}

	public BigDecimal decimal(String key, LocalDate on) {
		return new BigDecimal(require(key, on).value().strip());
	}

	public Pattern pattern(String key, LocalDate on) {
		return Pattern.compile(require(key, on).value());
	}

	/** Every version of one rule, oldest first. */
	public List<Rule> versions(String key) {
		// not cached: several nodes share one database, and an amendment must be seen at
		// once by all
		return this.jdbc.sql(SELECT + " WHERE rule_key = :key ORDER BY valid_from")
			.param("key", key)
			.query(RuleBook::map)
			.list();
	}

	/** All rules, each key's versions together, newest version first. */
	public List<Rule> all() {
		return this.jdbc.sql(SELECT + " ORDER BY rule_key, valid_from DESC").query(RuleBook::map).list();
	}

	public Rule get(long id) {
		return this.jdbc.sql(SELECT + " WHERE id = :id")
			.param("id", id)
			.query(RuleBook::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("rule " + id));
	}

	/**
	 * Amends a rule: the version in force on {@code validFrom} closes the day before it,
	 * and the new value applies from that date. One transaction; the value is checked
	 * against its type first.
	 */
	@Transactional
	public Rule amend(String key, String value, LocalDate validFrom, String sourceDocument, String confidence,
			String note, String actor) {
		if (validFrom == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		if (sourceDocument == null || sourceDocument.isBlank()) {
			throw new InvalidInputException("sourceDocument", "error.rule.source.required");
		}
		if (confidence == null || !List.of("V", "P", "M").contains(confidence)) {
			throw new InvalidInputException("confidence", "error.rule.confidence");
		}
		List<Rule> versions = versions(key);
		if (versions.isEmpty()) {
			throw new NotFoundException("rule " + key);
		}
		Rule current = versions.stream()
			.filter((r) -> r.inForceOn(validFrom))
			.findFirst()
			.orElse(versions.get(versions.size() - 1));
		checkValue(current.valueType(), value);
		if (!validFrom.isAfter(current.validFrom())) {
			throw new InvalidInputException("validFrom", "error.rule.valid-from.after", current.validFrom());
		}
		LocalDate nextStart = versions.stream()
			.map(Rule::validFrom)
			.filter((d) -> d.isAfter(validFrom))
			.findFirst()
			.orElse(null);
		int closed = this.jdbc.sql("""
				UPDATE rule SET valid_to = :to, closed_reason = :reason, updated_by = :actor, updated_at = now(),
				  version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("to", validFrom)
			.param("reason", "amended")
			.param("actor", actor)
			.param("id", current.id())
			.param("version", current.version())
			.update();
		if (closed != 1) {
			throw new RuleViolationException("error.concurrent-edit");
		}
		long id = this.jdbc.sql("""
				INSERT INTO rule (rule_key, value, value_type, valid_from, valid_to, source_document, confidence, note,
				  updated_by)
				VALUES (:key, :value, :type, :from, :to, :source, :confidence, :note, :actor) RETURNING id
				""")
			.param("key", key)
			.param("value", value.strip())
			.param("type", current.valueType().name())
			.param("from", validFrom)
			.param("to", nextStart)
			.param("source", sourceDocument.strip())
			.param("confidence", confidence)
			.param("note", note)
			.param("actor", actor)
			.query(Long.class)
			.single();
		Rule created = get(id);
		this.audit.record(actor, "AMEND", "rule", key, current, created);
		return created;
	}

	static void checkValue(Rule.ValueType type, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("value", "error.required");
		}
		try {
			switch (type) {
				case INTEGER -> Integer.parseInt(value.strip());
				case DECIMAL -> new BigDecimal(value.strip());
				case PATTERN -> Pattern.compile(value);
				case BOOLEAN -> {
					if (!List.of("true", "false").contains(value.strip())) {
						throw new IllegalArgumentException(value);
					}
				}
				case TEXT -> {
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// also PatternSyntaxException, a subclass
			throw new InvalidInputException("value", "error.rule.value." + type.name().toLowerCase(), value);
		}
	}

	private static Rule map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Rule(rs.getLong("id"), rs.getString("rule_key"), rs.getString("value"),
				Rule.ValueType.valueOf(rs.getString("value_type")), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("source_document"), rs.getString("confidence"),
				rs.getString("note"), rs.getInt("version"));
	}

}
