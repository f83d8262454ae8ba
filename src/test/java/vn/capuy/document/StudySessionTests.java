package vn.capuy.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;
import vn.capuy.Http;
import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Users;
import vn.capuy.membership.MemberListItem;
import vn.capuy.organization.OrganizationType;
import vn.capuy.sample.SampleCommittee;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Page;
import vn.capuy.system.ReviewContribution;
import vn.capuy.system.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@FullTest
class StudySessionTests {

	static final LocalDate START = LocalDate.of(2007, 1, 1);

	static final LocalDate HELD = LocalDate.of(2007, 8, 15);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Documents documents;

	@Autowired
	StudySessions study;

	@Autowired
	DocumentFigures figures;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	CurrentUser system = CurrentUser.system();

	@Test
	void attendanceIsRolledUpTheTreeAndOrganizationsWithoutASessionAreListed() {
		long root = this.fixtures.root("Tỉnh thử học tập", START);
		long bloc = this.fixtures.child(root, OrganizationType.DANG_BO_CAP_TREN_CO_SO, "Đảng bộ Khối học tập", START);
		long committee = this.fixtures.child(bloc, OrganizationType.DANG_BO_CO_SO, "Đảng bộ Sở Có Học", START);
		long cell1 = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng A", START);
		long cell2 = this.fixtures.child(committee, OrganizationType.CHI_BO_TRUC_THUOC, "Chi bộ Phòng B", START);
		long grassrootsCell = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Có Học", START);
		long idle = this.fixtures.child(bloc, OrganizationType.CHI_BO_CO_SO, "Chi bộ Ban Chưa Học", START);
		long absentOne = this.fixtures.member(cell1, "Nguyễn Văn Vắng", START);
		for (String name : List.of("Lê Văn Một", "Lê Văn Hai", "Lê Thị Ba")) {
			this.fixtures.member(cell1, name, START);
		}
		for (String name : List.of("Trần Văn Bốn", "Trần Thị Năm")) {
			this.fixtures.member(cell2, name, START);
		}
		long absentTwo = this.fixtures.member(grassrootsCell, "Phạm Thị Ốm", START);
		for (String name : List.of("Phạm Văn Sáu", "Phạm Văn Bảy")) {
			this.fixtures.member(grassrootsCell, name, START);
		}
		this.fixtures.member(idle, "Hồ Văn Chưa", START);
		this.fixtures.member(idle, "Hồ Văn Học", START);
		this.fixtures.member(idle, "Hồ Thị Xong", START);
		// a member placed after the session is not on its roll
		this.fixtures.member(cell2, "Đỗ Văn Đến Sau", LocalDate.of(2007, 9, 1));

		long d = this.documents
			.issue(this.system,
					new Documents.IssueRequest(bloc, DocumentType.PLAN, LocalDate.of(2007, 7, 5), "Học tập chỉ thị thử",
							null, null, null, null, null, null, Secrecy.NONE, false, null,
							List.of(committee, grassrootsCell, idle), List.of(), null))
			.id();

		List<MemberListItem> roll = this.study.roll(this.system, committee, HELD);
		assertThat(roll).hasSize(6).extracting(MemberListItem::fullName).doesNotContain("Đỗ Văn Đến Sau");
		InvalidInputException noReason = catchThrowableOfType(InvalidInputException.class,
				() -> this.study.record(this.system, d, committee, HELD, Map.of(absentOne, " "), null));
		assertThat(noReason.field()).isEqualTo("absenceReason");
		assertThat(noReason.arguments()).containsExactly("Nguyễn Văn Vắng");
		InvalidInputException notOnRoll = catchThrowableOfType(InvalidInputException.class,
				() -> this.study.record(this.system, d, committee, HELD, Map.of(absentTwo, "Ốm"), null));
		assertThat(notOnRoll.messageKey()).isEqualTo("error.document.study.not-on-roll");

		this.study.record(this.system, d, committee, HELD, Map.of(absentOne, "Đi công tác"), "Hội nghị");
		this.study.record(this.system, d, grassrootsCell, HELD.plusDays(2), Map.of(absentTwo, "Ốm"), null);
		assertThatThrownBy(() -> this.study.record(this.system, d, grassrootsCell, HELD.plusDays(2), Map.of(), null))
			.isInstanceOf(RuleViolationException.class);

		StudySessions.Report report = this.study.report(this.system, d, LocalDate.of(2007, 8, 31));
		StudySessions.Row top = report.rows().get(0);
		assertThat(top.organizationId()).isEqualTo(bloc);
		long expected = sql("SELECT count(*) FROM study_attendance a JOIN study_session s ON s.id = a.session_id "
				+ "WHERE s.document_id = " + d);
		long present = sql("SELECT count(*) FROM study_attendance a JOIN study_session s ON s.id = a.session_id "
				+ "WHERE a.present AND s.document_id = " + d);
		assertThat(expected).isEqualTo(9);
		assertThat(present).isEqualTo(7);
		assertThat(top.expected()).isEqualTo(expected);
		assertThat(top.present()).isEqualTo(present);
		assertThat(top.sessions()).isEqualTo(2);
		assertThat(report.rate()).isCloseTo(100.0 * 7 / 9, org.assertj.core.data.Offset.offset(0.001));
		StudySessions.Row committeeRow = report.rows()
			.stream()
			.filter((r) -> r.organizationId() == committee)
			.findFirst()
			.orElseThrow();
		assertThat(committeeRow.expected()).isEqualTo(6);
		assertThat(committeeRow.present()).isEqualTo(5);
		assertThat(committeeRow.depth()).isEqualTo(1);
		assertThat(report.notHeld()).extracting(StudySessions.Row::organizationId).containsExactly(idle);

		List<StudySessions.Attendance> attendance = this.study.attendance(this.system, d,
				this.study.sessions(this.system, d).get(0).id());
		assertThat(attendance).filteredOn((a) -> !a.present())
			.singleElement()
			.satisfies((a) -> assertThat(a.absenceReason()).isEqualTo("Đi công tác"));
	}

