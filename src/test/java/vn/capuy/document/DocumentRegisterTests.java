package vn.capuy.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import vn.capuy.identity.Users;
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@FullTest
class DocumentRegisterTests {

	static final LocalDate START = LocalDate.of(2007, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Documents documents;

	@Autowired
	DocumentTerms terms;

	@Autowired
	Attachments attachments;

	@Autowired
	Users users;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long bloc;

	long committeeA;

	long committeeB;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử văn bản", START);
		this.bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ Khối thử", START);
		this.committeeA = this.fixtures.child(this.bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Một", START);
		this.committeeB = this.fixtures.child(this.bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Hai", START);
	}

	Documents.IssueRequest request(long issuer, DocumentType type, LocalDate on, String title, Secrecy secrecy,
			boolean congress, List<Long> recipients) {
		return new Documents.IssueRequest(issuer, type, on, title, "Tóm tắt thử", "Đoạn một.\nĐoạn hai.", "Đồng Hới",
				"T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Ký", secrecy, congress, null, recipients, List.of("Lưu VP"),
				null);
	}

	Documents.Issued issue(long issuer, DocumentType type, LocalDate on) {
		return this.documents.issue(this.system,
				request(issuer, type, on, "Văn bản thử " + Fixtures.next(), Secrecy.NONE, false, List.of()));
	}

	@Test
	void numbersRunFromOnePerTypeWithinATermAndRestartAfterTheCongress() {
		assertThat(issue(this.bloc, DocumentType.PLAN, LocalDate.of(2008, 1, 10)).symbol()).isEqualTo("01-KH/ĐUK");
		assertThat(issue(this.bloc, DocumentType.PLAN, LocalDate.of(2008, 2, 10)).symbol()).isEqualTo("02-KH/ĐUK");
		assertThat(issue(this.bloc, DocumentType.REPORT, LocalDate.of(2008, 3, 10)).symbol()).isEqualTo("01-BC/ĐUK");
		// decisions and regulations share the QĐ sequence, so a symbol is never printed
		// twice
		assertThat(issue(this.bloc, DocumentType.DECISION, LocalDate.of(2008, 3, 11)).number()).isEqualTo(1);
		assertThat(issue(this.bloc, DocumentType.REGULATION, LocalDate.of(2008, 3, 12)).symbol())
			.isEqualTo("02-QĐ/ĐUK");
		assertThat(issue(this.bloc, DocumentType.PLAN, LocalDate.of(2010, 5, 1)).symbol()).isEqualTo("03-KH/ĐUK");

		this.terms.declareCongress(this.system, this.bloc, LocalDate.of(2010, 6, 24), LocalDate.of(2010, 6, 25),
				"Đại hội thử");
		// congress documents: their own sequence across types
		assertThat(this.documents
			.issue(this.system,
					request(this.bloc, DocumentType.RESOLUTION, LocalDate.of(2010, 6, 25), "Nghị quyết đại hội",
							Secrecy.NONE, true, List.of()))
			.symbol()).isEqualTo("01-NQ/ĐUK");
		assertThat(this.documents
			.issue(this.system,
					request(this.bloc, DocumentType.MINUTES, LocalDate.of(2010, 6, 25), "Biên bản kiểm phiếu",
							Secrecy.NONE, true, List.of()))
			.symbol()).isEqualTo("02-BB/ĐUK");
		// the old term runs to the closing day of the congress
		assertThat(issue(this.bloc, DocumentType.PLAN, LocalDate.of(2010, 6, 25)).symbol()).isEqualTo("04-KH/ĐUK");
		// the new term starts the day after: numbering restarts
		assertThat(issue(this.bloc, DocumentType.PLAN, LocalDate.of(2010, 6, 26)).symbol()).isEqualTo("01-KH/ĐUK");
		assertThat(issue(this.bloc, DocumentType.REPORT, LocalDate.of(2010, 7, 1)).symbol()).isEqualTo("01-BC/ĐUK");
		// the same 01-KH/ĐUK now exists twice, told apart by date
		assertThat(this.jdbc.sql("SELECT count(*) FROM document WHERE symbol = '01-KH/ĐUK' AND issuer_org_id = :o")
			.param("o", this.bloc)
			.query(Long.class)
			.single()).isEqualTo(2);
		// no congress on that date
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> this.documents.issue(this.system, request(this.bloc, DocumentType.RESOLUTION,
						LocalDate.of(2011, 1, 5), "Không có đại hội", Secrecy.NONE, true, List.of())));
		assertThat(ex.messageKey()).isEqualTo("error.document.no-congress");
	}

	@Test
	void aNumberAlreadyUsedInTheSequenceIsRefusedAndNothingIsWritten() {
		issue(this.committeeA, DocumentType.NOTICE, LocalDate.of(2009, 1, 5));
		issue(this.committeeA, DocumentType.NOTICE, LocalDate.of(2009, 1, 6));
		long before = count();
		RuleViolationException ex = catchThrowableOfType(RuleViolationException.class,
				() -> this.documents.registerIssued(this.system, request(this.committeeA, DocumentType.NOTICE,
						LocalDate.of(2009, 2, 1), "Trùng số", Secrecy.NONE, false, List.of()), 2));
		assertThat(ex.messageKey()).isEqualTo("error.document.number.taken");
		assertThat(count()).isEqualTo(before);
		// an earlier document entered with its known number; the sequence continues after
		// the highest
		assertThat(this.documents
			.registerIssued(this.system,
					request(this.committeeA, DocumentType.NOTICE, LocalDate.of(2009, 3, 1), "Vào sổ", Secrecy.NONE,
							false, List.of()),
					7)
			.symbol()).isEqualTo("07-TB/ĐU");
		assertThat(issue(this.committeeA, DocumentType.NOTICE, LocalDate.of(2009, 3, 2)).number()).isEqualTo(8);
	}

	@Test
	void concurrentIssuingNeverHandsOutANumberTwice() throws Exception {
		int threads = 24;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Documents.Issued>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				int n = i;
				Callable<Documents.Issued> call = () -> {
					go.await();
					return this.documents.issue(this.system,
							request(this.committeeB, DocumentType.LETTER, LocalDate.of(2011, 4, 1 + n % 28),
									"Công văn song song " + n, Secrecy.NONE, false, List.of()));
				};
				futures.add(pool.submit(call));
			}
			go.countDown();
			List<Integer> numbers = new ArrayList<>();
			for (Future<Documents.Issued> f : futures) {
				numbers.add(f.get().number());
			}
			assertThat(numbers).doesNotHaveDuplicates();
			assertThat(numbers).containsExactlyInAnyOrderElementsOf(
					java.util.stream.IntStream.rangeClosed(1, threads).boxed().toList());
			assertThat(this.jdbc.sql("SELECT count(DISTINCT number) FROM document WHERE issuer_org_id = :o")
				.param("o", this.committeeB)
				.query(Long.class)
				.single()).isEqualTo(threads);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theIncomingRegisterNumbersArrivalsPerYearAndSetsTheDueDateInWorkingDays() {
		long first = receive("16-CT/TU", LocalDate.of(2007, 6, 15), LocalDate.of(2007, 6, 18));
		long second = receive("12-HD/BTCTW", LocalDate.of(2012, 5, 17), LocalDate.of(2012, 5, 28));
		long third = receive("12-HD/BTCTW", LocalDate.of(2018, 7, 6), LocalDate.of(2018, 7, 16));
		long fourth = receive("13-HD/BTCTW", LocalDate.of(2018, 7, 6), LocalDate.of(2018, 7, 20));
		DocumentRecord d = this.documents.find(this.system, fourth);
		assertThat(d.arrivalNumber()).isEqualTo(2);
		assertThat(this.documents.find(this.system, third).arrivalNumber()).isEqualTo(1);
		assertThat(this.documents.find(this.system, first).arrivalNumber()).isEqualTo(1);
		assertThat(d.dueDate()).isEqualTo(this.calendar.addWorkingDays(LocalDate.of(2018, 7, 20), 7));
		assertThat(this.documents.find(this.system, second).type()).isEqualTo(DocumentType.GUIDANCE);
		// the same document twice in one register is refused
		assertThatThrownBy(() -> receive("12-HD/BTCTW", LocalDate.of(2018, 7, 6), LocalDate.of(2018, 7, 21)))
			.isInstanceOf(RuleViolationException.class);
		// a malformed symbol is refused naming the field
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> receive("16 CT/TU", LocalDate.of(2007, 6, 15), null));
		assertThat(ex.field()).isEqualTo("symbol");
	}

