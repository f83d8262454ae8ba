package vn.capuy.directive;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.document.DocumentType;
import vn.capuy.document.Documents;
import vn.capuy.document.Secrecy;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.organization.OrganizationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directive links to its entry in the document register when symbol and issue date
 * match: at recording, when the document is registered later, or on request; the link is
 * shown on the directive's page and given in the API.
 */
@FullTest
class DirectiveDocumentLinkTests {

	static final LocalDate START = LocalDate.of(2015, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directives directives;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	long bloc;

	long cell;

	long otherBloc;

	long office;

	@BeforeEach
	void tree() {
		long root = this.fixtures.root("Tỉnh thử liên kết", START);
		this.bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối thử liên kết", START);
		this.cell = this.fixtures.child(this.bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ liên kết", START);
		long otherRoot = this.fixtures.root("Tỉnh khác liên kết", START);
		this.otherBloc = this.fixtures.child(otherRoot, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Khối khác", START);
		this.office = this.fixtures.user("vpl", Role.OFFICE, this.bloc);
	}

	long receive(String symbol, LocalDate issuedOn, long receiver) {
		return this.documents.receive(this.system,
				new Documents.ReceiveRequest(symbol, null, issuedOn, "Ban Thường vụ Tỉnh uỷ", "Chỉ thị thử liên kết",
						null, null, Secrecy.NONE, receiver, issuedOn.plusDays(3), "Văn thư", null, null));
	}

	long record(String symbol, LocalDate issuedOn) {
		return this.directives.record(this.system, new Directives.NewDirective(this.bloc, DirectiveKind.DIRECTIVE,
				symbol, "Chỉ thị thử liên kết", "Ban Thường vụ Tỉnh uỷ", issuedOn, null, null));
	}

	Http office() {
		String name = this.fixtures.username(this.office);
		Http http = new Http(this.port);
		http.login(name, "secret-" + name);
		return http;
	}

	@Test
	void aDirectiveRecordedAfterItsDocumentLinksToItAndThePageAndApiShowIt() {
		LocalDate on = LocalDate.of(2021, 3, 15);
		long document = receive("07-CT/TU", on, this.bloc);
		long sameSymbolOtherDay = receive("07-CT/TU", on.plusDays(1), this.bloc);
		// typed without the leading zero: the register prints 07-CT/TU
		long directive = record("7-CT/TU", on);
		assertThat(this.directives.get(this.system, directive).documentId()).isEqualTo(document)
			.isNotEqualTo(sameSymbolOtherDay);
		assertThat(this.directives.get(this.system, directive).symbol()).isEqualTo("07-CT/TU");

		Http http = office();
		String page = http.get("/directives/" + directive).body();
		assertThat(page).contains("Văn bản trong sổ", "href=\"/documents/" + document + "\"",
				"07-CT/TU ngày 15/03/2021 (Văn bản đến)");
		String name = this.fixtures.username(this.office);
		HttpResponse<String> api = new Http(this.port).basic(name, "secret-" + name)
			.get("/api/v1/directives/" + directive);
		assertThat(api.body()).contains("\"documentId\":" + document);
	}

	@Test
	void aDocumentRegisteredLaterLinksTheWaitingDirectiveOnlyWhenItsCommitteeReceivedIt() {
		LocalDate on = LocalDate.of(2021, 5, 20);
		long directive = record("08-CT/TU", on);
		assertThat(this.directives.get(this.system, directive).documentId()).isNull();
		assertThat(office().get("/directives/" + directive).body()).contains("Chưa có trong sổ văn bản",
				"Tìm trong sổ văn bản và liên kết");

		receive("08-CT/TU", on, this.otherBloc);
		assertThat(this.directives.get(this.system, directive).documentId())
			.as("another committee's register entry is not this directive's")
			.isNull();
		receive("08-CT/TU", on.plusDays(1), this.bloc);
		assertThat(this.directives.get(this.system, directive).documentId()).as("another date, another document")
			.isNull();
		long document = receive("08-CT/TU", on, this.cell);
		assertThat(this.directives.get(this.system, directive).documentId())
			.as("received by an organisation of the committee")
			.isEqualTo(document);
	}

	@Test
	void linkingOnRequestFindsTheEntryOrSaysWhatIsMissing() {
		LocalDate on = LocalDate.of(2021, 8, 2);
		long directive = record("09-CT/TU", on);
		String name = this.fixtures.username(this.office);
		Http api = new Http(this.port).basic(name, "secret-" + name);
		HttpResponse<String> none = api.postJson("/api/v1/directives/" + directive + "/document", "{}");
		assertThat(none.statusCode()).isEqualTo(409);
		assertThat(none.body()).contains("Sổ văn bản chưa có văn bản 09-CT/TU ngày 02/08/2021");

		long foreign = receive("09-CT/TU", on, this.otherBloc);
		HttpResponse<String> notVisible = api.postJson("/api/v1/directives/" + directive + "/document",
				"{\"documentId\":" + foreign + "}");
		assertThat(notVisible.statusCode()).as("a register entry the office may not see").isEqualTo(400);
		assertThat(this.directives.get(this.system, directive).documentId()).isNull();

		// entered without the event (as before V17): the page's button finds it
		long document = this.jdbc
			.sql("""
					INSERT INTO document (direction, doc_type, number, type_code, issuer_code, symbol, issued_on, issuer_name,
					  receiver_org_id, title, secrecy, search_key, created_by)
					VALUES ('RECEIVED', 'DIRECTIVE', 9, 'CT', 'TU', '09-CT/TU', :on, 'Tỉnh uỷ', :org, 'Chỉ thị thử', 'NONE',
					  '09-ct/tu', 'test') RETURNING id
					""")
			.param("on", on)
			.param("org", this.bloc)
			.query(Long.class)
			.single();
		Http page = office();
		HttpResponse<String> linked = page.postForm("/directives/" + directive + "/document",
				java.util.Map.of("_csrf", page.csrf("/directives/" + directive)));
		assertThat(linked.statusCode()).isEqualTo(302);
		assertThat(this.directives.get(this.system, directive).documentId()).isEqualTo(document);
		assertThat(page.get("/directives/" + directive).body()).contains("href=\"/documents/" + document + "\"");
	}

	@Test
	void theSampleDirectiveLinksToTheReceivedSixteenCtTu() {
		Long linked = this.jdbc.sql("SELECT document_id FROM directive WHERE symbol = '16-CT/TU'")
			.query(Long.class)
			.single();
		assertThat(linked).isNotNull();
		assertThat(this.jdbc.sql("SELECT symbol || ' ' || issued_on || ' ' || direction FROM document WHERE id = :id")
			.param("id", linked)
			.query(String.class)
			.single()).isEqualTo("16-CT/TU 2007-06-15 RECEIVED");
	}

}
