package vn.capuy.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.FullTest;
import vn.capuy.sample.SampleCommittee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A leader of the bloc uses the application in a real browser (Debian's headless
 * Chromium): logs in through the form, opens the tree on the day of the 2012 story, finds
 * a member by typing the name without diacritics and opens the member's file. axe-core
 * checks every page on the way for serious or critical accessibility violations.
 */
@FullTest
class BrowserJourneyTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final Pattern NUMBER = Pattern.compile("\\d[\\d.,\\u00a0]*");

	static Path profile;

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final List<String> accessibilityProblems = new ArrayList<>();

	@BeforeAll
	static void startChromium() throws IOException {
		if (!installed()) {
			return;
		}
		profile = Files.createTempDirectory("capuy-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1366,900", "--lang=vi", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	/** Skipped without Chromium on a developer's machine; a failure on CI. */
	@BeforeEach
	void chromiumIsInstalled() {
		if (!installed()) {
			String message = "Chromium is missing (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "): apt-get install chromium chromium-driver";
			if ("true".equals(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message);
		}
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
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	@Test
	void aLeaderFindsTheBlocOfTheStoryAndAMemberTypedWithoutDiacritics() throws IOException {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

		// Log in through the form.
		browser.get(url("/login"));
		assertThat(browser.getTitle()).isEqualTo("Đăng nhập");
		checkAccessibility("login");
		browser.findElement(By.id("username")).sendKeys("lanhdao");
		browser.findElement(By.id("password")).sendKeys(SampleCommittee.PASSWORD);
		browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/logout']")));
		assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));

		// The tree on the day of the story shows the bloc with its members.
		browser.get(url("/organizations?asOf=2012-10-31"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cây tổ chức đảng");
		List<WebElement> blocs = browser.findElements(By.linkText(SampleCommittee.BLOC_NAME));
		assertThat(blocs).as("the bloc %s on the tree", SampleCommittee.BLOC_NAME).isNotEmpty();
		for (WebElement bloc : blocs) {
			long id = organizationId(bloc.getAttribute("href"));
			String counts = bloc.findElement(By.xpath("following-sibling::span[@class='counts']")).getText();
			assertThat(counts).matches("\\(\\d[\\d.]* chính thức, \\d[\\d.]* dự bị, \\d[\\d.]* miễn\\)");
			assertThat(numbers(counts)).as("member counts of %s (id %d)", SampleCommittee.BLOC_NAME, id)
				.isEqualTo(countsInSql(id, SampleCommittee.STORY_DATE));
			assertThat(numbers(counts).get(0)).isGreaterThan(100);
		}
		Files.createDirectories(SCREENSHOTS);
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve("tree-2012-10-31.png"), StandardCopyOption.REPLACE_EXISTING);
		checkAccessibility("tree");

		// Search a member typed without diacritics.
		browser.get(url("/members"));
		checkAccessibility("member list");
		WebElement search = browser.findElement(By.id("q"));
		search.sendKeys("tran xuan vinh");
		browser.findElement(By.cssSelector("form[action$='/members'] button[type=submit]")).click();
		WebElement found = wait
			.until(ExpectedConditions.elementToBeClickable(By.linkText(SampleCommittee.VINH.fullName())));
		assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).isNotEmpty();
		checkAccessibility("member list with results");

		// The member's file names the member and the cell.
		found.click();
		wait.until(ExpectedConditions.titleIs(SampleCommittee.VINH.fullName()));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(SampleCommittee.VINH.fullName());
		assertThat(browser.findElements(By.linkText(SampleCommittee.VINH.cellName()))).isNotEmpty();
		checkAccessibility("member page");

		assertThat(this.accessibilityProblems).as("serious or critical axe-core violations").isEmpty();
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
			try (InputStream in = BrowserJourneyTests.class.getResourceAsStream("/axe/axe.min.js")) {
				assertThat(in).as("axe/axe.min.js on the test class path").isNotNull();
				axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return axeSource;
	}

	/** Full, probationary and exempt members in an organisation's subtree, by SQL. */
	private List<Long> countsInSql(long organizationId, LocalDate d) {
		Map<String, Long> byStatus = this.jdbc.sql("""
				SELECT st.status, count(DISTINCT ms.member_id) AS n
				FROM organization_closure c
				JOIN membership ms ON ms.organization_id = c.descendant_id
				 AND ms.valid_from <= :d AND (ms.valid_to IS NULL OR ms.valid_to > :d)
				JOIN member_status st ON st.member_id = ms.member_id
				 AND st.valid_from <= :d AND (st.valid_to IS NULL OR st.valid_to > :d)
				WHERE c.ancestor_id = :id AND c.valid_from <= :d AND (c.valid_to IS NULL OR c.valid_to > :d)
				GROUP BY st.status
				""")
			.param("id", organizationId)
			.param("d", d)
			.query((rs, i) -> Map.entry(rs.getString("status"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return List.of(byStatus.getOrDefault("FULL", 0L), byStatus.getOrDefault("PROBATIONARY", 0L),
				byStatus.getOrDefault("EXEMPT", 0L));
	}

	private static List<Long> numbers(String text) {
		List<Long> numbers = new ArrayList<>();
		Matcher m = NUMBER.matcher(text);
		while (m.find()) {
			numbers.add(Long.parseLong(m.group().replaceAll("[^\\d]", "")));
		}
		return numbers;
	}

	private static long organizationId(String href) {
		Matcher m = Pattern.compile("/organizations/(\\d+)").matcher(href);
		assertThat(m.find()).as("organisation link %s", href).isTrue();
		return Long.parseLong(m.group(1));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
