package vn.capuy.document;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incoming-register page and the numbering-terms page as an office clerk uses them:
 * what the clerk types, what the register then shows, what a refused form says, and that
 * another committee's organisation stays out of reach.
 */
@FullTest
class DocumentPagesTests {

	static final LocalDate START = LocalDate.of(2005, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	long bloc;

	long otherBloc;

	Http clerk;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử sổ đến", START);
		this.bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO,
				"Đảng bộ Khối sổ đến " + Fixtures.next(), START);
		this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Văn thư", START);
		long otherRoot = this.fixtures.root("Tỉnh khác sổ đến", START);
		this.otherBloc = this.fixtures.child(otherRoot, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ Khối khác",
				START);
		String name = this.fixtures.username(this.fixtures.user("vt", Role.OFFICE, this.bloc));
		this.clerk = new Http(this.port);
		this.clerk.login(name, "secret-" + name);
	}

	Map<String, String> received(String symbol, String issuedOn, String arrival, String due) {
		Map<String, String> form = new HashMap<>();
		form.put("_csrf", this.clerk.csrf("/documents/received/new"));
		form.put("symbol", symbol);
		form.put("type", "");
		form.put("issuedOn", issuedOn);
		form.put("secrecy", "NONE");
		form.put("issuerName", "Ban Tổ chức Trung ương");
		form.put("signerName", "");
		form.put("title", "Hướng dẫn thử vào sổ đến");
		form.put("summary", "");
		form.put("receiverOrgId", String.valueOf(this.bloc));
		form.put("arrivalDate", arrival);
		form.put("handlerName", "Trần Thị Văn Thư");
		form.put("dueDate", due);
		return form;
	}

	long idOf(HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/documents/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void aClerkRegistersAnIncomingDocumentAndTheRegisterShowsItsArrivalNumberHandlerAndDueDate() {
		HttpResponse<String> form = this.clerk.get("/documents/received/new");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Vào sổ văn bản đến", "Người xử lý", "Hạn xử lý", "Ngày đến");

		// Friday 05/03/2021 + 7 working days (rule
		// document.incoming.handling-working-days):
		// 8, 9, 10, 11, 12, 15, 16 March
		long first = idOf(
				this.clerk.postForm("/documents/received", received("09-HD/BTCTW", "2021-03-01", "2021-03-05", "")));
		String page = this.clerk.get("/documents/" + first).body();
		assertThat(page).contains("Đã vào sổ văn bản đến, số đến 1.", "Hướng dẫn", "09-HD/BTCTW",
				"Số đến 1 ngày 05/03/2021", "Trần Thị Văn Thư", "16/03/2021");

		// the second arrival of the year gets number 2; a due date typed by the clerk is
		// kept
		long second = idOf(this.clerk.postForm("/documents/received",
				received("10-HD/BTCTW", "2021-03-02", "2021-03-08", "2021-03-31")));
		assertThat(this.clerk.get("/documents/" + second).body()).contains("Số đến 2 ngày 08/03/2021", "31/03/2021");
		Map<String, Object> row = this.jdbc
			.sql("SELECT arrival_number, due_date, handler_name, receiver_org_id FROM document WHERE id = :id")
			.param("id", second)
			.query()
			.singleRow();
		assertThat(row).containsEntry("arrival_number", 2)
			.containsEntry("due_date", java.sql.Date.valueOf("2021-03-31"))
			.containsEntry("handler_name", "Trần Thị Văn Thư")
			.containsEntry("receiver_org_id", this.bloc);
	}

	@Test
	void aRefusedIncomingDocumentNamesTheFieldAndNothingIsWritten() {
		long before = count();
		HttpResponse<String> badSymbol = this.clerk.postForm("/documents/received",
				received("09 HD/BTCTW", "2021-03-01", "2021-03-05", ""));
		assertThat(badSymbol.statusCode()).isEqualTo(400);
		assertThat(badSymbol.body()).contains("Số và ký hiệu", "thiếu dấu gạch nối", "value=\"09 HD/BTCTW\"");
		HttpResponse<String> dueBeforeArrival = this.clerk.postForm("/documents/received",
				received("11-HD/BTCTW", "2021-03-01", "2021-03-05", "2021-03-04"));
		assertThat(dueBeforeArrival.statusCode()).isEqualTo(400);
		assertThat(dueBeforeArrival.body()).contains("Hạn xử lý", "không được trước ngày đến");
		Map<String, String> elsewhere = received("12-HD/BTCTW", "2021-03-01", "2021-03-05", "");
		elsewhere.put("receiverOrgId", String.valueOf(this.otherBloc));
		HttpResponse<String> outside = this.clerk.postForm("/documents/received", elsewhere);
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(outside.body()).contains("Tổ chức nhận");
		assertThat(count()).isEqualTo(before);
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM document WHERE receiver_org_id IN (:a, :b)")
			.param("a", this.bloc)
			.param("b", this.otherBloc)
			.query(Long.class)
			.single();
	}

	@Test
	void aCongressDeclaredOnThePageEndsTheTermAndRestartsTheNumbering() {
		HttpResponse<String> terms = this.clerk.get("/documents/terms?organizationId=" + this.bloc);
		assertThat(terms.statusCode()).isEqualTo(200);
		assertThat(terms.body()).contains("Nhiệm kỳ đánh số văn bản và đại hội", "Khai báo đại hội");
		Documents.IssueRequest plan = new Documents.IssueRequest(this.bloc, DocumentType.PLAN, LocalDate.of(2010, 3, 1),
				"Kế hoạch thử trước đại hội", null, null, null, null, null, null, null, false, null, List.of(),
				List.of(), null);
		assertThat(this.documents.issue(Fixtures.system(), plan).symbol()).isEqualTo("01-KH/ĐUK");

		HttpResponse<String> declared = this.clerk.postForm("/documents/terms",
				Map.of("_csrf", this.clerk.csrf("/documents/terms?organizationId=" + this.bloc), "organizationId",
						String.valueOf(this.bloc), "opening", "2010-06-24", "closing", "2010-06-25", "label",
						"Đại hội đại biểu lần thứ III"));
		assertThat(declared.statusCode()).isEqualTo(302);
		String page = this.clerk.get("/documents/terms?organizationId=" + this.bloc).body();
		assertThat(page).contains("Đã khai báo đại hội", "Đại hội đại biểu lần thứ III", "24/06/2010", "25/06/2010",
				"26/06/2010", "Nhiệm kỳ sau Đại hội đại biểu lần thứ III");

		Documents.IssueRequest after = new Documents.IssueRequest(this.bloc, DocumentType.PLAN,
				LocalDate.of(2010, 7, 1), "Kế hoạch thử sau đại hội", null, null, null, null, null, null, null, false,
				null, List.of(), List.of(), null);
		assertThat(this.documents.issue(Fixtures.system(), after).symbol()).as("numbering restarts after the congress")
			.isEqualTo("01-KH/ĐUK");

		HttpResponse<String> closingFirst = this.clerk.postForm("/documents/terms",
				Map.of("_csrf", this.clerk.csrf("/documents/terms?organizationId=" + this.bloc), "organizationId",
						String.valueOf(this.bloc), "opening", "2015-06-25", "closing", "2015-06-24"));
		assertThat(closingFirst.statusCode()).isEqualTo(302);
		assertThat(this.clerk.get("/documents/terms?organizationId=" + this.bloc).body())
			.contains("ngày bế mạc không được trước ngày khai mạc");
	}

	@Test
	void anotherCommitteesTermsAre404() {
		assertThat(this.clerk.get("/documents/terms?organizationId=" + this.otherBloc).statusCode()).isEqualTo(404);
		HttpResponse<String> declared = this.clerk.postForm("/documents/terms",
				Map.of("_csrf", this.clerk.csrf("/documents/terms?organizationId=" + this.bloc), "organizationId",
						String.valueOf(this.otherBloc), "opening", "2010-06-24", "closing", "2010-06-25"));
		assertThat(declared.statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM document_term WHERE issuer_org_id = :o")
			.param("o", this.otherBloc)
			.query(Long.class)
			.single()).isZero();
	}

}