	@Test
	void theSampleHolds16CtTuWithItsStudySessionsAndOrganizationsThatNeverHeldTheirs() {
		CurrentUser vanphong = this.users.currentUser("vanphong");
		Page<DocumentListItem> found = this.documents.search(vanphong,
				new Documents.Query("16-CT/TU tang cuong vai tro lanh dao", null, null, 2007, 0, 10));
		DocumentListItem d16 = found.items()
			.stream()
			.filter((d) -> d.symbol().equals("16-CT/TU") && d.direction() == Direction.RECEIVED)
			.findFirst()
			.orElseThrow();
		assertThat(d16.type()).isEqualTo(DocumentType.DIRECTIVE);
		assertThat(d16.issuedOn().getYear()).isEqualTo(2007);
		assertThat(this.documents.get(vanphong, d16.id()).sampleNote()).contains("giả định");

		StudySessions.Report report = this.study.report(vanphong, d16.id(), null);
		assertThat(report.rows().get(0).name()).isEqualTo(SampleCommittee.BLOC_FIRST_NAME);
		long expected = sql("SELECT count(*) FROM study_attendance a JOIN study_session s ON s.id = a.session_id "
				+ "WHERE s.document_id = " + d16.id());
		long present = sql("SELECT count(*) FROM study_attendance a JOIN study_session s ON s.id = a.session_id "
				+ "WHERE a.present AND s.document_id = " + d16.id());
		assertThat(report.expected()).isEqualTo(expected).isGreaterThan(1000);
		assertThat(report.present()).isEqualTo(present);
		assertThat(report.rate()).isBetween(85.0, 99.0);
		assertThat(report.notHeld()).hasSizeGreaterThanOrEqualTo(DocumentSample.NEVER_HELD);
		assertThat(report.sessions())
			.isEqualTo(sql("SELECT count(*) FROM study_session WHERE document_id = " + d16.id()));

		// the bloc's secretary of one grassroots organisation sees the directive sent
		// down to it
		CurrentUser bithu = this.users.currentUser("bithu");
		assertThat(this.documents.get(bithu, d16.id()).symbol()).isEqualTo("16-CT/TU");
		// but not the bloc's own MẬT report, nor (without clearance) vanphong
		long secret = sql("SELECT id FROM document WHERE secrecy = 'MAT' ORDER BY issued_on LIMIT 1");
		Http api = new Http(this.port).basic("vanphong", SampleCommittee.PASSWORD);
		assertThat(api.get("/api/v1/documents/" + secret).statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + d16.id() + "/study-sessions").body()).contains("\"notHeld\"");
		Http browser = new Http(this.port);
		browser.login("vanphong", SampleCommittee.PASSWORD);
		assertThat(browser.get("/documents/" + d16.id() + "/study").body())
			.contains("Học tập, quán triệt văn bản 16-CT/TU", "chưa tổ chức học tập");
		assertThat(browser.get("/documents").body()).contains("16-CT/TU", "294-QĐ/TW");
	}

	@Test
	void theReviewAnnexCountsIssuedDocumentsAndStudyByYearAsTheTablesDo() {
		vn.capuy.system.ScopeRef all = new vn.capuy.system.ScopeRef(new Long[0], true);
		List<ReviewContribution.AnnexTable> tables = this.figures.tables(all, LocalDate.of(2007, 1, 1),
				LocalDate.of(2012, 12, 31));
		ReviewContribution.AnnexTable issued = tables.get(0);
		List<Object> row2012 = issued.rows().stream().filter((r) -> r.get(0).equals("2012")).findFirst().orElseThrow();
		assertThat(row2012.get(row2012.size() - 1)).isEqualTo(sql("SELECT count(*) FROM document WHERE direction = "
				+ "'ISSUED' AND issued_on BETWEEN '2012-01-01' AND '2012-12-31'"));
		int reportColumn = issued.columnKeys().indexOf("document.type.REPORT");
		assertThat(row2012.get(reportColumn)).isEqualTo(sql("SELECT count(*) FROM document WHERE direction = "
				+ "'ISSUED' AND doc_type = 'REPORT' AND issued_on BETWEEN '2012-01-01' AND '2012-12-31'"));
		ReviewContribution.AnnexTable study = tables.get(1);
		List<Object> row2007 = study.rows().stream().filter((r) -> r.get(0).equals("2007")).findFirst().orElseThrow();
		assertThat(row2007.get(1))
			.isEqualTo(sql("SELECT count(*) FROM study_session WHERE held_on BETWEEN '2007-01-01' AND '2007-12-31'"));
		assertThat(row2007.get(4)).isEqualTo(sql("SELECT count(*) FROM study_attendance a JOIN study_session s "
				+ "ON s.id = a.session_id WHERE a.present AND s.held_on BETWEEN '2007-01-01' AND '2007-12-31'"));
	}

	long sql(String query) {
		return this.jdbc.sql(query).query(Long.class).single();
	}

}
