package vn.capuy.membership;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.system.Csv;

/**
 * Seeds the catalogues from the reference tables shipped with the system (with their
 * sources): the 54 ethnic groups, the recognised religions, and the provinces before and
 * after the 1 July 2025 merger.
 */
@Component
public class ReferenceData {

	static final String MERGER_DATE = "2025-07-01";

	private final JdbcClient jdbc;

	ReferenceData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The catalogues of another database (the data generator's target). */
	public static ReferenceData of(javax.sql.DataSource dataSource) {
		return new ReferenceData(JdbcClient.create(dataSource));
	}

	/**
	 * Loads each empty catalogue; a catalogue already filled (and perhaps edited) is left
	 * alone.
	 */
	@Transactional
	public void seed() {
		if (count("ethnicity") == 0) {
			for (Map<String, String> row : Csv.readResource("reference/ethnic-groups.csv")) {
				this.jdbc.sql("INSERT INTO ethnicity (code, name, other_names, source) VALUES (:c, :n, :o, :s)")
					.param("c", row.get("code"))
					.param("n", row.get("name"))
					.param("o", row.get("other_names"))
					.param("s", row.get("source"))
					.update();
			}
		}
		if (count("religion") == 0) {
			for (Map<String, String> row : Csv.readResource("reference/religions.csv")) {
				String code = row.get("gso_2008_code").isBlank() ? "R" + row.get("order") : row.get("gso_2008_code");
				this.jdbc.sql("INSERT INTO religion (code, name, source) VALUES (:c, :n, :s) ON CONFLICT DO NOTHING")
					.param("c", code)
					.param("n", row.get("name"))
					.param("s", row.get("source"))
					.update();
			}
		}
		if (count("province") == 0) {
			List<Map<String, String>> rows = Csv.readResource("reference/provinces-2025.csv");
			for (Map<String, String> row : rows) {
				String newCode = code(row.get("new_code_if_known"), row.get("new_name"));
				this.jdbc.sql("""
						INSERT INTO province (code, name, valid_from, valid_to, successor_code, source)
						VALUES (:c, :n, DATE '1976-01-01', DATE '2025-07-01', :s, :src) ON CONFLICT DO NOTHING
						""")
					.param("c", "old-" + code(row.get("old_code_if_known"), row.get("old_name")))
					.param("n", row.get("old_name"))
					.param("s", newCode)
					.param("src", row.get("source"))
					.update();
				this.jdbc.sql("""
						INSERT INTO province (code, name, valid_from, valid_to, successor_code, source)
						VALUES (:c, :n, DATE '2025-07-01', NULL, NULL, :src) ON CONFLICT DO NOTHING
						""")
					.param("c", newCode)
					.param("n", row.get("new_name"))
					.param("src", row.get("source"))
					.update();
			}
		}
	}

	private static String code(String code, String name) {
		return code == null || code.isBlank() ? name : code;
	}

	private int count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
	}

	/** An entry of a catalogue for a form's choices. */
	public record Entry(String code, String name) {
	}

	public List<Entry> ethnicities() {
		return this.jdbc.sql("SELECT code, name FROM ethnicity ORDER BY code").query(Entry.class).list();
	}

	public List<Entry> religions() {
		return this.jdbc.sql("SELECT code, name FROM religion ORDER BY name COLLATE vi_vn").query(Entry.class).list();
	}

	/**
	 * Province names in force on 30 June 2025 (before the merger) and today's, for
	 * home-town fields.
	 */
	public List<String> provinceNames() {
		return this.jdbc.sql("SELECT name FROM (SELECT DISTINCT name FROM province) p ORDER BY name COLLATE vi_vn")
			.query(String.class)
			.list();
	}

}
