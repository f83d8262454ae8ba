package vn.capuy.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;
import vn.capuy.Fixtures;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A cell secretary records the cell's November meeting in a real browser (Debian's
 * headless Chromium): plans the year, edits the agenda, ticks the preparation, records
 * the meeting as held, the attendance member by member, the minutes by agenda item (a
 * report, a criticism, the resolution), a vote and a resolution task; approves and locks
 * the minutes; a page still open on the draft tries an edit and is refused with the rule;
 * the minutes book of the year downloads as PDF and DOCX and holds what was written.
 * axe-core checks the pages on the way.
 */
@FullTest
class MeetingJourneyTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	static final String[] MEMBERS = { "Lê Văn Hành", "Phạm Thị Thu", "Nguyễn Đức Toàn", "Võ Thị Hằng",
			"Đặng Quốc Bảo" };

	static final String RESOLUTION = "Chi bộ thống nhất hoàn thành báo cáo tổng kết năm trước ngày 15/12 (thử).";

	static final String CRITICISM = "Phê bình việc chậm gửi báo cáo quý của tổ chuyên môn (thử).";

	static final String TASK = "Dự thảo báo cáo tổng kết năm của chi bộ (thử)";

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

	String cellName;

	long cell;

	String username;

	@BeforeAll
	static void startChromium() throws IOException {
		if (!installed()) {
			return;
		}
		profile = Files.createTempDirectory("capuy-chromium-meeting-");
		downloads = Files.createTempDirectory("capuy-downloads-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1366,900", "--lang=vi", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		browser = chrome;
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	@BeforeEach
	void chromiumAndACell() {
		if (!installed()) {
			String message = "Chromium is missing: apt-get install chromium chromium-driver";
			if ("true".equals(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message);
		}
		long root = this.fixtures.root("Tỉnh thử hành trình sinh hoạt", START);
		long committee = this.fixtures.child(root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Hành Trình", START);
		this.cellName = "Chi bộ Phòng Hành Trình " + Fixtures.next();
		this.cell = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, this.cellName, START);
		for (String name : MEMBERS) {
			this.fixtures.member(this.cell, name, START);
		}
		this.username = this.fixtures.username(this.fixtures.user("bithu-hanh-trinh", Role.SECRETARY, this.cell));
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

	@Test
	void aSecretaryRecordsTheMeetingFromAgendaToLockedMinutesAndDownloadsTheBook() throws IOException {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

		// Log in through the form.
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(this.username);
		browser.findElement(By.id("password")).sendKeys("secret-" + this.username);
		browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/logout']")));

		// Plan the year of the cell: 12 regular and 4 thematic meetings.
		browser.get(url("/meetings?organizationId=" + this.cell));
		assertThat(new Select(browser.findElement(By.id("plan-org"))).getFirstSelectedOption().getText())
			.isEqualTo(this.cellName);
		WebElement year = browser.findElement(By.id("plan-year"));
		year.clear();
		year.sendKeys("2026");
		submit("form[action$='/meetings/plan']");
		assertThat(alert("alert-success")).isEqualTo("Đã thêm 16 buổi vào kế hoạch năm 2026.");
		checkAccessibility("meeting list");

		// November's regular meeting: on the 3rd (a Tuesday), planned, no minutes.
		browser.get(url("/meetings?organizationId=" + this.cell + "&from=2026-11-01&to=2026-11-30"));
		WebElement row = browser.findElement(
				By.xpath("//table//tr[td[3][normalize-space()='Sinh hoạt chi bộ thường kỳ']][td[2][normalize-space()='"
						+ this.cellName + "']]"));
		assertThat(row.findElement(By.xpath("td[4]")).getText()).contains("Dự kiến");
		click(row.findElement(By.linkText("03/11/2026")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agenda")));
		assertThat(browser.findElement(By.tagName("h1")).getText())
			.isEqualTo("Sinh hoạt chi bộ thường kỳ — " + this.cellName);
		String meetingPage = browser.getCurrentUrl();

		// The agenda starts from the template; the secretary adds an item.
		List<String> template = texts(By.cssSelector("h2 + ol > li"));
		assertThat(template).isNotEmpty();
		WebElement agenda = browser.findElement(By.id("agenda"));
		String lines = agenda.getAttribute("value");
		agenda.clear();
		agenda.sendKeys(lines.strip() + "\nOTHER|Chuẩn bị tổng kết năm 2026 (thử)\n");
		submit("form[action$='/agenda']");
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(texts(By.cssSelector("h2 + ol > li"))).hasSize(template.size() + 1)
			.endsWith("Chuẩn bị tổng kết năm 2026 (thử)");

		// Preparation: the content agreed by the cell committee.
		WebElement content = browser
			.findElement(By.xpath("//form[input[@name='step' and @value='CONTENT_AGREED']]//input[@name='date']"));
		setDate(content, "2026-10-28");
		clickAndWait(content.findElement(By.xpath("ancestor::form//button")));
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(browser.findElement(By.xpath("//tr[th[normalize-space()='Chi uỷ thống nhất nội dung']]/td[1]"))
			.getText()).isEqualTo("28/10/2026");
		checkAccessibility("planned meeting");

		// The meeting is held on the planned day, 120 minutes.
		setDate(browser.findElement(By.id("held-on")), "2026-11-03");
		browser.findElement(By.id("duration")).sendKeys("120");
		browser.findElement(By.id("place")).sendKeys("Phòng họp tầng 2");
		submit("form[action$='/hold']");
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Đã họp");

		// Attendance member by member: one excused absence with its reason.
		for (String name : MEMBERS) {
			WebElement tr = browser.findElement(By.xpath("//tr[td[1][normalize-space()='" + name + "']]"));
			new Select(centered(tr.findElement(By.tagName("select"))))
				.selectByValue(name.equals("Đặng Quốc Bảo") ? "ABSENT_EXCUSED" : "PRESENT");
			if (name.equals("Đặng Quốc Bảo")) {
				tr.findElement(By.cssSelector("input[name^='reason_']")).sendKeys("Đi công tác");
			}
		}
		submit("form[action$='/attendance']");
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(browser.findElement(By.tagName("body")).getText())
			.contains("Triệu tập 5; có mặt 4; đến muộn 0; vắng có lý do 1; vắng không lý do 0; miễn sinh hoạt 0.");

		// Minutes from the agenda, item by item.
		browser.findElement(By.cssSelector("input[name='chairName']")).sendKeys("Lê Văn Hành");
		browser.findElement(By.cssSelector("input[name='recorderName']")).sendKeys("Phạm Thị Thu");
		submit("form[action$='/minutes']");
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Bản 1: Dự thảo");
		List<WebElement> items = browser.findElements(By.cssSelector("div.border-start h3"));
		assertThat(items).hasSize(template.size() + 1);
		assertThat(items.get(items.size() - 1).getText()).endsWith("Chuẩn bị tổng kết năm 2026 (thử)");
		WebElement firstReport = browser.findElement(By.cssSelector("form[action*='/items/'] textarea[name='report']"));
		firstReport.sendKeys("Chi uỷ báo cáo kết quả lãnh đạo tháng 10 (thử).");
		clickAndWait(firstReport.findElement(By.xpath("ancestor::form//button")));
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		WebElement speech = browser.findElement(By.xpath("//div[contains(@class, 'border-start')]"
				+ "[h3[contains(., 'Thảo luận; phê bình và tự phê bình')]]//form[contains(@action, '/speech')]"));
		speech.findElement(By.name("speaker")).sendKeys("Nguyễn Đức Toàn");
		speech.findElement(By.name("content")).sendKeys(CRITICISM);
		click(speech.findElement(By.name("criticism")));
		clickAndWait(speech.findElement(By.tagName("button")));
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(texts(By.cssSelector("div.border-start li")))
			.contains("Nguyễn Đức Toàn: " + CRITICISM + " (phê bình, tự phê bình)");
		browser.findElement(By.id("mi-res")).sendKeys(RESOLUTION);
		submit("form:has(#mi-res)");
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");

		// A vote on the resolution: 4 of the 5 entitled present, all for.
		WebElement vote = browser.findElement(By.cssSelector("form[action$='/votes']"));
		vote.findElement(By.name("subject")).sendKeys("Nghị quyết chi bộ tháng 11");
		vote.findElement(By.name("votesFor")).sendKeys("4");
		clickAndWait(vote.findElement(By.tagName("button")));
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(texts(By.xpath("//table[caption[normalize-space()='Kết quả biểu quyết']]/tbody/tr")))
			.anySatisfy((v) -> assertThat(v).startsWith("Nghị quyết chi bộ tháng 11 4 0 0 Thông qua (4/5 có mặt"));

		// A task of the resolution, assigned to a named member with a deadline.
		WebElement task = browser.findElement(By.cssSelector("form[action$='/tasks']"));
		task.findElement(By.name("description")).sendKeys(TASK);
		new Select(centered(task.findElement(By.name("assigneeId")))).selectByVisibleText("Võ Thị Hằng");
		setDate(task.findElement(By.name("dueOn")), "2026-12-10");
		clickAndWait(task.findElement(By.tagName("button")));
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(texts(By.xpath("//table[caption[normalize-space()='Nhiệm vụ giao cho đảng viên']]/tbody/tr")))
			.anySatisfy((t) -> assertThat(t).startsWith(TASK + " Võ Thị Hằng 10/12/2026").doesNotContain("Quá hạn"));
		assertThat(texts(By.cssSelector("h2 + ul li"))).contains("Tính lãnh đạo (nghị quyết có giao nhiệm vụ): Có",
				"Tính chiến đấu (có phê bình, tự phê bình): Có");
		checkAccessibility("held meeting with draft minutes");

		// Another tab stays open on the draft, as a second clerk's would.
		String first = browser.getWindowHandle();
		browser.switchTo().newWindow(WindowType.TAB);
		browser.get(meetingPage);
		String stale = browser.getWindowHandle();
		assertThat(browser.findElements(By.id("mi-res"))).hasSize(1);

		// Read back and approved, then locked into the book.
		browser.switchTo().window(first);
		browser.navigate().refresh();
		submit("form[action$='/approve']");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Bản 1: Đã thông qua tại buổi họp");
		assertThat(browser.findElements(By.id("mi-res"))).isEmpty();
		submit("form[action$='/lock']");
		assertThat(alert("alert-success")).isEqualTo("Đã lưu.");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Bản 1: Đã khoá vào sổ");
		assertThat(browser.findElements(By.cssSelector("form[action*='/items/']"))).isEmpty();

		// The stale tab's edit is refused with the rule; nothing changed.
		browser.switchTo().window(stale);
		WebElement res = browser.findElement(By.id("mi-res"));
		res.clear();
		res.sendKeys("Sửa nghị quyết sau khi đã khoá (thử)");
		submit("form:has(#mi-res)");
		assertThat(alert("alert-danger")).isEqualTo("Biên bản đã khoá vào sổ, không được sửa: sổ biên bản lưu giữ "
				+ "vĩnh viễn (HD 12-HD/BTCTW 2018); hãy lập bản đính chính.");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(RESOLUTION)
			.doesNotContain("Sửa nghị quyết sau khi đã khoá");
		assertThat(this.jdbc.sql("""
				SELECT x.resolution FROM minutes x JOIN meeting m ON m.id = x.meeting_id
				WHERE m.organization_id = :cell AND m.period = '2026-11' AND m.kind = 'REGULAR'
				""").param("cell", this.cell).query(String.class).single()).isEqualTo(RESOLUTION);
		checkAccessibility("locked minutes");
		browser.close();
		browser.switchTo().window(first);

		// The minutes book of 2026 downloads as PDF and DOCX and holds what was written.
		click(browser.findElement(By.linkText("Sổ biên bản năm (PDF)")));
		byte[] pdf = downloaded(".pdf");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = java.text.Normalizer
				.normalize(new PDFTextStripper().getText(document), java.text.Normalizer.Form.NFC)
				.replaceAll("\\s+", " ");
			assertThat(text).contains(this.cellName).contains("Chi bộ thống nhất hoàn thành báo cáo tổng kết năm");
		}
		click(browser.findElement(By.linkText("Sổ biên bản năm (DOCX)")));
		byte[] docx = downloaded(".docx");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			String text = extractor.getText();
			assertThat(text).contains(RESOLUTION).contains(CRITICISM).contains(TASK);
		}

		assertThat(this.accessibilityProblems).as("serious or critical axe-core violations").isEmpty();
	}

	/** Clicks the submit button of the form and waits for the next page. */
	private static void submit(String formSelector) {
		for (int attempt = 1;; attempt++) {
			WebElement form = browser.findElement(By.cssSelector(formSelector));
			WebElement button = form.findElement(By.cssSelector("button[type=submit], button"));
			try {
				click(button);
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// the page was still being replaced when the button was found (the node
				// left the document before the click reached it): nothing was posted, so
				// find the form on the new page and click again
				boolean gone = ex instanceof org.openqa.selenium.StaleElementReferenceException
						|| String.valueOf(ex.getMessage()).contains("does not belong to the document");
				if (!gone || attempt == 3) {
					throw ex;
				}
				continue;
			}
			new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(button));
			return;
		}
	}

	/** Clicks a button that posts a form and waits until the page it was on is gone. */
	private static void clickAndWait(WebElement button) {
		click(button);
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(button));
	}

	/**
	 * Clicks an element scrolled to the middle of the window (the layout has a fixed
	 * bar).
	 */
	private static void click(WebElement element) {
		try {
			centered(element).click();
		}
		catch (ElementClickInterceptedException ex) {
			// still scrolling (Bootstrap's smooth scroll): the same click, dispatched by
			// the page
			((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
		}
	}

	private static WebElement centered(WebElement element) {
		((JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		return element;
	}

	private String alert(String kind) {
		return browser.findElement(By.cssSelector("div.alert." + kind)).getText();
	}

	private static List<String> texts(By by) {
		return browser.findElements(by).stream().map(WebElement::getText).toList();
	}

	/** Types an ISO date into a date input the way the browser stores it. */
	private static void setDate(WebElement input, String iso) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, iso);
	}

	/** Waits for the download with the suffix to finish and reads it. */
	private static byte[] downloaded(String suffix) throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try (Stream<Path> files = Files.list(downloads)) {
				List<Path> done = files.filter((p) -> p.getFileName().toString().endsWith(suffix)).toList();
				if (!done.isEmpty()) {
					byte[] bytes = Files.readAllBytes(done.get(0));
					if (bytes.length > 0) {
						return bytes;
					}
				}
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("no " + suffix + " downloaded into " + downloads);
	}

	/** Runs axe-core in the page and keeps its serious and critical violations. */
	@SuppressWarnings("unchecked")
	private void checkAccessibility(String page) throws IOException {
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
			try (InputStream in = MeetingJourneyTests.class.getResourceAsStream("/axe/axe.min.js")) {
				assertThat(in).as("axe/axe.min.js on the test class path").isNotNull();
				axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return axeSource;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
