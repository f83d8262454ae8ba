package vn.capuy.membership;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement run by hand, not a test: imports generated rows through the import
 * service (background run, all or nothing) and, on the same database, COPYs the same rows
 * into the same tables (rolled back), and prints both times and the ratio.
 *
 * <pre>
 * ./mvnw -o -q test -Dtest=ImportSpeedMeasurement -Dcapuy.measure=true -Dcapuy.measure.rows=20000
 * </pre>
 */
@FullTest
@EnabledIfSystemProperty(named = "capuy.measure", matches = "true")
class ImportSpeedMeasurement {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MemberImports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	vn.capuy.system.FieldCipher cipher;

	@Test
	void importAgainstCopy() throws Exception {
		int rows = Integer.getInteger("capuy.measure.rows", 20000);
		long root = this.fixtures.root("Tỉnh đo tốc độ nhập", LocalDate.of(1990, 1, 1));
		long committee = this.fixtures.child(root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Đo",
				LocalDate.of(1990, 1, 1));
		long cell = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Đo",
				LocalDate.of(1990, 1, 1));
		byte[] csv = ImportSpeed.csv(rows, 0).getBytes(StandardCharsets.UTF_8);
		CurrentUser user = CurrentUser.system();
		// the service: a background run, polled until done
		long t = System.nanoTime();
		long job = this.imports.start(user, "do-toc-do.csv", csv, null, false, cell);
		MemberImports.Progress p;
		do {
			Thread.sleep(200);
			p = this.imports.progress(user, job);
		}
		while ("RUNNING".equals(p.status()));
		double service = (System.nanoTime() - t) / 1e9;
		assertThat(p.created()).as(p.message()).isEqualTo(rows);
		// the baseline: the same rows (other numbers) with COPY, rolled back
		List<ImportSpeed.Generated> generated = ImportSpeed.generate(rows, 500_000);
		double copy = copy(generated, cell);
		System.err.printf("IMPORT MEASUREMENT: %d rows; service %.2f s; COPY %.2f s; ratio %.1f%n", rows, service, copy,
				service / copy);
	}

	double copy(List<ImportSpeed.Generated> rows, long cell) {
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		return tx.execute((status) -> {
			status.setRollbackOnly();
			List<Long> ids = this.jdbc
				.sql("SELECT nextval(pg_get_serial_sequence('member', 'id')) FROM generate_series(1, :n)")
				.param("n", rows.size())
				.query(Long.class)
				.list();
			StringBuilder member = new StringBuilder();
			StringBuilder placement = new StringBuilder();
			StringBuilder state = new StringBuilder();
			ImportSpeed.copyText(rows, ids, cell, this.cipher, member, placement, state);
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				long t = System.nanoTime();
				ImportSpeed.copyIn(connection, copy, member, placement, state);
				return (System.nanoTime() - t) / 1e9;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
	}

}