	long receive(String symbol, LocalDate issued, LocalDate arrival) {
		return this.documents.receive(this.system,
				new Documents.ReceiveRequest(symbol, null, issued, "Ban Tổ chức Trung ương", "Văn bản nhận thử", null,
						null, Secrecy.NONE, this.bloc, arrival, "Người xử lý thử", null, null));
	}

	@Test
	void searchFoldsDiacriticsAndTonePlacement() {
		Documents.Issued a = this.documents.issue(this.system,
				request(this.committeeA, DocumentType.DIRECTIVE, LocalDate.of(2007, 6, 15),
						"Về tăng cường vai trò lãnh đạo của Đảng uỷ cơ sở", Secrecy.NONE, false, List.of()));
		for (String q : new String[] { "tang cuong vai tro", "TĂNG CƯỜNG", "đảng ủy co so", "dang uy", "01-CT/ĐU" }) {
			Page<DocumentListItem> page = this.documents.search(this.system,
					new Documents.Query(q, null, null, 2007, 0, 200));
			assertThat(page.items()).as(q).extracting(DocumentListItem::id).contains(a.id());
		}
	}

	@Test
	void aSecretaryCannotSeeAnotherOrganizationsDocumentButSeesWhatWasSentToThem() {
		Documents.Issued other = issue(this.committeeB, DocumentType.PLAN, LocalDate.of(2012, 3, 1));
		Documents.Issued own = issue(this.committeeA, DocumentType.PLAN, LocalDate.of(2012, 3, 1));
		Documents.Issued sentDown = this.documents.issue(this.system, request(this.bloc, DocumentType.GUIDANCE,
				LocalDate.of(2012, 3, 2), "Hướng dẫn gửi xuống", Secrecy.NONE, false, List.of(this.committeeA)));
		long secretaryId = this.fixtures.user("bithu", Role.SECRETARY, this.committeeA);
		CurrentUser secretary = this.fixtures.as(secretaryId);

		assertThatThrownBy(() -> this.documents.get(secretary, other.id())).isInstanceOf(NotFoundException.class);
		assertThat(this.documents.get(secretary, own.id()).symbol()).isEqualTo(own.symbol());
		assertThat(this.documents.get(secretary, sentDown.id()).title()).isEqualTo("Hướng dẫn gửi xuống");
		// the recipient organisation's opening is recorded
		assertThat(this.documents.recipients(this.system, sentDown.id())).filteredOn((r) -> r.organizationId() != null)
			.singleElement()
			.satisfies((r) -> assertThat(r.openedAt()).isNotNull());

		String name = this.fixtures.username(secretaryId);
		Http api = new Http(this.port).basic(name, "secret-" + name);
		assertThat(api.get("/api/v1/documents/" + other.id()).statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + other.id() + ".docx").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + own.id()).statusCode()).isEqualTo(200);
		Http browser = new Http(this.port);
		browser.login(name, "secret-" + name);
		assertThat(browser.get("/documents/" + other.id()).statusCode()).isEqualTo(404);
		assertThat(browser.get("/documents/" + own.id()).statusCode()).isEqualTo(200);
	}

	@Test
	void aMarkedDocumentIsHiddenAboveClearanceAndEveryOpeningIsAudited() throws IOException {
		Documents.Issued secret = this.documents.issue(this.system, request(this.committeeA, DocumentType.REPORT,
				LocalDate.of(2011, 12, 9), "Tình hình chính trị nội bộ thử", Secrecy.MAT, false, List.of()));
		long plainId = this.fixtures.user("vanthu", Role.OFFICE, this.committeeA);
		CurrentUser plain = this.fixtures.as(plainId);
		String cleared = "matvu" + Fixtures.next();
		this.users.create(cleared, "secret-" + cleared, "Trần Thị Được Xem", "MAT",
				List.of(new Users.Grant(Role.OFFICE, this.committeeA, START, null)), "test");
		CurrentUser mat = this.users.currentUser(cleared);

		assertThatThrownBy(() -> this.documents.get(plain, secret.id())).isInstanceOf(NotFoundException.class);
		assertThat(this.documents.search(plain, new Documents.Query("chinh tri noi bo thu", null, null, null, 0, 50))
			.items()).isEmpty();
		String plainName = this.fixtures.username(plainId);
		Http plainApi = new Http(this.port).basic(plainName, "secret-" + plainName);
		assertThat(plainApi.get("/api/v1/documents/" + secret.id()).statusCode()).isEqualTo(404);
		assertThat(plainApi.get("/api/v1/documents/" + secret.id() + ".pdf").statusCode()).isEqualTo(404);

		long readsBefore = reads(secret.id(), cleared);
		assertThat(this.documents.get(mat, secret.id()).secrecy()).isEqualTo(Secrecy.MAT);
		assertThat(this.documents.search(mat, new Documents.Query("chinh tri noi bo thu", null, null, null, 0, 50))
			.items()).extracting(DocumentListItem::id).containsExactly(secret.id());
		assertThat(reads(secret.id(), cleared)).isEqualTo(readsBefore + 1);

		Http api = new Http(this.port).basic(cleared, "secret-" + cleared);
		HttpResponse<byte[]> docx = bytes("/api/v1/documents/" + secret.id() + ".docx", cleared);
		assertThat(docx.statusCode()).isEqualTo(200);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("Bản in của Trần Thị Được Xem (" + cleared + ") lúc", "MẬT");
		}
		assertThat(api.get("/api/v1/documents/" + secret.id()).statusCode()).isEqualTo(200);
		assertThat(reads(secret.id(), cleared)).isEqualTo(readsBefore + 3);
	}

	@Test
	void theApiIssuesADocumentAndTheDocxHoldsTheHd36Layout() throws IOException {
		String json = """
				{"issuerOrgId": %d, "type": "PLAN", "issuedOn": "2018-02-05", "title": "Học tập, quán triệt Chỉ thị thử",
				 "body": "Mục đích, yêu cầu.", "place": "Đồng Hới", "signerAuthority": "T/M BAN THƯỜNG VỤ",
				 "signerTitle": "PHÓ BÍ THƯ", "signerName": "Hoàng Văn Ký", "recipientOrgIds": [%d]}
				"""
			.formatted(this.committeeB, this.committeeB);
		Http api = new Http(this.port).basic("vanphong", "demo");
		// vanphong's scope is the sample committee, not this test's tree
		assertThat(api.postJson("/api/v1/documents", json).statusCode()).isEqualTo(400);
		String admin = "vanphong" + Fixtures.next();
		this.users.create(admin, "secret-" + admin, "Văn phòng thử", "NONE",
				List.of(new Users.Grant(Role.OFFICE, this.bloc, START, null)), "test");
		HttpResponse<String> created = new Http(this.port).basic(admin, "secret-" + admin)
			.postJson("/api/v1/documents", json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"number\":1", "\"symbol\":\"01-KH/ĐU\"");
		long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

		HttpResponse<byte[]> docx = bytes("/api/v1/documents/" + id + ".docx", admin);
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(AttachmentKind.detect(docx.body())).contains(AttachmentKind.DOCX);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText())
				.contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ KHỐI THỬ", "ĐẢNG UỶ SỞ HAI", "Số 01-KH/ĐU",
						"Đồng Hới, ngày 05 tháng 02 năm 2018", "KẾ HOẠCH", "Học tập, quán triệt Chỉ thị thử",
						"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hoàng Văn Ký", "Nơi nhận:", "- Đảng bộ Sở Hai")
				.doesNotContain("Bản in của");
		}
		HttpResponse<byte[]> pdf = bytes("/api/v1/documents/" + id + ".pdf", admin);
		assertThat(AttachmentKind.detect(pdf.body())).contains(AttachmentKind.PDF);
		HttpResponse<String> list = new Http(this.port).basic(admin, "secret-" + admin)
			.get("/api/v1/documents?q=hoc+tap+quan+triet+chi+thi+thu");
		assertThat(list.body()).contains("\"total\":1", "\"items\":[", "01-KH/ĐU", "\"page\":0", "\"size\":50");
	}

	@Test
	void attachmentsAreCheckedByContentNotByName() throws IOException {
		Documents.Issued d = issue(this.committeeA, DocumentType.REPORT, LocalDate.of(2012, 10, 31));
		byte[] pdf = Hd36RenderingTests.sample().toPdf();
		long id = this.attachments.attach(this.system, d.id(), "bao-cao.pdf", pdf);
		assertThat(this.attachments.list(this.system, d.id())).singleElement()
			.satisfies((a) -> assertThat(a.kind()).isEqualTo(AttachmentKind.PDF));
		assertThat(this.attachments.content(this.system, d.id(), id).bytes()).isEqualTo(pdf);
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> this.attachments.attach(this.system, d.id(), "virus.pdf", "MZ không phải PDF".getBytes()));
		assertThat(ex.messageKey()).isEqualTo("error.document.attachment.kind");
		assertThat(this.attachments.list(this.system, d.id())).hasSize(1);

		String admin = "vanphong" + Fixtures.next();
		this.users.create(admin, "secret-" + admin, "Văn phòng thử", "NONE",
				List.of(new Users.Grant(Role.OFFICE, this.bloc, START, null)), "test");
		HttpResponse<String> refused = send(HttpRequest
			.newBuilder(URI.create(
					"http://127.0.0.1:" + this.port + "/api/v1/documents/" + d.id() + "/attachments?fileName=a.docx"))
			.header("Authorization", basic(admin))
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray("PK không phải docx".getBytes()))
			.build());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG");
	}

	@Test
	void theRegisterPagesShowTheDocumentsAndTheIssueFormNumbersThem() {
		String admin = "vanphong" + Fixtures.next();
		this.users.create(admin, "secret-" + admin, "Văn phòng thử", "NONE",
				List.of(new Users.Grant(Role.OFFICE, this.bloc, START, null)), "test");
		Http browser = new Http(this.port);
		browser.login(admin, "secret-" + admin);
		assertThat(browser.get("/documents/new").statusCode()).isEqualTo(200);
		String token = browser.csrf("/documents/new");
		HttpResponse<String> posted = browser.postForm("/documents",
				Map.of("_csrf", token, "issuerOrgId", String.valueOf(this.bloc), "type", "NOTICE", "issuedOn",
						"2012-11-08", "title", "Thông báo kết luận hội nghị thử", "secrecy", "NONE"));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> page = browser.get(URI.create(location).getPath());
		assertThat(page.body()).contains("01-TB/ĐUK", "Thông báo kết luận hội nghị thử",
				"Đã ban hành văn bản số 01-TB/ĐUK");
		HttpResponse<String> list = browser.get("/documents?q=thong+bao+ket+luan+hoi+nghi+thu");
		assertThat(list.body()).contains("01-TB/ĐUK", "Sổ văn bản", "1 văn bản");
		HttpResponse<String> bad = browser.postForm("/documents", Map.of("_csrf", token, "issuerOrgId",
				String.valueOf(this.bloc), "type", "NOTICE", "issuedOn", "2012-11-09", "title", " "));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Tiêu đề, trích yếu: bắt buộc phải nhập");
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM document").query(Long.class).single();
	}

	long reads(long documentId, String username) {
		return this.jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE action = 'READ' AND entity = 'document' AND entity_id = :id
				AND actor = :actor
				""").param("id", String.valueOf(documentId)).param("actor", username).query(Long.class).single();
	}

	HttpResponse<byte[]> bytes(String path, String username) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.header("Authorization", basic(username))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String basic(String username) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":secret-" + username).getBytes());
	}

}
