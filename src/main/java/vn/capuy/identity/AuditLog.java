package vn.capuy.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The append-only audit log: every write records who, when, what, and the data before and
 * after. The database refuses UPDATE and DELETE on it.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditLog(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records one write; runs in the caller's transaction so that it is kept exactly when
	 * the write is.
	 */
	public void record(String actor, String action, String entity, Object entityId, Object before, Object after) {
		this.jdbc.sql("""
				INSERT INTO audit_log (actor, action, entity, entity_id, before_data, after_data)
				VALUES (:actor, :action, :entity, :entityId, CAST(:before AS jsonb), CAST(:after AS jsonb))
				""")
			.param("actor", actor)
			.param("action", action)
			.param("entity", entity)
			.param("entityId", entityId == null ? null : String.valueOf(entityId))
			.param("before", toJson(before))
			.param("after", toJson(after))
			.update();
	}

	private String toJson(Object value) {
		return value == null ? null : this.json.writeValueAsString(value);
	}

}
