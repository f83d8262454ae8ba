package vn.capuy.membership;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.FieldCipher;
import vn.capuy.system.VietnameseText;

/**
 * The member import's speed against a bulk COPY of the same rows into the same tables
 * (member, membership, member_status), on the same database in the same run: generated
 * rows (fixed seed, numbers no real member has) imported with
 * {@link MemberImports#importNow}, then the COPY; both rolled back so the database is
 * left as it was. For the scale benchmark's {@code import} row.
 */
@Component
public class ImportSpeed {

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Quang" };

	private static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Long", "Mai",
			"Nam", "Phương", "Quân", "Sơn", "Thảo", "Trung", "Tuấn", "Yến" };

	private final MemberImports imports;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final FieldCipher cipher;

	private final TransactionTemplate tx;

	ImportSpeed(MemberImports imports, JdbcClient jdbc, DataSource dataSource, FieldCipher cipher,
			PlatformTransactionManager transactions) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.cipher = cipher;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Seconds taken by the import and by the COPY, and their ratio. */
	public record Result(int rows, double importSeconds, double copySeconds, double ratio) {
	}

	/**
	 * Imports {@code rows} generated rows into the cell (by a user who may edit the
	 * register there), then COPYs the same rows; both rolled back. A short warm-up of
	 * both paths runs first.
	 */
	public Result measure(CurrentUser user, long cellId, int rows) {
		return measure(user, cellId, rows, false);
	}

	/**
	 * The same from an XLSX file ({@code xlsx}) or a CSV file: the file is made before
	 * the clock starts; reading it is part of the import's time.
	 */
	public Result measure(CurrentUser user, long cellId, int rows, boolean xlsx) {
		List<Generated> generated = generate(rows, 0);
		Long taken = this.jdbc.sql("SELECT count(*) FROM member WHERE party_card_number = ANY(:c)")
			.param("c", generated.stream().map(Generated::card).toArray(String[]::new))
			.query(Long.class)
			.single();
		if (taken > 0) {
			throw new IllegalStateException(taken + " generated card numbers already exist");
		}
		List<Generated> warmUp = generated.subList(0, Math.min(1000, rows));
		timeImport(user, cellId, warmUp, xlsx);
		timeCopy(cellId, warmUp);
		double service = timeImport(user, cellId, generated, xlsx);
		double copy = timeCopy(cellId, generated);
		return new Result(rows, service, copy, service / copy);
	}

	private double timeImport(CurrentUser user, long cellId, List<Generated> rows, boolean xlsx) {
		byte[] file = xlsx ? xlsx(rows) : csv(rows).getBytes(StandardCharsets.UTF_8);
		String name = xlsx ? "speed.xlsx" : "speed.csv";
		return this.tx.execute((status) -> {
			status.setRollbackOnly();
			long t = System.nanoTime();
			MemberImports.Outcome outcome = this.imports.importNow(user, name, file, null, cellId);
			double seconds = (System.nanoTime() - t) / 1e9;
			if (outcome.created() != rows.size()) {
				throw new IllegalStateException("import refused rows: " + outcome.errors());
			}
			return seconds;
		});
	}

	private double timeCopy(long cellId, List<Generated> rows) {
		return this.tx.execute((status) -> {
			status.setRollbackOnly();
			List<Long> ids = this.jdbc
				.sql("SELECT nextval(pg_get_serial_sequence('member', 'id')) FROM generate_series(1, :n)")
				.param("n", rows.size())
				.query(Long.class)
				.list();
			StringBuilder member = new StringBuilder();
			StringBuilder placement = new StringBuilder();
			StringBuilder state = new StringBuilder();
			copyText(rows, ids, cellId, this.cipher, member, placement, state);
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				long t = System.nanoTime();
				copyIn(connection, copy, member, placement, state);
				return (System.nanoTime() - t) / 1e9;
			}
			catch (SQLException | IOException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
	}

	/** A generated row. */
	public record Generated(String fullName, Sex sex, LocalDate born, LocalDate admitted, LocalDate full, String card,
			String lifeHistory, String citizenId) {
	}

	/**
	 * Rows with a fixed seed; numbers start at {@code offset} in ranges no sample uses.
	 */
	public static List<Generated> generate(int rows, int offset) {
		Random random = new Random(20261129L + offset);
		List<Generated> out = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			int n = offset + i;
			Sex sex = random.nextBoolean() ? Sex.NAM : Sex.NU;
			String name = FAMILY[random.nextInt(FAMILY.length)] + " "
					+ (sex == Sex.NU ? "Thị" : MIDDLE[random.nextInt(MIDDLE.length)]) + " "
					+ GIVEN[random.nextInt(GIVEN.length)];
			LocalDate born = LocalDate.of(1950 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
			LocalDate admitted = born.plusYears(20 + random.nextInt(10)).plusDays(random.nextInt(300));
			out.add(new Generated(name, sex, born, admitted, admitted.plusYears(1), String.format("9%07d", n),
					String.format("%06dTĐ", n), String.format("099%09d", n)));
		}
		return out;
	}

	/** The rows as the CSV a user would import (dates dd/MM/yyyy). */
	public static String csv(List<Generated> rows) {
		StringBuilder s = new StringBuilder(
				"Họ và tên,Giới tính,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên,Số lý lịch,Số CCCD,Dân tộc\n");
		for (Generated g : rows) {
			s.append(g.fullName())
				.append(',')
				.append(g.sex() == Sex.NAM ? "Nam" : "Nữ")
				.append(',')
				.append(vn.capuy.system.PartyDates.shortForm(g.born()))
				.append(',')
				.append(vn.capuy.system.PartyDates.shortForm(g.admitted()))
				.append(',')
				.append(vn.capuy.system.PartyDates.shortForm(g.full()))
				.append(',')
				.append(g.card())
				.append(',')
				.append(g.lifeHistory())
				.append(',')
				.append(g.citizenId())
				.append(",Kinh\n");
		}
		return s.toString();
	}

	/**
	 * The same rows as an XLSX workbook (one sheet, a header row), written as a stream so
	 * that 200,000 rows fit in a small heap.
	 */
	static byte[] xlsx(List<Generated> rows) {
		String[] lines = csv(rows).split("\n");
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(out, "capuy", "1.0");
			org.dhatim.fastexcel.Worksheet sheet = book.newWorksheet("Đảng viên");
			for (int r = 0; r < lines.length; r++) {
				String[] cells = lines[r].split(",", -1);
				for (int c = 0; c < cells.length; c++) {
					sheet.value(r, c, cells[c]);
				}
				if (r % 10_000 == 0) {
					sheet.flush();
				}
			}
			book.finish();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** {@link #csv(List)} of {@link #generate(int, int)}. */
	public static String csv(int rows, int offset) {
		return csv(generate(rows, offset));
	}

	/** The COPY text of the rows for member, membership and member_status. */
	static void copyText(List<Generated> rows, List<Long> ids, long cellId, FieldCipher cipher, StringBuilder member,
			StringBuilder placement, StringBuilder state) {
		for (int i = 0; i < rows.size(); i++) {
			Generated g = rows.get(i);
			long id = ids.get(i);
			MemberBulkRegistration.row(member, id, g.fullName(), null, VietnameseText.fold(g.fullName()),
					g.sex().name(), g.born(), null, null, null, null, null, "01", null,
					MemberBulkRegistration.bytea(cipher.encrypt(g.citizenId())), cipher.hmac(g.citizenId()), null, null,
					null, g.admitted(), null, g.full(), g.card(), g.lifeHistory());
			MemberBulkRegistration.row(placement, id, cellId, g.admitted(), "REGISTERED");
			MemberBulkRegistration.row(state, id, "PROBATIONARY", g.admitted(), g.full(), "ADMITTED");
			MemberBulkRegistration.row(state, id, "FULL", g.full(), null, "RECOGNISED");
		}
	}

	/**
	 * The baseline: COPY into a staging table and one INSERT for member (its identity
	 * column takes explicit ids only with OVERRIDING SYSTEM VALUE, which COPY lacks),
	 * COPY straight into membership and member_status.
	 */
	static void copyIn(Connection connection, CopyManager copy, StringBuilder member, StringBuilder placement,
			StringBuilder state) throws SQLException, IOException {
		String columns = MemberBulkRegistration.MEMBER_COLUMNS;
		try (var statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE IF NOT EXISTS copy_member ON COMMIT DROP AS SELECT " + columns
					+ " FROM member WITH NO DATA");
		}
		copy.copyIn("COPY copy_member (" + columns + ") FROM STDIN", new StringReader(member.toString()));
		try (var statement = connection.createStatement()) {
			statement.execute("INSERT INTO member (" + columns + ") OVERRIDING SYSTEM VALUE SELECT " + columns
					+ " FROM copy_member");
		}
		copy.copyIn("COPY membership (member_id, organization_id, valid_from, reason) FROM STDIN",
				new StringReader(placement.toString()));
		copy.copyIn("COPY member_status (member_id, status, valid_from, valid_to, reason) FROM STDIN",
				new StringReader(state.toString()));
	}

}
