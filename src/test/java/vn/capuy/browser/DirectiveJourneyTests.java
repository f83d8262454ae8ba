package vn.capuy.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A directive carried out end to end in a real browser (Debian's headless Chromium, its
 * own profile): the office enters the directive in the incoming register, records it
 * (linked to the register entry), writes the committee's plan with a content item and an
 * indicator; the cell's secretary writes and submits the periodic report; the office
 * accepts it, opens the review, drafts section I, and downloads the report as DOCX,
 * opened with POI for the HD 36 header, number and symbol. What the user sees is asserted
 * on every page; axe-core checks each page for serious or critical violations.
 */
@FullTest
class DirectiveJourneyTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final LocalDate START = LocalDate.of(2019, 1, 1);

	static Path profile;

	static Path downloads;

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	final List<String> accessibilityProblems = new ArrayList<>();

	String blocName;

	String cellName;

	String office;

	String secretary;

	WebDriverWait wait;

	@BeforeAll
	static void startChromium() throws IOException {
		if (!installed()) {
			return;
		}
		profile = Files.createTempDirectory("capuy-chromium-directive-");
		downloads = Files.createTempDirectory("capuy-downloads-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1366,900", "--lang=vi", "--user-data-dir=" + profile);
		Map<String, Object> prefs = new HashMap<>();
		prefs.put("download.default_directory", downloads.toString());
		prefs.put("download.prompt_for_download", false);
		prefs.put("safebrowsing.enabled", false);
		options.setExperimentalOption("prefs", prefs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
		for (Path dir : new Path[] { profile, downloads }) {
			if (dir != null) {
				try (Stream<Path> files = Files.walk(dir)) {
					files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
				}
			}
		}
	}

	/** Skipped without Chromium on a developer's machine; a failure on CI. */
	@BeforeEach
	void chromiumAndATreeOfItsOwn() {
		if (!installed()) {
			String message = "Chromium is missing (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "): apt-get install chromium chromium-driver";
			if ("true".equals(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message);
		}
		int n = Fixtures.next();
		long root = this.fixtures.root("Tỉnh hành trình chỉ thị", START);
		this.blocName = "Đảng bộ Khối hành trình " + n;
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, this.blocName, START);
		this.cellName = "Chi bộ Hành trình " + n;
		long cell = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, this.cellName, START);
		this.fixtures.member(cell, "Nguyễn Văn Hành", START.plusDays(10));
		this.fixtures.member(cell, "Trần Thị Trình", START.plusDays(10));
		this.office = this.fixtures.username(this.fixtures.user("vpj", Role.OFFICE, bloc));
		this.secretary = this.fixtures.username(this.fixtures.user("btj", Role.SECRETARY, cell));
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@Test
	void directiveToPlanToAcceptedReportToDraftedReviewDownloadedAsDocx() throws Exception {
		logIn(this.office);

		// The directive arrives: the office enters it in the incoming register.
		browser.get(url("/documents"));
		browser.get(browser.findElement(By.linkText("Vào sổ văn bản đến")).getAttribute("href"));
		waitForHeading("Vào sổ văn bản đến");
		check("receive form");
		type("symbol", "21-CT/TU");
		type("issuedOn", "2020-12-15");
		type("issuerName", "Ban Thường vụ Tỉnh uỷ");
		type("title", "Về nâng cao chất lượng sinh hoạt chi bộ (hành trình thử)");
		new Select(browser.findElement(By.id("receiverOrgId"))).selectByVisibleText(this.blocName);
		type("arrivalDate", "2020-12-18");
		type("handlerName", "Lê Thị Văn Thư");
		submit("form[action$='/documents/received']");
		waitForText(".alert-success", "Đã vào sổ văn bản đến, số đến 1.");
		String register = text("main");
		// Friday 18/12/2020 + 7 working days: 21, 22, 23, 24, 25, 28, 29 December
		assertThat(register).contains("Chỉ thị 21-CT/TU", "Số đến 1 ngày 18/12/2020", "Lê Thị Văn Thư", "29/12/2020");
		String documentUrl = browser.getCurrentUrl();
		check("received document");

		// The committee records the directive; it links to the register entry.
		browser.get(url("/directives"));
		check("directives");
		new Select(browser.findElement(By.id("owner"))).selectByVisibleText(this.blocName);
		new Select(browser.findElement(By.id("kind"))).selectByValue("DIRECTIVE");
		type("symbol", "21-CT/TU");
		type("issuedOn", "2020-12-15");
		type("issuer", "Ban Thường vụ Tỉnh uỷ");
		type("title", "Về nâng cao chất lượng sinh hoạt chi bộ (hành trình thử)");
		submit("form[action$='/directives'][method='post']");
		waitForHeading("21-CT/TU: Về nâng cao chất lượng sinh hoạt chi bộ (hành trình thử)");
		WebElement entry = browser.findElement(By.cssSelector("#register-entry a"));
		assertThat(entry.getText()).isEqualTo("21-CT/TU ngày 15/12/2020 (Văn bản đến)");
		assertThat(entry.getAttribute("href")).isEqualTo(documentUrl);
		check("directive");

		// The committee's plan with a content item and its indicator.
		type("p-symbol", "03-KH/ĐUK");
		type("p-title", "Kế hoạch thực hiện Chỉ thị 21-CT/TU (hành trình thử)");
		type("p-from", "2021-01-01");
		type("p-to", "2021-12-31");
		new Select(browser.findElement(By.id("p-freq"))).selectByValue("SIX_MONTHLY");
		submit("form[action$='/plans']");
		waitForHeading("03-KH/ĐUK: Kế hoạch thực hiện Chỉ thị 21-CT/TU (hành trình thử)");
		assertThat(text("main")).contains("01/01/2021", "31/12/2021", "6 tháng");
		type("i-title", "Sinh hoạt chi bộ định kỳ hằng tháng");
		type("i-resp", "Ban Tổ chức");
		submit("form[action$='/items']");
		waitForText("main", "Sinh hoạt chi bộ định kỳ hằng tháng");
		type("n-name", "Số buổi sinh hoạt chi bộ");
		new Select(browser.findElement(By.id("n-kind"))).selectByValue("NUMBER");
		type("n-target", "12");
		type("n-unit", "buổi");
		submit("form[action$='/indicators']");
		waitForText("main", "Số buổi sinh hoạt chi bộ");
		check("plan");
		String planUrl = browser.getCurrentUrl();

		// The office opens the cell's report for the first half of 2021.
		browser.get(browser.findElement(By.linkText("Báo cáo của các tổ chức")).getAttribute("href"));
		waitForHeading("Báo cáo định kỳ thực hiện 03-KH/ĐUK");
		check("reports grid");
		browser
			.findElement(By.xpath("//tr[th[normalize-space()='" + this.cellName + "']]/td[1]//button[@type='submit']"))
			.submit();
		waitForHeading("Báo cáo của " + this.cellName + ", kỳ 01/01/2021 – 30/06/2021");
		String reportUrl = browser.getCurrentUrl();
		logOut();

		// The cell's secretary writes and submits it.
		logIn(this.secretary);
		browser.get(reportUrl);
		waitForHeading("Báo cáo của " + this.cellName + ", kỳ 01/01/2021 – 30/06/2021");
		assertThat(text("main .badge")).isEqualTo("Dự thảo");
		WebElement value = browser.findElement(By.cssSelector("input[name^='value-']"));
		value.sendKeys("5");
		WebElement report = browser.findElement(By.cssSelector("textarea[name^='text-']"));
		report.sendKeys("Chi bộ sinh hoạt đều đặn, nội dung thiết thực (hành trình thử).");
		submit("form[action='" + path(reportUrl) + "']");
		waitForText(".alert-success", "Đã lưu.");
		assertThat(browser.findElement(By.cssSelector("input[name^='value-']")).getAttribute("value")).isEqualTo("5");
		type("s-date", "2021-07-05");
		submit("form[action$='/submit']");
		waitForText("main .badge", "Đã gửi");
		assertThat(browser.findElements(By.cssSelector("form[action$='/accept']")))
			.as("a cell does not accept its own report")
			.isEmpty();
		check("report submitted");
		logOut();

		// The office accepts it.
		logIn(this.office);
		browser.get(reportUrl);
		waitForText("main .badge", "Đã gửi");
		type("a-date", "2021-07-08");
		submit("form[action$='/accept']");
		waitForText("main .badge", "Đã tiếp nhận");
		assertThat(text("table")).contains("05/07/2021", this.secretary, "08/07/2021", this.office);
		check("report accepted");
		browser.get(planUrl + "/dashboard");
		assertThat(text("main")).contains(this.cellName);

		// The review of the year: opened, its header set, section I drafted.
		browser.get(url("/reviews"));
		check("reviews");
		new Select(browser.findElement(By.id("owner"))).selectByVisibleText(this.blocName);
		new Select(browser.findElement(By.id("directive"))).selectByVisibleText("21-CT/TU");
		new Select(browser.findElement(By.id("kind"))).selectByValue("INTERIM");
		type("title", "Sơ kết 1 năm thực hiện Chỉ thị 21-CT/TU (hành trình thử)");
		type("from", "2021-01-01");
		type("to", "2021-12-31");
		type("due", "2022-01-15");
		submit("form[action$='/reviews']");
		waitForHeading("Sơ kết 1 năm thực hiện Chỉ thị 21-CT/TU (hành trình thử)");
		type("h-sym", "07-BC/ĐUK");
		type("h-place", "Đồng Hới");
		type("h-date", "2022-01-20");
		type("h-signer", "Phạm Văn Ký");
		submit("form[action$='/header']");
		waitForText(".alert-success", "Đã lưu.");
		check("review");
		browser.get(browser.findElement(By.linkText("Dự thảo báo cáo")).getAttribute("href"));
		waitForHeading("Dự thảo báo cáo: Sơ kết 1 năm thực hiện Chỉ thị 21-CT/TU (hành trình thử)");
		WebElement first = browser.findElement(By.cssSelector("form[action*='/draft/'] textarea"));
		first.clear();
		first.sendKeys("Ban Thường vụ Đảng uỷ Khối đã ban hành Kế hoạch 03-KH/ĐUK (hành trình thử).");
		submit("form[action*='/draft/']");
		waitForText("main", "Phiên bản 1");
		WebElement reports = browser
			.findElement(By.xpath("//table[caption[contains(., 'Báo cáo định kỳ của các tổ chức theo kỳ')]]"));
		List<String> firstHalf = reports.findElements(By.cssSelector("tbody tr"))
			.get(0)
			.findElements(By.tagName("td"))
			.stream()
			.map(WebElement::getText)
			.toList();
		// expected, submitted, on time, accepted, returned at least once
		assertThat(firstHalf.subList(1, 6)).containsExactly("1", "1", "1", "1", "0");
		check("draft");

		// The drafted report downloaded from the page as DOCX.
		WebElement download = browser.findElement(By.linkText("Tải báo cáo (DOCX)"));
		((JavascriptExecutor) browser).executeScript("arguments[0].click();", download);
		Path docx = downloaded(".docx");
		try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			String all = extractor.getText();
			assertThat(all).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 07-BC/ĐUK", "Đồng Hới, ngày 20 tháng 01 năm 2022",
					"BÁO CÁO", "Sơ kết 1 năm thực hiện Chỉ thị 21-CT/TU (hành trình thử)",
					"Ban Thường vụ Đảng uỷ Khối đã ban hành Kế hoạch 03-KH/ĐUK (hành trình thử).", "Phạm Văn Ký",
					"PHỤ LỤC SỐ LIỆU");
			List<String> headings = doc.getParagraphs()
				.stream()
				.map(XWPFParagraph::getText)
				.filter((t) -> t.matches("^[IVX]+\\. .*"))
				.toList();
			assertThat(headings).first().asString().startsWith("I. ");
			assertThat(headings).hasSizeGreaterThanOrEqualTo(7);
		}

		assertThat(this.accessibilityProblems).as("serious or critical axe-core violations").isEmpty();
	}

	private void logIn(String username) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("secret-" + username);
		browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/logout']")));
	}

	private void logOut() {
		browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
	}

	/**
	 * Types into a field; date fields get their ISO value the way the date picker sets
	 * it.
	 */
	private void type(String id, String value) {
		WebElement field = browser.findElement(By.id(id));
		if ("date".equals(field.getAttribute("type"))) {
			((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, value);
		}
		else {
			field.clear();
			field.sendKeys(value);
		}
	}

	private void submit(String formSelector) {
		WebElement form = browser.findElement(By.cssSelector(formSelector));
		WebElement old = browser.findElement(By.tagName("html"));
		WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
		// a click as the user makes it; through the DOM because the headless window's
		// geometry sometimes reports the bottom button as covered
		((JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
		this.wait.until(ExpectedConditions.stalenessOf(old));
	}

	private void waitForHeading(String heading) {
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
	}

	private void waitForText(String selector, String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(selector), text));
	}

	private static String text(String selector) {
		return browser.findElement(By.cssSelector(selector)).getText();
	}

	private Path downloaded(String extension) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try (Stream<Path> files = Files.list(downloads)) {
				List<Path> done = files.filter((p) -> p.toString().endsWith(extension)).toList();
				if (!done.isEmpty() && Files.size(done.get(0)) > 0) {
					return done.get(0);
				}
			}
			Thread.sleep(200);
		}
		try (Stream<Path> files = Files.list(downloads)) {
			return fail("no " + extension + " downloaded into " + downloads + ": " + files.toList());
		}
	}

	/** Runs axe-core in the page and keeps its serious and critical violations. */
	@SuppressWarnings("unchecked")
	private void check(String page) throws IOException {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript(axeSource());
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
				    nodes: v.nodes.map((n) => n.target.join(' ') + ' ' + n.html.substring(0, 120)) }))))
				  .catch((e) => done('axe failed: ' + e));
				""");
		if (result instanceof String) {
			fail(page + ": " + result);
		}
		for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
			Object impact = violation.get("impact");
			if ("serious".equals(impact) || "critical".equals(impact)) {
				this.accessibilityProblems.add(page + ": " + impact + " " + violation.get("id") + " ("
						+ violation.get("help") + ") " + violation.get("nodes"));
			}
		}
	}

	private static String axeSource;

	private static String axeSource() throws IOException {
		if (axeSource == null) {
			try (InputStream in = DirectiveJourneyTests.class.getResourceAsStream("/axe/axe.min.js")) {
				assertThat(in).as("axe/axe.min.js on the test class path").isNotNull();
				axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return axeSource;
	}

	private static String path(String url) {
		return url.replaceFirst("^https?://[^/]+", "");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
