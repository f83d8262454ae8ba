package vn.capuy.directive;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.BackgroundJobs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafting the review report as a background job: a run writes one DOCX that opens and
 * carries the review's title; a run left RUNNING without its lock (the process was
 * killed) is swept to FAILED with the interrupted message, leaves no file, and a new run
 * writes the same text; outside the committee's subtree every new route answers 404 and
 * nothing is started.
 */
@FullTest
class ReviewReportJobTests {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Reviews reviews;

	@Autowired
	ReviewReportJobs drafting;

	@Autowired
	BackgroundJobs jobs;

	@Autowired
	JdbcClient jdbc;

	long bloc;

	long cell;

	long office;

	long outsider;

	long review;

	String title;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử soạn báo cáo", START);
		this.bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử soạn báo cáo", START);
		this.cell = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Soạn Một", START);
		long otherRoot = this.fixtures.root("Tỉnh khác (soạn)", START);
		this.office = this.fixtures.user("vps", Role.OFFICE, this.bloc);
		this.outsider = this.fixtures.user("ngs", Role.OFFICE, otherRoot);
		this.title = "Sơ kết thử soạn nền " + System.nanoTime();
		this.review = this.reviews.open(CurrentUser.system(),
				new Reviews.NewReview(this.bloc, null, ReviewKind.YEARLY, this.title, LocalDate.of(2021, 1, 1),
						LocalDate.of(2021, 12, 31), null, null, null, "ĐẢNG UỶ KHỐI THỬ", "07-BC/ĐUK", "Đồng Hới",
						LocalDate.of(2022, 1, 10), null, List.of("Lưu Văn phòng")));
		long submission = this.reviews.openSubmission(CurrentUser.system(), this.review, this.cell);
		Reviews.Submission s = this.reviews.submission(CurrentUser.system(), submission);
		long section = this.reviews.outline(this.review).get(0).id();
		this.reviews.saveSubmission(CurrentUser.system(), submission,
				Map.of(section, "Chi bộ duy trì sinh hoạt định kỳ hằng tháng."), Map.of(), s.version());
		this.reviews.submit(CurrentUser.system(), submission, LocalDate.of(2021, 12, 20));
	}

	Http as(long user) {
		String name = this.fixtures.username(user);
		return new Http(this.port).basic(name, "secret-" + name);
	}

	Http loggedIn(long user) {
		String name = this.fixtures.username(user);
		Http http = new Http(this.port);
		http.login(name, "secret-" + name);
		return http;
	}

	byte[] bytes(long user, String path) throws Exception {
		String name = this.fixtures.username(user);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((name + ":secret-" + name).getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	static long number(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		assertThat(m.find()).as("%s in %s", field, json).isTrue();
		return Long.parseLong(m.group(1));
	}

	long start(long user) {
		HttpResponse<String> started = as(user).postJson("/api/v1/reviews/" + this.review + "/report-jobs", "{}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		return number(started.body(), "id");
	}

	/** Polls the job over the API until it is no longer RUNNING; answers its JSON. */
	String await(long user, long job) throws InterruptedException {
		String state = "";
		for (int i = 0; i < 600; i++) {
			HttpResponse<String> answer = as(user).get("/api/v1/report-jobs/" + job);
			assertThat(answer.statusCode()).isEqualTo(200);
			state = answer.body();
			if (!state.contains("\"status\":\"RUNNING\"")) {
				return state;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("drafting job " + job + " still running: " + state);
	}

	/** The text of every body paragraph, in order (tables left out). */
	static List<String> paragraphs(byte[] docx) throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
		}
	}

	/** Every text of the document, tables (the HD 36 header, the annex) included. */
	static String allText(byte[] docx) throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}

	long files(long job) {
		return this.jdbc.sql("SELECT count(*) FROM review_report_file WHERE job_id = :j")
			.param("j", job)
			.query(Long.class)
			.single();
	}

	long audits(long job, String action) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_log WHERE entity = 'background_job' AND entity_id = :j "
					+ "AND action = :a")
			.param("j", String.valueOf(job))
			.param("a", action)
			.query(Long.class)
			.single();
	}

	@Test
	void aJobDraftsTheDocxOnceAndThePageOffersIt() throws Exception {
		long job = start(this.office);
		String done = await(this.office, job);
		assertThat(done).contains("\"status\":\"DONE\"",
				"\"downloadUrl\":\"/api/v1/report-jobs/" + job + "/report.docx\"", "\"reviewId\":" + this.review);
		assertThat(number(done, "done")).isEqualTo(number(done, "total")).isGreaterThan(1);
		byte[] docx = bytes(this.office, "/api/v1/report-jobs/" + job + "/report.docx");
		List<String> text = paragraphs(docx);
		assertThat(allText(docx)).contains("BÁO CÁO", this.title, "Số 07-BC/ĐUK", "ĐẢNG UỶ KHỐI THỬ",
				"[Chi bộ Soạn Một] Chi bộ duy trì sinh hoạt định kỳ hằng tháng.");
		// exactly one stored file, equal to the download, and the start and the result
		// audited
		assertThat(files(job)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT content FROM review_report_file WHERE job_id = :j")
			.param("j", job)
			.query(byte[].class)
			.single()).isEqualTo(docx);
		assertThat(audits(job, "REVIEW_REPORT_START")).isEqualTo(1);
		assertThat(audits(job, "REVIEW_REPORT_DONE")).isEqualTo(1);
		// the synchronous DOCX still answers, with the same text
		assertThat(paragraphs(bytes(this.office, "/api/v1/reviews/" + this.review + "/report.docx"))).isEqualTo(text);
		// the review page offers the file with its time and a button to draft again
		String page = loggedIn(this.office).get("/reviews/" + this.review).body();
		assertThat(page).contains("Tải báo cáo đã soạn (DOCX)", "/api/v1/report-jobs/" + job + "/report.docx",
				"soạn xong lúc ", "Soạn báo cáo (DOCX)", "/reviews/" + this.review + "/report-jobs");
		assertThat(page).doesNotContain("<progress");
	}

	@Test
	void aRunningJobWithoutItsLockIsSweptToFailedAndARunAgainWritesTheSameText() throws Exception {
		long first = start(this.office);
		assertThat(await(this.office, first)).contains("\"status\":\"DONE\"");
		byte[] firstFile = bytes(this.office, "/api/v1/report-jobs/" + first + "/report.docx");
		List<String> firstText = paragraphs(firstFile);
		String firstAll = allText(firstFile);
		assertThat(firstText).contains(this.title);
		// a run killed with its process: RUNNING, started long ago, no one holds its lock
		long killed = this.jdbc.sql("""
				INSERT INTO background_job (kind, status, done_units, total_units, started_at, started_by)
				VALUES ('REVIEW_REPORT', 'RUNNING', 2, 9, now() - interval '1 hour', :by) RETURNING id
				""").param("by", this.fixtures.username(this.office)).query(Long.class).single();
		this.jdbc.sql("INSERT INTO review_report_run (job_id, review_id) VALUES (:j, :r)")
			.param("j", killed)
			.param("r", this.review)
			.update();
		assertThat(this.jobs.locked(killed)).isFalse();
		// while it is not yet swept the page shows it running, with its progress
		String running = loggedIn(this.office).get("/reviews/" + this.review).body();
		assertThat(running).contains("<progress", "Đang soạn: xong 2/9 bước",
				"hx-get=\"/reviews/" + this.review + "/drafting\"");
		assertThat(this.jobs.sweepInterrupted()).contains(killed);
		String failed = as(this.office).get("/api/v1/report-jobs/" + killed).body();
		assertThat(failed).contains("\"status\":\"FAILED\"", "Bị gián đoạn").doesNotContain("downloadUrl");
		assertThat(files(killed)).isZero();
		assertThat(as(this.office).get("/api/v1/report-jobs/" + killed + "/report.docx").statusCode()).isEqualTo(404);
		// the page: the failure with its message, the earlier file still offered, a
		// button
		// to run again
		Http page = loggedIn(this.office);
		String shown = page.get("/reviews/" + this.review + "/drafting").body();
		assertThat(shown).contains("Lần soạn số " + killed + " không thành công", "Bị gián đoạn",
				"Soạn lại báo cáo (DOCX)", "/api/v1/report-jobs/" + first + "/report.docx");
		assertThat(shown).doesNotContain("hx-trigger");
		// run again with the page's button
		String token = page.csrf("/reviews/" + this.review + "/drafting");
		HttpResponse<String> again = page.postForm("/reviews/" + this.review + "/report-jobs", Map.of("_csrf", token));
		assertThat(again.statusCode()).isEqualTo(302);
		long second = this.jdbc.sql("""
				SELECT max(job_id) FROM review_report_run WHERE review_id = :r
				""").param("r", this.review).query(Long.class).single();
		assertThat(second).isGreaterThan(killed);
		assertThat(await(this.office, second)).contains("\"status\":\"DONE\"");
		byte[] secondFile = bytes(this.office, "/api/v1/report-jobs/" + second + "/report.docx");
		assertThat(paragraphs(secondFile)).isEqualTo(firstText);
		assertThat(allText(secondFile)).isEqualTo(firstAll);
		// the newer file supersedes the older on the page; the older stays stored
		assertThat(page.get("/reviews/" + this.review).body())
			.contains("/api/v1/report-jobs/" + second + "/report.docx")
			.doesNotContain("/api/v1/report-jobs/" + first + "/report.docx");
		assertThat(files(first)).isEqualTo(1);
		assertThat(bytes(this.office, "/api/v1/report-jobs/" + first + "/report.docx")).isNotEmpty();
	}

	@Test
	void outsideTheCommitteesSubtreeEveryDraftingRouteIs404AndNothingStarts() throws Exception {
		long job = start(this.office);
		assertThat(await(this.office, job)).contains("\"status\":\"DONE\"");
		long runs = this.jdbc.sql("SELECT count(*) FROM review_report_run WHERE review_id = :r")
			.param("r", this.review)
			.query(Long.class)
			.single();
		Http api = as(this.outsider);
		assertThat(api.postJson("/api/v1/reviews/" + this.review + "/report-jobs", "{}").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/report-jobs/" + job).statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/report-jobs/" + job + "/report.docx").statusCode()).isEqualTo(404);
		Http page = loggedIn(this.outsider);
		assertThat(page.get("/reviews/" + this.review + "/drafting").statusCode()).isEqualTo(404);
		String token = page.csrf("/reviews");
		assertThat(token).isNotNull();
		assertThat(page.postForm("/reviews/" + this.review + "/report-jobs", Map.of("_csrf", token)).statusCode())
			.isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM review_report_run WHERE review_id = :r")
			.param("r", this.review)
			.query(Long.class)
			.single()).as("no run started from outside").isEqualTo(runs);
		// in scope the same routes answer
		assertThat(as(this.office).get("/api/v1/report-jobs/" + job).statusCode()).isEqualTo(200);
		assertThat(loggedIn(this.office).get("/reviews/" + this.review + "/drafting").statusCode()).isEqualTo(200);
	}

}
