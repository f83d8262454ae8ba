package vn.capuy.membership;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member file as a secretary uses it from the member's page: the 3×4 photo uploaded
 * through the form (judged by content; a replaced one kept), scanned documents attached,
 * downloaded (audited) and closed with a reason, both out of reach (404) for a user of
 * another organisation, and the life history DOCX filled from the record with the photo.
 */
@FullTest
class MemberFileTests {

	static final LocalDate START = LocalDate.of(2000, 1, 1);

	/** Fixtures admit a member three years before placing them: admitted 05/02/2018. */
	static final LocalDate PLACED = LocalDate.of(2021, 2, 5);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	long member;

	Browser secretary;

	Browser stranger;

	@BeforeEach
	void data() {
		long root = this.fixtures.root("Tỉnh thử hồ sơ", START);
		long committee = this.fixtures.child(root, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Hồ Sơ", START);
		long cell = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Lưu Trữ", START);
		this.member = this.fixtures.member(cell, "Lê Thị Hồ Sơ", PLACED);
		this.secretary = new Browser(this.fixtures.username(this.fixtures.user("hoso", Role.OFFICE, root)));
		long elsewhere = this.fixtures.root("Tỉnh khác hồ sơ", START);
		this.stranger = new Browser(this.fixtures.username(this.fixtures.user("khac", Role.OFFICE, elsewhere)));
	}

	@Test
	void aPhotoUploadedThroughThePageIsShownOnTheMembersPage() {
		byte[] png = image("png");
		HttpResponse<String> saved = this.secretary.upload(page(), path("/photo"), Map.of(), "photo", "anh.png",
				"image/png", png);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/members/" + this.member);
		String html = this.secretary.get(page()).body();
		assertThat(html).contains("src=\"/members/" + this.member + "/photo\"")
			.contains("Ảnh 3×4 của đảng viên Lê Thị Hồ Sơ");
		HttpResponse<byte[]> photo = this.secretary.bytes(path("/photo"));
		assertThat(photo.statusCode()).isEqualTo(200);
		assertThat(photo.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
		assertThat(photo.body()).isEqualTo(png);
	}

	@Test
	void aTextFileNamedJpgIsRefusedNamingTheFieldAndNothingIsSaved() {
		long auditBefore = audit();
		HttpResponse<String> refused = this.secretary.upload(page(), path("/photo"), Map.of(), "photo", "anh.jpg",
				"image/jpeg", "Đây không phải là ảnh".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Ảnh 3×4: chỉ nhận ảnh JPEG hoặc PNG")
			.contains("id=\"photo-photo-error\"")
			.doesNotContain("Exception");
		HttpResponse<String> document = this.secretary.upload(page(), path("/documents"),
				Map.of("documentKind", "Quyết định kết nạp", "documentDate", "2018-02-05"), "documentFile", "qd.pdf",
				"application/pdf", "văn bản thường".getBytes(StandardCharsets.UTF_8));
		assertThat(document.statusCode()).isEqualTo(400);
		assertThat(document.body()).contains("Tệp tài liệu: chỉ nhận tệp PDF, JPEG hoặc PNG")
			.contains("id=\"document-documentFile-error\"")
			.contains("value=\"Quyết định kết nạp\"");
		assertThat(count("member_photo")).isZero();
		assertThat(count("member_document")).isZero();
		assertThat(audit()).isEqualTo(auditBefore);
		assertThat(this.secretary.bytes(path("/photo")).statusCode()).isEqualTo(404);
	}

	@Test
	void aNewerPhotoReplacesTheOldOneWhichIsKept() {
		byte[] png = image("png");
		byte[] jpeg = image("jpg");
		assertThat(this.secretary.upload(page(), path("/photo"), Map.of(), "photo", "a.png", "image/png", png)
			.statusCode()).isEqualTo(302);
		assertThat(this.secretary.upload(page(), path("/photo"), Map.of(), "photo", "b.jpg", "image/jpeg", jpeg)
			.statusCode()).isEqualTo(302);
		assertThat(this.secretary.bytes(path("/photo")).body()).isEqualTo(jpeg);
		Long old = this.jdbc.sql("""
				SELECT id FROM member_photo WHERE member_id = :m AND valid_to IS NOT NULL AND closed_reason = 'REPLACED'
				""").param("m", this.member).query(Long.class).single();
		assertThat(count("member_photo")).isEqualTo(2);
		HttpResponse<byte[]> former = this.secretary.bytes(path("/photos/" + old));
		assertThat(former.statusCode()).isEqualTo(200);
		assertThat(former.body()).isEqualTo(png);
		String html = this.secretary.get(page()).body();
		assertThat(html).contains("đang dùng").contains("(đã thay)").contains(path("/photos/" + old));
	}

	@Test
	void documentsAreListedDownloadedWithAnAuditEntryAndClosedWithAReason() {
		byte[] pdf = "%PDF-1.4\n% Quyết định kết nạp (mẫu)\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> saved = this.secretary.upload(page(), path("/documents"),
				Map.of("documentKind", "Quyết định kết nạp", "documentDate", "2018-02-05", "note", "Bản gốc (mẫu)"),
				"documentFile", "qd-ket-nap.pdf", "application/pdf", pdf);
		assertThat(saved.statusCode()).isEqualTo(302);
		long id = this.jdbc.sql("SELECT id FROM member_document WHERE member_id = :m")
			.param("m", this.member)
			.query(Long.class)
			.single();
		String html = this.secretary.get(page()).body();
		assertThat(html).contains("Quyết định kết nạp")
			.contains("05/02/2018")
			.contains("qd-ket-nap.pdf")
			.contains(path("/documents/" + id));
		long reads = reads(id);
		HttpResponse<byte[]> file = this.secretary.bytes(path("/documents/" + id));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(pdf);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		assertThat(reads(id)).isEqualTo(reads + 1);

		HttpResponse<String> noReason = this.secretary.form(page(), path("/documents/" + id + "/close"),
				Map.of("closeReason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("Lý do đóng: phải ghi lý do đóng tài liệu");
		assertThat(this.jdbc.sql("SELECT closed_on IS NULL FROM member_document WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.secretary
			.form(page(), path("/documents/" + id + "/close"), Map.of("closeReason", "Nộp nhầm bản sao"))
			.statusCode()).isEqualTo(302);
		assertThat(count("member_document")).isEqualTo(1);
		assertThat(this.secretary.get(page()).body()).contains("Nộp nhầm bản sao").contains("Đã đóng ngày");
	}

	@Test
	void anotherOrganisationsUserGets404ForThePhotoAndTheDocuments() {
		byte[] png = image("png");
		this.secretary.upload(page(), path("/photo"), Map.of(), "photo", "a.png", "image/png", png);
		this.secretary.upload(page(), path("/photo"), Map.of(), "photo", "b.png", "image/png", image("png"));
		this.secretary.upload(page(), path("/documents"),
				Map.of("documentKind", "Lý lịch đảng viên", "documentDate", "2018-01-10"), "documentFile", "ll.png",
				"image/png", png);
		long photo = this.jdbc.sql("SELECT min(id) FROM member_photo WHERE member_id = :m")
			.param("m", this.member)
			.query(Long.class)
			.single();
		long document = this.jdbc.sql("SELECT id FROM member_document WHERE member_id = :m")
			.param("m", this.member)
			.query(Long.class)
			.single();
		long reads = reads(document);
		assertThat(this.stranger.bytes(path("/photo")).statusCode()).isEqualTo(404);
		assertThat(this.stranger.bytes(path("/photos/" + photo)).statusCode()).isEqualTo(404);
		assertThat(this.stranger.bytes(path("/documents/" + document)).statusCode()).isEqualTo(404);
		assertThat(this.stranger.bytes(path("/life-history.docx")).statusCode()).isEqualTo(404);
		assertThat(this.stranger.get(path("/life-history")).statusCode()).isEqualTo(404);
		assertThat(reads(document)).isEqualTo(reads);
		// the secretary of the member's organisation does reach them
		assertThat(this.secretary.bytes(path("/photos/" + photo)).statusCode()).isEqualTo(200);
		assertThat(this.secretary.bytes(path("/documents/" + document)).statusCode()).isEqualTo(200);
	}

	@Test
	void theLifeHistoryDocxCarriesTheNameDatesInWordsAndThePhoto() throws IOException {
		try (XWPFDocument without = docx(this.secretary.bytes(path("/life-history.docx")).body())) {
			String text = new XWPFWordExtractor(without).getText();
			assertThat(text).contains("LÝ LỊCH ĐẢNG VIÊN")
				.contains("Bản tóm tắt")
				.contains("LÊ THỊ HỒ SƠ")
				.contains("ngày 05 tháng 02 năm 2018")
				.contains("ngày 05 tháng 02 năm 2019")
				.contains("CHI BỘ LƯU TRỮ");
			assertThat(without.getAllPictures()).isEmpty();
			assertThat(fonts(without)).containsOnly("Times New Roman");
		}
		byte[] jpeg = image("jpg");
		this.secretary.upload(page(), path("/photo"), Map.of(), "photo", "anh.jpg", "image/jpeg", jpeg);
		this.secretary.upload(page(), path("/documents"),
				Map.of("documentKind", "Giấy chuyển sinh hoạt", "documentDate", "2021-02-05"), "documentFile",
				"giay.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
		try (XWPFDocument with = docx(this.secretary.bytes(path("/life-history.docx")).body())) {
			assertThat(with.getAllPictures()).hasSize(1);
			assertThat(with.getAllPictures().get(0).getData()).isEqualTo(jpeg);
			assertThat(new XWPFWordExtractor(with).getText()).contains("Giấy chuyển sinh hoạt");
		}
		try (XWPFDocument card = docx(this.secretary.bytes(path("/phieu-dang-vien.docx")).body())) {
			assertThat(card.getAllPictures()).hasSize(1);
			assertThat(new XWPFWordExtractor(card).getText()).contains("LÊ THỊ HỒ SƠ");
		}
		String print = this.secretary.get(path("/life-history")).body();
		assertThat(print).contains("LÝ LỊCH ĐẢNG VIÊN")
			.contains("ngày 05 tháng 02 năm 2018")
			.contains("src=\"/members/" + this.member + "/photo\"")
			.contains("Giấy chuyển sinh hoạt");
	}

	private static java.util.Set<String> fonts(XWPFDocument doc) {
		java.util.Set<String> fonts = new java.util.HashSet<>();
		doc.getParagraphs().forEach((p) -> p.getRuns().forEach((r) -> fonts.add(font(r))));
		doc.getTables()
			.forEach((t) -> t.getRows()
				.forEach((row) -> row.getTableCells()
					.forEach((c) -> c.getParagraphs().forEach((p) -> p.getRuns().forEach((r) -> {
						if (r.getEmbeddedPictures().isEmpty()) {
							fonts.add(font(r));
						}
					})))));
		fonts.remove("(picture)");
		return fonts;
	}

	private static String font(XWPFRun r) {
		return r.getEmbeddedPictures().isEmpty() ? String.valueOf(r.getFontFamily()) : "(picture)";
	}

	private static XWPFDocument docx(byte[] bytes) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(bytes));
	}

	private String page() {
		return "/members/" + this.member;
	}

	private String path(String rest) {
		return "/members/" + this.member + rest;
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE member_id = :m")
			.param("m", this.member)
			.query(Long.class)
			.single();
	}

	private long audit() {
		return this.jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'member' AND entity_id = :m")
			.param("m", String.valueOf(this.member))
			.query(Long.class)
			.single();
	}

	private long reads(long document) {
		return this.jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE entity = 'member_document' AND entity_id = :d AND action = 'READ'
				""").param("d", String.valueOf(document)).query(Long.class).single();
	}

	private static int shade = 10;

	/** A small real image (each one different), written by ImageIO. */
	private static byte[] image(String format) {
		BufferedImage img = new BufferedImage(30, 40, BufferedImage.TYPE_INT_RGB);
		shade = (shade + 37) % 255;
		for (int x = 0; x < 30; x++) {
			for (int y = 0; y < 40; y++) {
				img.setRGB(x, y, (shade << 16) | (x * 8 << 8) | y * 6);
			}
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(img, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A logged-in browser of its own (the shared helper sends no multipart and reads text
	 * only): cookies, CSRF token from the page, forms with files.
	 */
	final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		Browser(String username) {
			String token = token(get("/login").body());
			HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + username + "&password=secret-" + username + "&_csrf=" + token))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		HttpResponse<byte[]> bytes(String path) {
			return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}

		HttpResponse<String> form(String page, String action, Map<String, String> fields) {
			StringBuilder body = new StringBuilder("_csrf=" + token(get(page).body()));
			fields.forEach((k, v) -> body.append('&')
				.append(k)
				.append('=')
				.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
			return send(HttpRequest.newBuilder(uri(action))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		HttpResponse<String> upload(String page, String action, Map<String, String> fields, String fileField,
				String fileName, String contentType, byte[] file) {
			String boundary = "----capuy" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", token(get(page).body()));
			for (Map.Entry<String, String> e : all.entrySet()) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
						+ "\"\r\n\r\n" + e.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
					+ "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(HttpRequest.newBuilder(uri(action))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
			try {
				return this.client.send(request, handler);
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
			return URI.create("http://127.0.0.1:" + MemberFileTests.this.port + path);
		}

		private static String token(String html) {
			Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
			assertThat(m.find()).as("CSRF token").isTrue();
			return m.group(1);
		}

	}

}
