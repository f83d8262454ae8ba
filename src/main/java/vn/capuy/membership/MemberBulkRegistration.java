package vn.capuy.membership;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.FieldCipher;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.VietnameseText;

/**
 * Registers many validated members at once, as {@link Members#register} does one (member
 * row, placement in the cell, probationary then full status), for the file import: the
 * rows go to PostgreSQL with COPY in the caller's transaction, so a failure leaves
 * nothing; the audit log gets one entry per chunk naming the source and every id written.
 */
@Component
class MemberBulkRegistration {

	static final int CHUNK = 5000;

	static final String MEMBER_COLUMNS = "id, full_name, birth_name, search_key, sex, date_of_birth, "
			+ "place_of_birth, place_of_birth_province, home_town, home_town_province, home_town_province_today, "
			+ "ethnicity_code, religion_code, citizen_id_enc, citizen_id_hmac, phone_enc, education, political_theory, "
			+ "admission_decision_date, admission_ceremony_date, full_membership_date, party_card_number, "
			+ "life_history_number";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Members members;

	private final OrganizationTree tree;

	private final FieldCipher cipher;

	private final AuditLog audit;

	MemberBulkRegistration(DataSource dataSource, JdbcClient jdbc, Members members, OrganizationTree tree,
			FieldCipher cipher, AuditLog audit) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.members = members;
		this.tree = tree;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** A validated record and the cell it goes to. */
	record NewMember(MemberRecord record, long organizationId) {
	}

	/**
	 * Writes the members; each is placed from its admission decision (or from the day the
	 * cell was founded, when later). Answers the new ids in the order given.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Long> registerAll(CurrentUser user, List<NewMember> rows, String source, IntConsumer progress) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("register edits");
		}
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, Organization> cells = new HashMap<>();
		for (NewMember r : rows) {
			cells.computeIfAbsent(r.organizationId(), (id) -> {
				Organization o = this.tree.getLatestVisible(user, id);
				if (!o.type().isCell()) {
					throw new InvalidInputException("organizationId", "error.member.organization.not-cell", o.name());
				}
				return o;
			});
		}
		List<Long> ids = this.jdbc.sql("""
				SELECT nextval(pg_get_serial_sequence('member', 'id')) FROM generate_series(1, :n)
				""").param("n", rows.size()).query(Long.class).list();
		Map<String, Optional<String>> provinces = new HashMap<>();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (var statement = connection.createStatement()) {
				statement.execute("CREATE TEMP TABLE IF NOT EXISTS import_member ON COMMIT DROP AS SELECT "
						+ MEMBER_COLUMNS + " FROM member WITH NO DATA");
			}
			for (int from = 0; from < rows.size(); from += CHUNK) {
				int to = Math.min(rows.size(), from + CHUNK);
				StringBuilder member = new StringBuilder();
				StringBuilder placement = new StringBuilder();
				StringBuilder status = new StringBuilder();
				for (int i = from; i < to; i++) {
					NewMember n = rows.get(i);
					MemberRecord r = n.record();
					long id = ids.get(i);
					Organization cell = cells.get(n.organizationId());
					LocalDate placed = r.admissionDecisionDate().isBefore(cell.validFrom()) ? cell.validFrom()
							: r.admissionDecisionDate();
					if (cell.validTo() != null && !placed.isBefore(cell.validTo())) {
						throw new InvalidInputException("organizationId", "error.member.organization.not-found");
					}
					String today = r.homeTownProvince() == null ? null
							: provinces
								.computeIfAbsent(r.homeTownProvince(),
										(p) -> Optional.ofNullable(this.members.provinceToday(p)))
								.orElse(null);
					row(member, id, r.fullName(), r.birthName(), VietnameseText.fold(r.fullName()), r.sex().name(),
							r.dateOfBirth(), r.placeOfBirth(), r.placeOfBirthProvince(), r.homeTown(),
							r.homeTownProvince(), today, r.ethnicityCode(), r.religionCode(),
							bytea(this.cipher.encrypt(r.citizenId())), this.cipher.hmac(r.citizenId()),
							bytea(this.cipher.encrypt(r.phone())), r.education(),
							r.politicalTheory() == null ? null : r.politicalTheory().name(), r.admissionDecisionDate(),
							r.admissionCeremonyDate(), r.fullMembershipDate(), r.partyCardNumber(),
							r.lifeHistoryNumber());
					row(placement, id, n.organizationId(), placed, "REGISTERED");
					row(status, id, "PROBATIONARY", r.admissionDecisionDate(), r.fullMembershipDate(), "ADMITTED");
					if (r.fullMembershipDate() != null) {
						row(status, id, "FULL", r.fullMembershipDate(), null, "RECOGNISED");
					}
				}
				try (var statement = connection.createStatement()) {
					statement.execute("TRUNCATE import_member");
				}
				copy.copyIn("COPY import_member (" + MEMBER_COLUMNS + ") FROM STDIN",
						new StringReader(member.toString()));
				try (var statement = connection.createStatement()) {
					statement.execute("INSERT INTO member (" + MEMBER_COLUMNS + ") OVERRIDING SYSTEM VALUE SELECT "
							+ MEMBER_COLUMNS + " FROM import_member");
				}
				copy.copyIn("COPY membership (member_id, organization_id, valid_from, reason) FROM STDIN",
						new StringReader(placement.toString()));
				copy.copyIn("COPY member_status (member_id, status, valid_from, valid_to, reason) FROM STDIN",
						new StringReader(status.toString()));
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("source", source);
				after.put("count", to - from);
				after.put("memberIds", new ArrayList<>(ids.subList(from, to)));
				this.audit.record(user.username(), "REGISTER_BULK", "member", ids.get(from), null, after);
				progress.accept(to);
			}
		}
		catch (SQLException ex) {
			throw translate(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		return ids;
	}

	private static RuntimeException translate(SQLException ex) {
		// a unique number taken meanwhile by someone else: the same message a single
		// registration gives
		if ("23505".equals(ex.getSQLState())) {
			return new InvalidInputException("partyCardNumber", "import.error.match-ambiguous");
		}
		return new org.springframework.jdbc.UncategorizedSQLException("bulk registration", null, ex);
	}

	/** Members' stored records and versions, by id. */
	Map<Long, Stored> stored(Collection<Long> ids) {
		Map<Long, Stored> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc.sql("SELECT * FROM member WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> result.put(rs.getLong("id"),
					new Stored(Members.mapRecord(rs, this.cipher), rs.getInt("version"))))
			.list();
		return result;
	}

	/** A stored record with its version. */
	record Stored(MemberRecord record, int version) {
	}

	/** One line of COPY text: tab-separated, \N for null, escapes as COPY reads them. */
	static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			Object v = values[i];
			if (v == null) {
				out.append("\\N");
				continue;
			}
			String s = v.toString();
			for (int k = 0; k < s.length(); k++) {
				char c = s.charAt(k);
				switch (c) {
					case '\\' -> out.append("\\\\");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					default -> out.append(c);
				}
			}
		}
		out.append('\n');
	}

	/**
	 * A bytea value as COPY text reads it (hex; the backslash itself is escaped by row).
	 */
	static String bytea(byte[] value) {
		return value == null ? null : "\\x" + HexFormat.of().formatHex(value);
	}

}
