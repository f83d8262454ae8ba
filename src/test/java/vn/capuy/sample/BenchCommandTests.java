package vn.capuy.sample;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.directive.ReviewReport;
import vn.capuy.directive.Reviews;
import vn.capuy.grading.GradingResults;
import vn.capuy.membership.ImportSpeed;
import vn.capuy.membership.Members;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process rows of {@code bench/run} at the sample's size, in seconds: each row has
 * the shape the results file promises, and its ratio and verdict follow from its value
 * and baseline. (The goals themselves are measured by {@code bench/run}, never here.)
 */
@FullTest
class BenchCommandTests {

	@Autowired
	Members members;

	@Autowired
	OrganizationTree tree;

	@Autowired
	GradingResults grading;

	@Autowired
	Reviews reviews;

	@Autowired
	ReviewReport reviewReport;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ImportSpeed importSpeed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment env;

	@Autowired
	ObjectMapper json;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void searchAndStatisticsRowsAreRatiosToTheirBaselines() {
		BenchCommand bench = bench();
		LocalDate on = LocalDate.of(2024, 6, 30);
		check(bench.search(20, on), "ms (p95)", 1.3);
		Map<String, Object> statistics = bench.statistics(on);
		check(statistics, "ms (median of 5)", 1.5);
		// the sample has published yearly gradings before that date: the row covers them
		assertThat(statistics.get("note").toString()).contains("grading distribution");
	}

	@Test
	void theReviewRowDraftsTheReportWithAndWithoutTheGatheredTexts() {
		LocalDate start = LocalDate.of(2015, 1, 1);
		long root = this.fixtures.root("Tỉnh thử đo hiệu năng", start);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử đo", start);
		for (int i = 1; i <= 3; i++) {
			long cell = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ đo " + i, start);
			this.fixtures.member(cell, "Đảng viên Đo " + (char) ('A' + i), start);
		}
		Map<String, Object> row = bench().review(root, 2, LocalDate.of(2024, 12, 31));
		check(row, "ms (median of 3)", 2.0);
		assertThat(row.get("note").toString()).startsWith("2 grassroots reports gathered");
		// the report with texts holds what the organisations wrote; the empty one has
		// none
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM review_submission s JOIN review r ON r.id = s.review_id
				WHERE r.owner_id = :root AND s.status = 'ACCEPTED'
				""").param("root", root).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void theImportRowComparesBothFormatsWithCopyAndLeavesNothingBehind() {
		long root = this.fixtures.root("Tỉnh thử đo nhập", LocalDate.of(2015, 1, 1));
		long cell = this.fixtures.child(root, OrganizationType.CHI_BO_CO_SO, "Chi bộ đo nhập",
				LocalDate.of(2015, 1, 1));
		long before = this.jdbc.sql("SELECT count(*) FROM member").query(Long.class).single();
		Map<String, Object> row = bench().importRow(cell, 50);
		assertThat(row).containsKeys("value", "unit", "baseline", "ratio", "goal", "goalMet", "csv", "xlsx");
		assertThat(row.get("unit").toString()).startsWith("s for 50 rows");
		double ratio = ((Number) row.get("ratio")).doubleValue();
		assertThat(row.get("goalMet")).isEqualTo(ratio <= 3);
		// both runs were rolled back
		assertThat(this.jdbc.sql("SELECT count(*) FROM member").query(Long.class).single()).isEqualTo(before);
	}

	private BenchCommand bench() {
		return new BenchCommand(this.members, this.tree, this.grading, this.reviews, this.reviewReport,
				this.importSpeed, this.jdbc, this.env, this.json, this.context);
	}

	private static void check(Map<String, Object> row, String unit, double goal) {
		assertThat(row).containsKeys("value", "unit", "baseline", "ratio", "goal", "goalMet");
		assertThat(row.get("unit")).isEqualTo(unit);
		double value = ((Number) row.get("value")).doubleValue();
		double baseline = ((Number) row.get("baseline")).doubleValue();
		double ratio = ((Number) row.get("ratio")).doubleValue();
		assertThat(value).isPositive();
		assertThat(baseline).isPositive();
		assertThat(ratio).isCloseTo(value / baseline, org.assertj.core.data.Offset.offset(0.01));
		assertThat(row.get("goalMet")).isEqualTo(value / baseline <= goal);
	}

}
