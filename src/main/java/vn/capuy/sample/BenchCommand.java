package vn.capuy.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.Members;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.VietnameseText;

/**
 * The in-process benchmarks of {@code bench/run}: member search and as-of statistics
 * through the service layer, each against a hand-written SQL baseline measured in the
 * same run on the same database. Writes one JSON object per row to
 * {@code capuy.bench.output} and exits. Absolute times are recorded for the reader; the
 * goals are on the ratios.
 */
@Component
@ConditionalOnProperty("capuy.bench")
class BenchCommand implements ApplicationRunner {

	private final Members members;

	private final OrganizationTree tree;

	private final JdbcClient jdbc;

	private final Environment env;

	private final ObjectMapper json;

	private final ConfigurableApplicationContext context;

	BenchCommand(Members members, OrganizationTree tree, JdbcClient jdbc, Environment env, ObjectMapper json,
			ConfigurableApplicationContext context) {
		this.members = members;
		this.tree = tree;
		this.jdbc = jdbc;
		this.env = env;
		this.json = json;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int queries = this.env.getProperty("capuy.bench.queries", Integer.class, 1000);
		LocalDate on = LocalDate.parse(this.env.getProperty("capuy.bench.as-of", "2026-06-30"));
		Map<String, Object> rows = new LinkedHashMap<>();
		rows.put("search", search(queries, on));
		rows.put("statistics", statistics(on));
		try {
			Path out = Path.of(this.env.getProperty("capuy.bench.output", "bench/results/in-process.json"));
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, this.json.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
			System.err.println("Benchmarks written to " + out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (this.env.getProperty("capuy.bench.exit", Boolean.class, true)) {
			System.exit(SpringApplication.exit(this.context, () -> 0));
		}
	}

	/**
	 * p95 of member search by three words without diacritics: service layer vs the same
	 * query by hand.
	 */
	Map<String, Object> search(int queries, LocalDate on) {
		List<String> names = this.jdbc.sql("SELECT full_name FROM member ORDER BY id LIMIT 20000")
			.query(String.class)
			.list();
		Random random = new Random(1);
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < queries; i++) {
			terms.add(VietnameseText.fold(names.get(random.nextInt(names.size()))));
		}
		CurrentUser user = CurrentUser.system();
		// warm-up of both paths
		for (int i = 0; i < Math.min(100, queries); i++) {
			this.members.search(user, new Members.Query(terms.get(i), null, null, on, 0, 50));
			handSearch(terms.get(i), on);
		}
		long[] service = new long[queries];
		long[] baseline = new long[queries];
		for (int i = 0; i < queries; i++) {
			// interleave the two so that both see the same machine load
			long t = System.nanoTime();
			this.members.search(user, new Members.Query(terms.get(i), null, null, on, 0, 50));
			service[i] = System.nanoTime() - t;
			t = System.nanoTime();
			handSearch(terms.get(i), on);
			baseline[i] = System.nanoTime() - t;
		}
		double value = p95(service) / 1e6;
		double base = p95(baseline) / 1e6;
		return row(value, "ms (p95)", base, "≤ 1.3× the baseline", value / base <= 1.3);
	}

	private void handSearch(String folded, LocalDate on) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("d", on);
		String[] words = folded.split(" ");
		for (int i = 0; i < words.length; i++) {
			where.append(" AND m.search_key LIKE :w").append(i);
			params.put("w" + i, "%" + words[i] + "%");
		}
		String from = """
				FROM member m
				JOIN membership ms ON ms.member_id = m.id AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				JOIN member_status st ON st.member_id = m.id AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT')
				"""
				+ where;
		this.jdbc.sql("SELECT count(*) " + from).params(params).query(Long.class).single();
		this.jdbc.sql("SELECT m.id, m.full_name " + from + " ORDER BY m.full_name LIMIT 50")
			.params(params)
			.query((rs, n) -> rs.getLong(1))
			.list();
	}

	/**
	 * The whole tree with member counts as of a date: service (tree, roll-up, rule flags)
	 * vs one SQL count.
	 */
	Map<String, Object> statistics(LocalDate on) {
		CurrentUser user = CurrentUser.system();
		this.tree.tree(user, on);
		handStatistics(on);
		int runs = 5;
		long[] service = new long[runs];
		long[] baseline = new long[runs];
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			this.tree.tree(user, on);
			service[i] = System.nanoTime() - t;
			t = System.nanoTime();
			handStatistics(on);
			baseline[i] = System.nanoTime() - t;
		}
		double value = median(service) / 1e6;
		double base = median(baseline) / 1e6;
		return row(value, "ms (median of 5)", base, "≤ 1.5× the baseline", value / base <= 1.5);
	}

	private void handStatistics(LocalDate on) {
		this.jdbc
			.sql("""
					SELECT c.ancestor_id, st.status, count(*)
					FROM membership ms
					JOIN member_status st ON st.member_id = ms.member_id AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
					JOIN organization_closure c ON c.descendant_id = ms.organization_id AND c.valid_from <= :d
					  AND (c.valid_to IS NULL OR c.valid_to > :d)
					WHERE ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
					GROUP BY c.ancestor_id, st.status
					""")
			.param("d", on)
			.query((rs, n) -> rs.getLong(3))
			.list();
	}

	static Map<String, Object> row(double value, String unit, double baseline, String goal, boolean met) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("value", round(value));
		row.put("unit", unit);
		row.put("baseline", round(baseline));
		row.put("ratio", round(value / baseline));
		row.put("goal", goal);
		row.put("goalMet", met);
		return row;
	}

	private static double round(double v) {
		return Math.round(v * 1000.0) / 1000.0;
	}

	static double p95(long[] samples) {
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
	}

	static double median(long[] samples) {
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
