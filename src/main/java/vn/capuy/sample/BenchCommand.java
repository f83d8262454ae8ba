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

import vn.capuy.directive.ReviewKind;
import vn.capuy.directive.ReviewReport;
import vn.capuy.directive.Reviews;
import vn.capuy.grading.GradingResults;
import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.ImportSpeed;
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

	private final GradingResults grading;

	private final Reviews reviews;

	private final ImportSpeed importSpeed;

	private final ReviewReport reviewReport;

	private final JdbcClient jdbc;

	private final Environment env;

	private final ObjectMapper json;

	private final ConfigurableApplicationContext context;

	BenchCommand(Members members, OrganizationTree tree, GradingResults grading, Reviews reviews,
			ReviewReport reviewReport, ImportSpeed importSpeed, JdbcClient jdbc, Environment env, ObjectMapper json,
			ConfigurableApplicationContext context) {
		this.importSpeed = importSpeed;
		this.grading = grading;
		this.reviews = reviews;
		this.reviewReport = reviewReport;
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
		if (this.env.getProperty("capuy.bench.import", Boolean.class, false)) {
			rows.put("import", importRow(this.env.getProperty("capuy.bench.import.rows", Integer.class, 200_000)));
		}
		if (this.env.getProperty("capuy.bench.review", Boolean.class, false)) {
			rows.put("review",
					review(this.env.getProperty("capuy.bench.review.organizations", Integer.class, 300), on));
		}
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

	/**
	 * The search as one would write it by hand: the same statements the service runs (the
	 * page in Vietnamese order with the organisations' names, then, when the page is
	 * full, a count up to the cap), without the service layer around them.
	 */
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
				FROM membership ms
				JOIN member m ON m.id = ms.member_id
				JOIN member_status st ON st.member_id = m.id AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				  AND st.status IN ('PROBATIONARY', 'FULL', 'EXEMPT')
				"""
				+ where;
		List<Long> page = this.jdbc.sql("""
				SELECT m.id, m.full_name, m.sex, m.date_of_birth, ms.organization_id, st.status, m.party_card_number,
				       (SELECT n.name FROM organization_name n WHERE n.organization_id = ms.organization_id
				          AND n.valid_from <= :d AND (n.valid_to IS NULL OR n.valid_to > :d))
				""" + from + """
				 ORDER BY regexp_replace(m.full_name, '^.*\\s', '') COLLATE vi_vn, m.full_name COLLATE vi_vn, m.id
				 LIMIT 50
				""").params(params).query((rs, n) -> rs.getLong(1)).list();
		if (page.size() < 50) {
			// the last page: no count (as the service)
			return;
		}

		// the search count cap of the service (capuy.list.search-count-cap) plus one
		params.put("cap", 1_001);
		this.jdbc.sql("SELECT count(*) FROM (SELECT 1 " + from + " LIMIT :cap) capped")
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * The whole tree with member counts as of a date: service (tree, roll-up, rule flags)
	 * vs one SQL count.
	 */
	Map<String, Object> statistics(LocalDate on) {
		CurrentUser user = CurrentUser.system();
		Long campaign = latestCampaign(on);
		this.tree.tree(user, on.minusYears(1));
		handStatistics(on.minusYears(1), campaign);
		int runs = 5;
		long[] service = new long[runs];
		long[] baseline = new long[runs];
		for (int i = 0; i < runs; i++) {
			// a date not asked before in each run: the member counts the service keeps
			// per
			// date (until a placement or status changes) are computed, not served from
			// memory
			LocalDate d = on.minusDays(7L * i + 1);
			long t = System.nanoTime();
			this.tree.tree(user, d);
			if (campaign != null) {
				this.grading.results(user, campaign, null);
			}
			service[i] = System.nanoTime() - t;
			t = System.nanoTime();
			handStatistics(d, campaign);
			baseline[i] = System.nanoTime() - t;
		}
		double value = median(service) / 1e6;
		double base = median(baseline) / 1e6;
		Map<String, Object> row = row(value, "ms (median of 5)", base, "≤ 1.5× the baseline", value / base <= 1.5);
		row.put("note", "tree with member counts as of a date not asked before"
				+ (campaign != null ? " and the grading distribution of the latest published year" : ""));
		return row;
	}

	/**
	 * Drafting a five-year review report (DOCX) gathered from the reports of up to
	 * {@code organizations} grassroots organisations, against drafting the same report
	 * (same owner, period and annex tables) with its text sections empty. Writes the
	 * reviews it measures: run on a scratch copy of the benchmark database.
	 */
	Map<String, Object> review(int organizations, LocalDate on) {
		Long owner = this.jdbc
			.sql("""
					SELECT o.id FROM organization o WHERE o.type = 'DANG_BO_TINH' AND o.valid_to IS NULL ORDER BY o.id LIMIT 1
					""")
			.query(Long.class)
			.optional()
			.orElse(null);
		return owner == null ? null : review(owner, organizations, on);
	}

	Map<String, Object> review(long owner, int organizations, LocalDate on) {
		CurrentUser user = CurrentUser.system();
		LocalDate from = on.minusYears(5).plusDays(1);
		List<Long> grassroots = this.jdbc.sql("""
				SELECT c.descendant_id FROM organization_closure c JOIN organization o ON o.id = c.descendant_id
				WHERE c.ancestor_id = :owner AND c.valid_from <= :d AND (c.valid_to IS NULL OR c.valid_to > :d)
				  AND o.type IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO')
				ORDER BY c.descendant_id LIMIT :n
				""").param("owner", owner).param("d", on).param("n", organizations).query(Long.class).list();
		long withTexts = this.reviews.open(user, newReview(owner, from, on, "(đo hiệu năng)"));
		long empty = this.reviews.open(user, newReview(owner, from, on, "(đo hiệu năng, không có phần lời)"));
		List<Reviews.Section> outline = this.reviews.outline(withTexts);
		Random random = new Random(3);
		for (long org : grassroots) {
			long submission = this.reviews.openSubmission(user, withTexts, org);
			Map<Long, String> texts = new LinkedHashMap<>();
			for (Reviews.Section section : outline) {
				texts.put(section.id(), paragraph(random, org, section.title()));
			}
			this.reviews.saveSubmission(user, submission, texts, Map.of(), 0);
			this.reviews.submit(user, submission, on.plusDays(5));
			this.reviews.accept(user, submission, on.plusDays(10));
		}
		this.reviewReport.docx(user, withTexts);
		this.reviewReport.docx(user, empty);
		int runs = 3;
		long[] service = new long[runs];
		long[] baseline = new long[runs];
		int bytes = 0;
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			bytes = this.reviewReport.docx(user, withTexts).length;
			service[i] = System.nanoTime() - t;
			t = System.nanoTime();
			this.reviewReport.docx(user, empty);
			baseline[i] = System.nanoTime() - t;
		}
		double value = median(service) / 1e6;
		double base = median(baseline) / 1e6;
		Map<String, Object> row = row(value, "ms (median of 3)", base, "≤ 2× the baseline", value / base <= 2);
		row.put("note", grassroots.size() + " grassroots reports gathered, " + outline.size() + " sections, DOCX of "
				+ bytes / 1024 + " KB; annex tables over the whole tree in both");
		return row;
	}

	private static Reviews.NewReview newReview(long owner, LocalDate from, LocalDate to, String suffix) {
		return new Reviews.NewReview(owner, null, ReviewKind.FINAL,
				"Tổng kết 5 năm thực hiện chỉ thị về tăng cường lãnh đạo tổ chức cơ sở đảng " + suffix, from, to, to,
				to.plusDays(30), null, null, null, null, to.plusDays(30), null, null);
	}

	private static String paragraph(Random random, long org, String section) {
		StringBuilder text = new StringBuilder();
		String[] sentences = { "Cấp uỷ đã quán triệt, triển khai nghiêm túc chỉ thị đến từng chi bộ và đảng viên.",
				"Chất lượng sinh hoạt chi bộ từng bước được nâng lên, nội dung sinh hoạt thiết thực hơn.",
				"Công tác kiểm tra, giám sát được duy trì thường xuyên theo chương trình đề ra.",
				"Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đi vào nền nếp.",
				"Một số chi bộ còn lúng túng trong việc đổi mới nội dung sinh hoạt chuyên đề.",
				"Công tác phát triển đảng viên trong đoàn viên thanh niên đạt chỉ tiêu đề ra." };
		text.append(section).append(" — tổ chức số ").append(org).append(" (mô phỏng). ");
		for (int i = 0; i < 12; i++) {
			text.append(sentences[random.nextInt(sentences.length)]).append(' ');
		}
		return text.toString().strip();
	}

	/**
	 * Importing generated members from CSV and from XLSX through the import feature
	 * (validation, matching, history, audit; all-or-nothing) against COPY of the same
	 * rows into the same tables, each in a rolled-back transaction. The row's value is
	 * the slower of the two formats' ratios.
	 */
	Map<String, Object> importRow(int rows) {
		Long cell = this.jdbc.sql("""
				SELECT o.id FROM organization o WHERE o.type IN ('CHI_BO_CO_SO', 'CHI_BO_TRUC_THUOC')
				  AND o.valid_to IS NULL ORDER BY o.id LIMIT 1
				""").query(Long.class).optional().orElse(null);
		if (cell == null) {
			return null;
		}
		return importRow(cell, rows);
	}

	Map<String, Object> importRow(long cell, int rows) {
		CurrentUser user = CurrentUser.system();
		ImportSpeed.Result csv = this.importSpeed.measure(user, cell, rows, false);
		ImportSpeed.Result xlsx = this.importSpeed.measure(user, cell, rows, true);
		ImportSpeed.Result worse = xlsx.ratio() > csv.ratio() ? xlsx : csv;
		Map<String, Object> row = row(worse.importSeconds(),
				"s for " + rows + " rows (" + (worse == xlsx ? "XLSX" : "CSV") + ", the slower format)",
				worse.copySeconds(), "≤ 3× the baseline", worse.ratio() <= 3);
		row.put("csv", Map.of("importSeconds", round(csv.importSeconds()), "copySeconds", round(csv.copySeconds()),
				"ratio", round(csv.ratio())));
		row.put("xlsx", Map.of("importSeconds", round(xlsx.importSeconds()), "copySeconds", round(xlsx.copySeconds()),
				"ratio", round(xlsx.ratio())));
		return row;
	}

	/** The latest published yearly grading campaign ended on or before the date. */
	private Long latestCampaign(LocalDate on) {
		return this.jdbc.sql("""
				SELECT id FROM grading_campaign WHERE status = 'PUBLISHED' AND period_kind = 'YEAR' AND period_to <= :d
				ORDER BY period_to DESC, id LIMIT 1
				""").param("d", on).query(Long.class).optional().orElse(null);
	}

	private void handStatistics(LocalDate on, Long campaign) {
		if (campaign != null) {
			this.jdbc.sql("""
					SELECT subject_kind, decided_grade, count(*) FROM grading_review WHERE campaign_id = :c
					GROUP BY subject_kind, decided_grade
					""").param("c", campaign).query((rs, n) -> rs.getLong(3)).list();
			this.jdbc.sql("""
					SELECT deciding_organization_id, subject_kind, count(*) FILTER (WHERE decided_grade = 'HTXS'),
					       count(*) FILTER (WHERE decided_grade = 'HTT')
					FROM grading_review WHERE campaign_id = :c GROUP BY 1, 2
					""").param("c", campaign).query((rs, n) -> rs.getLong(3)).list();
			// changes from the previous year, and who did not complete their tasks
			this.jdbc
				.sql("""
						WITH prev AS (SELECT id FROM grading_campaign WHERE period_kind = 'YEAR' AND status = 'PUBLISHED'
						              AND period_to < (SELECT period_to FROM grading_campaign WHERE id = :c)
						              ORDER BY period_to DESC LIMIT 1),
						pm AS (SELECT DISTINCT ON (member_id, subject_kind) member_id, subject_kind, decided_grade
						       FROM grading_review WHERE campaign_id = (SELECT id FROM prev) AND member_id IS NOT NULL
						         AND decided_grade IS NOT NULL ORDER BY member_id, subject_kind, id),
						po AS (SELECT organization_id, collective, subject_kind, decided_grade FROM grading_review
						       WHERE campaign_id = (SELECT id FROM prev) AND member_id IS NULL AND decided_grade IS NOT NULL)
						SELECT coalesce(pm.decided_grade, po.decided_grade) AS before, r.decided_grade, count(*)
						FROM grading_review r
						LEFT JOIN pm ON pm.member_id = r.member_id AND pm.subject_kind = r.subject_kind
						LEFT JOIN po ON r.member_id IS NULL AND po.organization_id = r.organization_id
						  AND po.collective = r.collective AND po.subject_kind = r.subject_kind
						WHERE r.campaign_id = :c AND r.decided_grade IS NOT NULL
						GROUP BY 1, 2
						""")
				.param("c", campaign)
				.query((rs, n) -> rs.getLong(3))
				.list();
			this.jdbc.sql("""
					SELECT id, subject_name, organization_name FROM grading_review
					WHERE campaign_id = :c AND decided_grade = 'KHTNV'
					ORDER BY subject_kind DESC, organization_name COLLATE vi_vn, subject_name COLLATE vi_vn
					""").param("c", campaign).query((rs, n) -> rs.getLong(1)).list();
		}
		handTreeCounts(on);
	}

	private void handTreeCounts(LocalDate on) {
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
