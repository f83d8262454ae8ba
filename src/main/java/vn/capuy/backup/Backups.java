package vn.capuy.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import vn.capuy.system.RuleViolationException;

/**
 * Writes a consistent backup of the whole database (all application tables, attachments
 * included since they are stored in the database) as a zip of CSV files with a manifest
 * (schema version, row counts, checksums), and restores one into an empty installation of
 * the same schema version, checking the counts and checksums. PostgreSQL's own tools are
 * not needed (the embedded server ships no {@code pg_dump}).
 */
public class Backups {

	static final String MANIFEST = "manifest.json";

	private final DataSource dataSource;

	private final ObjectMapper json = JsonMapper.builder().build();

	public Backups(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** What a backup holds. */
	public record Manifest(String schemaVersion, String createdAt, Map<String, Long> rows,
			Map<String, String> checksums) {
	}

	/**
	 * Writes the backup to the stream: one repeatable-read, read-only snapshot of every
	 * table.
	 */
	public Manifest backup(OutputStream out) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Map<String, Long> rows = new LinkedHashMap<>();
			Map<String, String> checksums = new LinkedHashMap<>();
			ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
			for (String table : tables(connection)) {
				zip.putNextEntry(new ZipEntry("data/" + table + ".csv"));
				long n = copy.copyOut("COPY " + quote(table) + " TO STDOUT WITH (FORMAT csv, HEADER)",
						new NonClosing(zip));
				zip.closeEntry();
				rows.put(table, n);
				checksums.put(table, checksum(connection, table));
			}
			Manifest manifest = new Manifest(schemaVersion(connection), Instant.now().toString(), rows, checksums);
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
			zip.closeEntry();
			zip.finish();
			connection.commit();
			return manifest;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("backup failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Restores a backup into this installation, which must have the same schema version
	 * and no data of its own beyond what its migrations seed. One transaction: after it,
	 * every table's count and checksum equal the manifest's, or nothing is changed.
	 */
	public Manifest restore(InputStream in) {
		Map<String, byte[]> entries = read(in);
		byte[] manifestBytes = entries.get(MANIFEST);
		if (manifestBytes == null) {
			throw new RuleViolationException("error.backup.no-manifest");
		}
		Manifest manifest = this.json.readValue(manifestBytes, Manifest.class);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			String version = schemaVersion(connection);
			if (!version.equals(manifest.schemaVersion())) {
				throw new RuleViolationException("error.backup.version", manifest.schemaVersion(), version);
			}
			boolean hasData = false;
			try (Statement st = connection.createStatement();
					ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM organization)")) {
				rs.next();
				hasData = rs.getBoolean(1);
			}
			if (hasData) {
				throw new RuleViolationException("error.backup.not-empty");
			}
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (Statement st = connection.createStatement()) {
				// triggers (foreign keys, the audit log's append-only guard) are off for
				// this transaction only
				st.execute("SET LOCAL session_replication_role = replica");
				List<String> tables = tables(connection);
				st.execute("TRUNCATE " + String.join(", ", tables.stream().map(Backups::quote).toList()));
				for (String table : tables) {
					byte[] data = entries.get("data/" + table + ".csv");
					if (data == null) {
						continue;
					}
					copy.copyIn("COPY " + quote(table) + " FROM STDIN WITH (FORMAT csv, HEADER)",
							new StringReader(new String(data, StandardCharsets.UTF_8)));
				}
				resetSequences(connection);
				for (String table : tables) {
					if (!manifest.rows().containsKey(table)) {
						continue;
					}
					String sum = checksum(connection, table);
					if (!sum.equals(manifest.checksums().get(table))) {
						throw new RuleViolationException("error.backup.checksum", table);
					}
				}
				// the restored versions may equal the ones an application running on this
				// installation computed its in-memory figures under: move them on
				st.execute("UPDATE data_version SET version = version + 1");
				st.execute("UPDATE member_count_version SET version = version + 1");
			}
			connection.commit();
			return manifest;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("restore failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Application tables in the public schema, except Flyway's own history (the schema
	 * version is checked).
	 */
	static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
				SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
				ORDER BY tablename
				""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	static String schemaVersion(Connection connection) throws SQLException {
		try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
				SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
				ORDER BY installed_rank DESC LIMIT 1
				""")) {
			return rs.next() ? rs.getString(1) : "0";
		}
	}

	/** An order-independent checksum of a table's rows. */
	static String checksum(Connection connection, String table) throws SQLException {
		try (Statement st = connection.createStatement();
				ResultSet rs = st
					.executeQuery("SELECT coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM "
							+ quote(table) + " t")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void resetSequences(Connection connection) throws SQLException {
		List<String[]> identities = new ArrayList<>();
		try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE table_schema = 'public' AND is_identity = 'YES'
				""")) {
			while (rs.next()) {
				identities.add(new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		try (Statement st = connection.createStatement()) {
			for (String[] id : identities) {
				st.execute("SELECT setval(pg_get_serial_sequence('" + id[0] + "', '" + id[1]
						+ "'), coalesce((SELECT max(" + quote(id[1]) + ") FROM " + quote(id[0]) + "), 0) + 1, false)");
			}
		}
	}

	private static Map<String, byte[]> read(InputStream in) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (entry.getName().contains("..")) {
					throw new RuleViolationException("error.backup.bad-entry", entry.getName());
				}
				ByteArrayOutputStream buffer = new ByteArrayOutputStream();
				zip.transferTo(buffer);
				entries.put(entry.getName(), buffer.toByteArray());
			}
		}
		catch (IOException ex) {
			throw new RuleViolationException("error.backup.unreadable");
		}
		return entries;
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** Lets COPY write into a zip entry without closing the zip. */
	private static final class NonClosing extends OutputStream {

		private final OutputStream out;

		NonClosing(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() {
		}

	}

}
