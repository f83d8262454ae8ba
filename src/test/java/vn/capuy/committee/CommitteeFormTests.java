package vn.capuy.committee;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.document.Documents;
import vn.capuy.document.Secrecy;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a user sees when a committee form is refused (the page again, the form as typed,
 * the message next to the field, nothing saved), and a regulation's document uploaded
 * through the API or taken from the document register.
 */
@FullTest
class CommitteeFormTests {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	static final LocalDate CONGRESS = LocalDate.of(2025, 9, 1);

	/** The smallest file the content check takes for a PDF. */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Committees committees;

	@Autowired
	Regulations regulations;

	@Autowired
	FunctionChecklists checklists;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long root;

	long committee;

	long cell;

	long otherCell;

	String user;

	Http browser;

	@BeforeEach
	void tree() {
		this.root = this.fixtures.root("Tỉnh thử biểu mẫu", START);
		long bloc = this.fixtures.child(this.root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử biểu mẫu", START);
		this.committee = this.fixtures.child(bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Biểu Mẫu", START);
		this.cell = this.fixtures.child(this.committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Mẫu", START);
		this.otherCell = this.fixtures.child(this.committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng Khác",
				START);
		this.user = this.fixtures.username(this.fixtures.user("bm", Role.OFFICE, this.root));
		this.browser = new Http(this.port);
		this.browser.login(this.user, "secret-" + this.user);
	}

	private HttpResponse<String> post(String page, String action, Map<String, String> form) {
		Map<String, String> withToken = new java.util.HashMap<>(form);
		withToken.put("_csrf", this.browser.csrf(page));
		return this.browser.postForm(action, withToken);
	}

	/** The element with the id, as the page shows it. */
	private static String element(String html, String id) {
		int at = html.indexOf("id=\"" + id + "\"");
		assertThat(at).as("element #" + id).isPositive();
		int start = html.lastIndexOf('<', at);
		return html.substring(start, html.indexOf('>', at) + 1);
	}

	private static String feedback(String html, String id) {
		int at = html.indexOf("id=\"" + id + "-error\"");
		assertThat(at).as("message next to #" + id).isPositive();
		return html.substring(html.indexOf('>', at) + 1, html.indexOf("</div>", at));
	}

	@Test
	void aRefusedTermFormComesBackAsTypedWithTheMessageNextToTheField() {
		String page = "/committees/organizations/" + this.cell + "?asOf=" + CONGRESS;
		HttpResponse<String> refused = post(page, "/committees/organizations/" + this.cell + "/terms",
				Map.of("label", " ", "number", "3", "congressDate", CONGRESS.toString(), "openedBy", "APPOINTMENT",
						"decisionRef", "Quyết định thử số 7", "asOf", CONGRESS.toString()));
		assertThat(refused.statusCode()).isEqualTo(400);
		String html = refused.body();
		assertThat(element(html, "term-label")).contains("is-invalid")
			.contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"term-label-error\"");
		assertThat(feedback(html, "term-label")).isEqualTo("Nhiệm kỳ: bắt buộc phải nhập");
		assertThat(element(html, "term-ref")).contains("value=\"Quyết định thử số 7\"").doesNotContain("is-invalid");
		assertThat(element(html, "term-number")).contains("value=\"3\"");
		assertThat(html).contains("<option value=\"APPOINTMENT\" selected=\"selected\"");
		// the other forms of the page are untouched
		assertThat(element(html, "pos-ref")).contains("value=\"\"");
		assertThat(this.committees.terms(this.cell)).isEmpty();
	}

	@Test
	void aRefusedPositionFormNamesTheOrganisationTheMemberBelongsTo() {
		this.committees.openTerm(this.system, this.cell,
				new Committees.NewTerm(1, "2025–2030", CONGRESS, null, "CONGRESS", null));
		long stranger = this.fixtures.member(this.otherCell, "Hồ Văn Khác", START);
		String page = "/committees/organizations/" + this.cell + "?asOf=" + CONGRESS;
		HttpResponse<String> refused = post(page, "/committees/organizations/" + this.cell + "/positions",
				Map.of("position", "SECRETARY", "memberId", String.valueOf(stranger), "validFrom", CONGRESS.toString(),
						"decisionRef", "Biên bản bầu thử", "asOf", CONGRESS.toString()));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(feedback(refused.body(), "pos-member")).startsWith("Đảng viên: đồng chí Hồ Văn Khác")
			.contains("“Chi bộ Phòng Khác”")
			.contains("không thuộc “Chi bộ Phòng Mẫu”");
		assertThat(element(refused.body(), "pos-ref")).contains("value=\"Biên bản bầu thử\"");
		assertThat(this.committees.committee(this.system, this.cell, CONGRESS).positions()).isEmpty();
		// a refused rule stands at the top of its form: the cell's second deputy
		long first = this.fixtures.member(this.cell, "Hồ Văn Phó", START);
		long second = this.fixtures.member(this.cell, "Hồ Thị Phó", START);
		this.committees.recordPosition(this.system, this.cell,
				new Committees.NewPosition(Position.DEPUTY_SECRETARY, first, CONGRESS, null, FilledBy.ELECTED, null));
		HttpResponse<String> rule = post(page, "/committees/organizations/" + this.cell + "/positions",
				Map.of("position", "DEPUTY_SECRETARY", "memberId", String.valueOf(second), "validFrom",
						CONGRESS.plusDays(1).toString(), "asOf", CONGRESS.toString()));
		assertThat(rule.statusCode()).isEqualTo(409);
		String form = rule.body().substring(rule.body().indexOf("id=\"form-position\""));
		assertThat(form.substring(0, form.indexOf("</form>"))).contains("role=\"alert\"")
			.contains("Chi bộ chỉ có 1 phó bí thư cùng lúc (Quy định 294-QĐ/TW ngày 26/5/2025)")
			.contains("Hồ Văn Phó");
		assertThat(element(rule.body(), "pos-from")).contains("value=\"" + CONGRESS.plusDays(1) + "\"");
	}

	@Test
	void aRefusedFieldFormKeepsTheName() {
		HttpResponse<String> refused = post("/committees/fields", "/committees/fields",
				Map.of("code", "sai mã", "name", "Công tác dân vận khối thử", "sortOrder", "12"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(feedback(refused.body(), "f-code")).isEqualTo("Mã: mã gồm chữ in hoa, chữ số và dấu gạch dưới");
		assertThat(element(refused.body(), "f-code")).contains("value=\"sai mã\"").contains("is-invalid");
		assertThat(element(refused.body(), "f-name")).contains("value=\"Công tác dân vận khối thử\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM assignment_field WHERE name = 'Công tác dân vận khối thử'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRefusedChecklistItemKeepsItsSource() {
		HttpResponse<String> refused = post("/committees/checklists?type=CHI_BO_CO_SO", "/committees/checklists",
				Map.of("type", "CHI_BO_CO_SO", "text", "", "sourceDocument", "Quy định thử 99-QĐ/TW", "sortOrder", "40",
						"verified", "true"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(feedback(refused.body(), "c-text")).startsWith("Nội dung: ");
		assertThat(element(refused.body(), "c-source")).contains("value=\"Quy định thử 99-QĐ/TW\"");
		assertThat(element(refused.body(), "c-verified")).contains("checked");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM function_checklist_item WHERE source_document = 'Quy định thử 99-QĐ/TW'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRefusedSelfCheckKeepsTheAnswersAndSaysWhyAtTheTop() {
		int year = 2025;
		List<FunctionChecklists.Item> items = this.checklists.items(OrganizationType.DANG_BO_CO_SO,
				LocalDate.of(year, 12, 31));
		assertThat(items).isNotEmpty();
		long item = items.get(0).id();
		long foreign = this.checklists.items(OrganizationType.CHI_BO_TRUC_THUOC, LocalDate.of(year, 12, 31))
			.get(0)
			.id();
		String page = "/committees/organizations/" + this.committee + "/self-check?year=" + year;
		HttpResponse<String> refused = post(page, "/committees/organizations/" + this.committee + "/self-check",
				Map.of("year", String.valueOf(year), "item-" + item, "false", "note-" + item, "Chưa làm vì thử",
						"item-" + foreign, "true"));
		assertThat(refused.statusCode()).isEqualTo(400);
		String html = refused.body();
		String form = html.substring(html.indexOf("<form"));
		assertThat(form).contains("role=\"alert\"").contains("Nội dung: nội dung " + foreign + " không thuộc danh mục");
		assertThat(element(html, "note-" + item)).contains("value=\"Chưa làm vì thử\"");
		assertThat(html.substring(html.indexOf("id=\"item-" + item + "\"")))
			.containsPattern("(?s)^[^/]*<option value=\"true\"[^>]*>[^<]*</option>\\s*<option value=\"false\" "
					+ "selected=\"selected\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM function_self_check WHERE organization_id = :o")
			.param("o", this.committee)
			.query(Integer.class)
			.single()).isZero();
	}

	private long workingRegulation(long org) {
		this.committees.openTerm(this.system, org,
				new Committees.NewTerm(1, "2025–2030", CONGRESS, null, "CONGRESS", null));
		return this.regulations.adopt(this.system, org, new Regulations.NewRegulation(Regulations.Kind.WORKING, null,
				null, "01-QC/ĐU", "Quy chế làm việc thử", CONGRESS.plusDays(20), null, null, null));
	}

	private HttpResponse<byte[]> upload(String user, long regulation, String fileName, byte[] body) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/regulations/" + regulation
						+ "/attachment?fileName=" + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":secret-" + user).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/octet-stream")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<byte[]> download(String user, long regulation) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI
					.create("http://127.0.0.1:" + this.port + "/api/v1/regulations/" + regulation + "/attachment"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":secret-" + user).getBytes(StandardCharsets.UTF_8)))
				.GET()
				.build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A zip that is a DOCX package by its entries (what the content check reads). */
	static byte[] docx() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String name : List.of("[Content_Types].xml", "word/document.xml")) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	@Test
	void aRegulationsDocumentIsUploadedThroughTheApiCheckedByItsContent() {
		long regulation = workingRegulation(this.committee);
		// a text file named .pdf is refused, naming the file field
		HttpResponse<byte[]> text = upload(this.user, regulation, "quy-che.pdf",
				"Quy chế làm việc (không phải PDF)".getBytes(StandardCharsets.UTF_8));
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(new String(text.body(), StandardCharsets.UTF_8)).contains("Tệp: chỉ nhận tệp PDF, DOCX");
		assertThat(this.regulations.get(this.system, regulation).attachmentName()).isNull();
		// a DOCX without extension, sent with a Windows path, is taken as the DOCX it is
		byte[] docx = docx();
		HttpResponse<byte[]> stored = upload(this.user, regulation, "C:\\Tài liệu\\quy-che-lam-viec", docx);
		assertThat(stored.statusCode()).isEqualTo(201);
		assertThat(new String(stored.body(), StandardCharsets.UTF_8)).contains("\"kind\":\"DOCX\"");
		HttpResponse<byte[]> back = download(this.user, regulation);
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(back.headers().firstValue("Content-Disposition").orElseThrow()).contains("quy-che-lam-viec.docx");
		assertThat(back.body()).isEqualTo(docx);
		// never replaced: an amendment is a new version
		assertThat(upload(this.user, regulation, "khac.pdf", PDF).statusCode()).isEqualTo(409);
		assertThat(download(this.user, regulation).body()).isEqualTo(docx);
		// a regulation ends with a date and a reason, through the API too
		HttpResponse<String> closed = new Http(this.port).basic(this.user, "secret-" + this.user)
			.postJson("/api/v1/regulations/" + regulation + "/close",
					"{\"date\":\"" + CONGRESS.plusYears(1) + "\",\"reason\":\"Thay bằng quy chế mới\"}");
		assertThat(closed.statusCode()).isEqualTo(200);
		assertThat(this.regulations.get(this.system, regulation).validTo()).isEqualTo(CONGRESS.plusYears(1));
		// outside the caller's scope: 404, both ways
		long elsewhere = this.fixtures.root("Tỉnh ngoài biểu mẫu", START);
		String stranger = this.fixtures.username(this.fixtures.user("bmk", Role.OFFICE, elsewhere));
		assertThat(upload(stranger, regulation, "x.pdf", PDF).statusCode()).isEqualTo(404);
		assertThat(download(stranger, regulation).statusCode()).isEqualTo(404);
	}

	/**
	 * A browser of its own (the shared helper sends no multipart): logs in, reads the
	 * page's CSRF token and posts the form with a file, as a browser does.
	 */
	private HttpResponse<String> postWithFile(String page, String action, Map<String, String> fields, String fileName,
			byte[] file) {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		try {
			String login = client
				.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
				.body();
			String form = "username=" + this.user + "&password=secret-" + this.user + "&_csrf=" + token(login);
			client.send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding());
			String token = token(client
				.send(HttpRequest.newBuilder(uri(page)).GET().build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
				.body());
			String boundary = "----capuy" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			Map<String, String> all = new java.util.LinkedHashMap<>(fields);
			all.put("_csrf", token);
			for (Map.Entry<String, String> e : all.entrySet()) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
						+ "\"\r\n\r\n" + e.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return client.send(HttpRequest.newBuilder(uri(action))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String token(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("CSRF token").isTrue();
		return m.group(1);
	}

	@Test
	void theRegulationFormChecksTheUploadByContentToo() {
		this.committees.openTerm(this.system, this.committee,
				new Committees.NewTerm(1, "2025–2030", CONGRESS, null, "CONGRESS", null));
		String page = "/committees/organizations/" + this.committee + "?asOf=" + CONGRESS;
		HttpResponse<String> refused = postWithFile(page,
				"/committees/organizations/" + this.committee + "/regulations",
				Map.of("kind", "WORKING", "symbol", "02-QC/ĐU", "title", "Quy chế tệp sai", "adoptedOn",
						CONGRESS.plusDays(3).toString(), "asOf", CONGRESS.toString()),
				"quy-che.pdf", "MZ not a pdf at all".getBytes(StandardCharsets.US_ASCII));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(feedback(refused.body(), "reg-file"))
			.isEqualTo("Tệp: chỉ nhận tệp PDF, DOCX, PNG hoặc JPEG (nhận biết theo nội dung tệp)");
		assertThat(element(refused.body(), "reg-symbol")).contains("value=\"02-QC/ĐU\"");
		assertThat(this.regulations.of(this.system, this.committee)).isEmpty();
		// a real PDF is taken, its type read from the content
		HttpResponse<String> taken = postWithFile(page, "/committees/organizations/" + this.committee + "/regulations",
				Map.of("kind", "WORKING", "symbol", "02-QC/ĐU", "title", "Quy chế có tệp", "adoptedOn",
						CONGRESS.plusDays(3).toString(), "asOf", CONGRESS.toString()),
				"quy-che.pdf", PDF);
		assertThat(taken.statusCode()).isEqualTo(302);
		Regulations.Regulation regulation = this.regulations.of(this.system, this.committee).get(0);
		assertThat(regulation.attachmentName()).isEqualTo("quy-che.pdf");
		assertThat(this.regulations.attachment(this.system, regulation.id()).type()).isEqualTo("application/pdf");
	}

	@Test
	void aRegulationTakesItsDocumentFromTheRegister() {
		this.committees.openTerm(this.system, this.committee,
				new Committees.NewTerm(1, "2025–2030", CONGRESS, null, "CONGRESS", null));
		String symbol = (Fixtures.next() % 900 + 1) + "-QC/ĐU";
		long document = this.documents.receive(this.system,
				new Documents.ReceiveRequest(symbol, null, CONGRESS.plusDays(15), "Đảng uỷ Sở Biểu Mẫu",
						"Quy chế làm việc của Đảng uỷ nhiệm kỳ 2025–2030", null, null, Secrecy.NONE, this.committee,
						CONGRESS.plusDays(16), null, null, null));
		long id = this.regulations.adopt(this.system, this.committee, new Regulations.NewRegulation(
				Regulations.Kind.WORKING, null, null, null, null, null, null, null, null, document));
		Regulations.Regulation adopted = this.regulations.get(this.system, id);
		assertThat(adopted.documentId()).isEqualTo(document);
		assertThat(adopted.symbol()).isEqualTo(symbol);
		assertThat(adopted.title()).isEqualTo("Quy chế làm việc của Đảng uỷ nhiệm kỳ 2025–2030");
		assertThat(adopted.adoptedOn()).isEqualTo(CONGRESS.plusDays(15));
		String html = this.browser.get("/committees/organizations/" + this.committee + "?asOf=" + CONGRESS.plusDays(20))
			.body();
		assertThat(html).contains("href=\"/documents/" + document + "\"");
		// a document that is not a regulation is refused
		long directive = this.documents.receive(this.system,
				new Documents.ReceiveRequest((Fixtures.next() % 900 + 1) + "-CT/TU", null, CONGRESS, "Tỉnh uỷ thử",
						"Chỉ thị thử", null, null, Secrecy.NONE, this.committee, CONGRESS, null, null, null));
		assertThatThrownBy(
				() -> this.regulations.adopt(this.system, this.committee,
						new Regulations.NewRegulation(Regulations.Kind.INSPECTION_WORKING, null, null, null, null, null,
								null, null, null, directive)))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("documentId");
				assertThat(ex.messageKey()).isEqualTo("committee.error.document.type");
			});
	}

}
