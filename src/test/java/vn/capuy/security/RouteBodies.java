package vn.capuy.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.capuy.security.RouteCalls.Body;

/**
 * A valid body for every write route of the matrix that would otherwise be refused as bad
 * input (400, 413, 415) before its role check: form parameters, JSON, raw content or a
 * small valid file. {@code ${name}} is filled with the resolved path variables and the
 * scope's records ({@code @organization}, {@code @member}, {@code @member2},
 * {@code @cell}, ... see {@code RouteMatrixTests.extras}), inside or outside the scope,
 * so that the same valid body is also refused out of scope.
 */
final class RouteBodies {

	/** A date inside every open period of the sample (today is 2026-11-29). */
	static final String D = "2026-11-20";

	private static final Map<String, Body> BODIES = new LinkedHashMap<>();

	private RouteBodies() {
	}

	private static final Map<String, String> DRAFT = Map.of("id", "@draftMeeting", "minutesId", "@draftMinutes",
			"itemId", "@draftItem");

	/**
	 * Path variables a route needs of a particular kind (a Youth Union for its
	 * candidates), by placeholder.
	 */
	static final Map<String, Map<String, String>> PATHS = Map.ofEntries(
			Map.entry("POST /mass-organizations/{id}/candidates", Map.of("id", "@youthUnion")),
			Map.entry("POST /members/{id}/readmission", Map.of("id", "@removed")),
			Map.entry("POST /grading/reviews/{id}/{action:self|propose}", Map.of("action", "@propose")),
			Map.entry("POST /meetings/{id}/attendance", Map.of("id", "@heldMeeting")),
			Map.entry("POST /meetings/{id}/attendance/import", Map.of("id", "@heldMeeting")),
			Map.entry("POST /meetings/{id}/votes", Map.of("id", "@heldMeeting")),
			Map.entry("POST /meetings/{id}/votes/import", Map.of("id", "@heldMeeting")),
			Map.entry("POST /meetings/{id}/minutes", Map.of("id", "@heldMeeting")),
			Map.entry("POST /documents/{id}/handled", Map.of("id", "@receivedDocument")),
			Map.entry("POST /reports/{id}", Map.of("id", "@draftReport")),
			Map.entry("POST /reports/{id}/{action}", Map.of("id", "@draftReport")),
			Map.entry("PUT /api/v1/reports/{id}", Map.of("id", "@draftReport")),
			Map.entry("POST /api/v1/reports/{id}/submit", Map.of("id", "@draftReport")),
			Map.entry("POST /review-submissions/{id}", Map.of("id", "@draftSubmission")),
			Map.entry("POST /review-submissions/{id}/{action}", Map.of("id", "@draftSubmission")),
			Map.entry("PUT /api/v1/review-submissions/{id}", Map.of("id", "@draftSubmission")),
			Map.entry("POST /api/v1/review-submissions/{id}/submit", Map.of("id", "@draftSubmission")),
			Map.entry("POST /meetings/{id}/minutes/{minutesId}", DRAFT),
			Map.entry("POST /meetings/{id}/minutes/{minutesId}/items/{itemId}", DRAFT),
			Map.entry("POST /meetings/{id}/minutes/{minutesId}/items/{itemId}/speech", DRAFT),
			Map.entry("POST /meetings/{id}/minutes/{minutesId}/tasks", DRAFT),
			Map.entry("POST /meetings/{id}/minutes/{minutesId}/{action}", DRAFT));

	/**
	 * The valid body of a route, or null. Synchronized: the calls run on several threads,
	 * and a thread must not read the map while another is still filling it (it would find
	 * no body for the routes not yet filled and post them empty).
	 */
	static synchronized Body of(String key) {
		if (BODIES.isEmpty()) {
			fill();
		}
		return BODIES.get(key);
	}

	private static Body form(String... pairs) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return new Body(form, null, null, null, null, null, null);
	}

	private static Body json(String json) {
		return new Body(Map.of(), json, null, null, null, null, null);
	}

	private static Body raw(byte[] raw, String... pairs) {
		Body form = form(pairs);
		return new Body(form.form(), null, raw, null, null, null, null);
	}

	private static Body file(String part, String name, String type, byte[] content, String... pairs) {
		Body form = form(pairs);
		return new Body(form.form(), null, null, part, name, type, content);
	}

	/** A one-page PDF. */
	static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
				+ "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
				+ "trailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** A 4 × 4 PNG. */
	static byte[] png() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An XLSX with a header row and one row per given line. */
	static byte[] xlsx(String[] header, String[]... rows) {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Sheet1");
			org.apache.poi.ss.usermodel.Row first = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				first.createCell(i).setCellValue(header[i]);
			}
			for (int r = 0; r < rows.length; r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows[r].length; i++) {
					row.createCell(i).setCellValue(rows[r][i]);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static void put(String key, Body body) {
		BODIES.put(key, body);
	}

	private static void fill() {
		String member = "{\"fullName\":\"Nguyễn Văn Ma Trận\",\"sex\":\"NAM\",\"dateOfBirth\":\"1990-05-01\","
				+ "\"ethnicityCode\":\"01\",\"admissionDecisionDate\":\"2020-03-02\","
				+ "\"admissionCeremonyDate\":\"2020-03-02\",\"fullMembershipDate\":\"2021-03-02\"}";
		// calendar (not scoped)
		put("GET /api/v1/calendar/days-off", form("year", "2026"));
		put("GET /api/v1/calendar/working-days", form("from", D, "days", "5"));
		// admissions
		put("POST /admissions/{id}/forms", form("form", "F1", "date", D, "reference", "ma-tran"));
		put("POST /api/v1/admissions",
				json("{\"fullName\":\"Trần Thị Ma Trận\",\"sex\":\"NU\",\"dateOfBirth\":\"2000-01-02\","
						+ "\"education\":\"12/12\",\"lowerSecondaryCompleted\":true,\"youthUnionMember\":true,"
						+ "\"organizationId\":${@cell},\"helperMemberId\":${@member},\"identifiedOn\":\"" + D + "\"}"));
		put("POST /api/v1/admissions/{id}/certificate", json("{\"date\":\"" + D + "\",\"passed\":true}"));
		put("POST /api/v1/admissions/{id}/forms", json("{\"form\":\"F1\",\"date\":\"" + D + "\",\"reference\":\"x\"}"));
		put("POST /api/v1/admissions/{id}/introducers",
				json("{\"memberId\":${@member},\"togetherSince\":\"2025-01-02\"}"));
		put("POST /api/v1/admissions/{id}/transitions",
				json("{\"target\":\"DA_HOC_NHAN_THUC\",\"date\":\"" + D + "\",\"decisionRef\":\"x\"}"));
		// directives, plans, reviews
		put("POST /api/v1/directives",
				json("{\"ownerId\":${@organization},\"kind\":\"PLAN\",\"symbol\":\"01-KH/MT\",\"title\":\"Ma trận\","
						+ "\"issuer\":\"Ma trận\",\"issuedOn\":\"" + D + "\",\"summary\":\"x\"}"));
		put("POST /api/v1/plans/{id}/organization-plans", json("{\"organizationId\":${@organization},"
				+ "\"adopted\":true,\"symbol\":\"02-KH/MT\",\"issuedOn\":\"" + D + "\",\"note\":\"x\"}"));
		put("POST /api/v1/plans/{id}/reports",
				json("{\"organizationId\":${@organization},\"periodStart\":\"${@periodStart}\"}"));
		put("POST /api/v1/tasks/{id}/progress",
				json("{\"progress\":50,\"date\":\"" + D + "\",\"version\":${@taskVersion}}"));
		put("POST /plans/{id}/indicators",
				form("itemId", "${@planItem}", "name", "Chỉ tiêu ma trận", "kind", "NUMBER", "target", "10"));
		put("PUT /api/v1/reports/{id}", json("{\"values\":{},\"texts\":{},\"version\":${@draftReportVersion}}"));
		put("PUT /api/v1/review-submissions/{id}",
				json("{\"texts\":{},\"values\":{},\"version\":${@draftSubmissionVersion}}"));
		put("POST /api/v1/reviews",
				json("{\"ownerId\":${@organization},\"kind\":\"YEARLY\",\"title\":\"Sơ kết ma trận\","
						+ "\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-12-31\",\"openedOn\":\"" + D
						+ "\",\"dueOn\":\"2026-12-20\"}"));
		put("POST /api/v1/reviews/{id}/submissions", json("{\"organizationId\":${@organization}}"));
		// discipline (confidential)
		put("POST /api/v1/discipline/decisions",
				json("{\"decidingOrganizationId\":${@organization},\"body\":\"GRASSROOTS_COMMITTEE\","
						+ "\"memberId\":${@member},\"standing\":\"MEMBER\",\"area\":\"PARTY_ACTIVITY\","
						+ "\"violationSummary\":\"Ma trận\",\"violationDate\":\"2026-06-01\",\"form\":\"KHIEN_TRACH\","
						+ "\"decisionDate\":\"" + D + "\",\"effectiveDate\":\"" + D + "\",\"documentRef\":\"01-QĐ/MT\","
						+ "\"eligibleVoters\":9,\"votesFor\":9,\"votesAgainst\":0}"));
		put("POST /api/v1/discipline/decisions/{id}/complaints",
				json("{\"handlingOrganizationId\":${@organization},\"body\":\"GRASSROOTS_COMMITTEE\","
						+ "\"receivedOn\":\"" + D + "\",\"grounds\":\"Ma trận\"}"));
		put("POST /api/v1/discipline/complaints/{id}/outcome",
				json("{\"outcome\":\"UPHELD\",\"decidedOn\":\"" + D + "\",\"outcomeRef\":\"02-QĐ/MT\"}"));
		put("POST /api/v1/inspection/cases",
				json("{\"handlingOrganizationId\":${@organization},\"body\":\"GRASSROOTS_COMMITTEE\","
						+ "\"kind\":\"REGULAR_SUPERVISION\",\"subjectMemberId\":${@member},\"content\":\"Ma trận\","
						+ "\"openedOn\":\"" + D + "\",\"decisionRef\":\"03-QĐ/MT\"}"));
		put("POST /inspection/cases/{id}/attachments", file("file", "bien-ban.pdf", "application/pdf", pdf()));
		// documents
		put("POST /api/v1/documents", json("{\"issuerOrgId\":${@organization},\"type\":\"PLAN\",\"issuedOn\":\"" + D
				+ "\","
				+ "\"title\":\"Kế hoạch ma trận\",\"summary\":\"x\",\"body\":\"Nội dung.\",\"place\":\"Ma trận\","
				+ "\"signerAuthority\":\"T/M CHI BỘ\",\"signerTitle\":\"BÍ THƯ\",\"signerName\":\"Ma Trận\","
				+ "\"secrecy\":\"NONE\",\"recipientOrgIds\":[],\"otherRecipients\":[\"Lưu\"]}"));
		put("POST /documents",
				form("issuerOrgId", "${@organization}", "type", "PLAN", "issuedOn", D, "title", "Kế hoạch ma trận",
						"summary", "x", "body", "Nội dung.", "place", "Ma trận", "signerName", "Ma Trận", "secrecy",
						"NONE", "otherRecipients", "Lưu"));
		String received = "\"symbol\":\"09-KH/MT\",\"type\":\"PLAN\",\"issuedOn\":\"" + D + "\","
				+ "\"issuerName\":\"Ma trận\",\"title\":\"Văn bản đến ma trận\",\"summary\":\"x\",\"signerName\":\"Ma\","
				+ "\"secrecy\":\"NONE\",\"receiverOrgId\":${@organization},\"arrivalDate\":\"" + D + "\"";
		put("POST /api/v1/documents/received", json("{" + received + "}"));
		put("POST /documents/received",
				form("symbol", "09-KH/MT", "type", "PLAN", "issuedOn", D, "issuerName", "Ma trận", "title",
						"Văn bản đến ma trận", "summary", "x", "signerName", "Ma", "secrecy", "NONE", "receiverOrgId",
						"${@organization}", "arrivalDate", D));
		put("POST /api/v1/documents/{id}/attachments", raw(pdf(), "fileName", "phu-luc.pdf"));
		put("POST /documents/{id}/attachments", file("file", "phu-luc.pdf", "application/pdf", pdf()));
		put("POST /api/v1/documents/{id}/recipients",
				json("{\"organizationIds\":[${@scratch}],\"sentOn\":\"" + D + "\"}"));
		put("POST /api/v1/documents/{id}/study-sessions",
				json("{\"organizationId\":${@organization},\"heldOn\":\"" + D + "\",\"absences\":{},\"note\":\"x\"}"));
		// fees
		put("POST /api/v1/fees/confirmations",
				raw(("memberId;month;amount;paidOn;reference\n${@member};2026-10;50000;" + D + ";ma-tran\n")
					.getBytes(StandardCharsets.UTF_8)));
		String payment = "{\"organizationId\":${@organization},\"memberId\":${@member},\"month\":\"2026-10\","
				+ "\"amount\":50000,\"paidOn\":\"" + D + "\",\"reference\":\"ma-tran\"}";
		put("POST /api/v1/fees/ledger/open", json(payment));
		put("POST /api/v1/fees/payments", json(payment));
		put("POST /api/v1/fees/remittances", json("{\"organizationId\":${@organization},\"month\":\"2026-10\","
				+ "\"amount\":50000,\"remittedOn\":\"" + D + "\",\"reference\":\"ma-tran\"}"));
		// grading and Hồ Chí Minh study
		put("POST /api/v1/grading/campaigns",
				json("{\"rootOrganizationId\":${@organization},\"periodKind\":\"YEAR\",\"periodFrom\":\"2026-01-01\","
						+ "\"periodTo\":\"2026-12-31\",\"title\":\"Đánh giá ma trận\",\"standingCommittees\":false,"
						+ "\"openedOn\":\"" + D + "\"}"));
		put("POST /api/v1/grading/campaigns/{id}/decisions", json("{\"decisions\":[{\"reviewId\":${@gradingReview},"
				+ "\"grade\":\"HTT\",\"reason\":\"Ma trận\"}],\"on\":\"" + D + "\"}"));
		put("POST /api/v1/grading/study/{year}/commitments", json(
				"{\"memberId\":${@member},\"commitment\":\"Ma trận\",\"linkedTasks\":\"x\",\"signedOn\":\"2025-03-02\"}"));
		put("POST /api/v1/grading/study/{year}/models",
				json("{\"organizationId\":${@organization},\"memberId\":${@member},\"modelTitle\":\"Ma trận\","
						+ "\"commendation\":\"Giấy khen\",\"decisionRef\":\"05-QĐ/MT\",\"recordedOn\":\"2025-12-02\"}"));
		put("POST /api/v1/grading/study/commitments/{id}/assessment",
				json("{\"midYearSelf\":\"Ma trận\",\"yearEndSelf\":\"Ma trận\",\"cellComment\":\"x\"}"));
		put("POST /api/v1/grading/study/{year}/theme", json("{\"theme\":\"Chuyên đề ma trận\",\"documentRef\":\"x\"}"));
		// imports
		String[] header = { "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Số thẻ đảng viên" };
		byte[] book = xlsx(header, new String[] { "Lê Văn Ma Trận (mẫu)", "Nam", "01/02/1990", "02/03/2020", "" });
		put("POST /api/v1/imports/members",
				file("file", "dang-vien.xlsx", XLSX, book, "organizationId", "${@scratch}"));
		put("POST /imports", file("file", "dang-vien.xlsx", XLSX, book, "organizationId", "${@scratch}"));
		put("POST /imports/preview", file("file", "dang-vien.xlsx", XLSX, book, "organizationId", "${@scratch}"));
		put("POST /imports/layouts/{id}", form("name", "Bố cục ma trận", "col0", "FULL_NAME", "col1", "SEX", "col2",
				"DATE_OF_BIRTH", "col3", "ADMISSION_DECISION_DATE", "col4", "PARTY_CARD_NUMBER"));
		// mass organisations
		put("POST /api/v1/mass-organizations", json("{\"organizationId\":${@organization},\"kind\":\"VETERANS\","
				+ "\"name\":\"Chi hội Cựu chiến binh ma trận\",\"validFrom\":\"" + D + "\"}"));
		put("POST /mass-organizations", form("organizationId", "${@organization}", "kind", "VETERANS", "name",
				"Chi hội Cựu chiến binh ma trận", "validFrom", D));
		put("POST /mass-organizations/{id}/candidates",
				form("fullName", "Phạm Văn Ma Trận (mẫu)", "dateOfBirth", "2000-01-02", "proposedOn", D));
		put("POST /mass-organizations/{id}/counts", form("year", "2026", "members", "12"));
		put("POST /mass-organizations/{id}/decisions",
				form("symbol", "07-QĐ/MT", "issuedOn", D, "decisionSubject", "Ma trận"));
		put("POST /mass-organizations/{id}/leaders",
				form("fullName", "Võ Thị Ma Trận (mẫu)", "title", "DEPUTY_CHAIR", "validFrom", D, "decisionRef", "x"));
		// meetings and minutes
		put("POST /api/v1/meetings", json("{\"organizationId\":${@organization},\"type\":\"THEMATIC\","
				+ "\"date\":\"2026-12-15\",\"title\":\"Sinh hoạt chuyên đề ma trận\",\"place\":\"Hội trường\"}"));
		put("POST /api/v1/meetings/plan", json("{\"organizationId\":${@organization},\"year\":2027}"));
		String change = "{\"date\":\"" + D + "\",\"reason\":\"Ma trận\",\"durationMinutes\":90,"
				+ "\"place\":\"Hội trường\",\"subject\":\"Ma trận\"}";
		put("POST /api/v1/meetings/{id}/hold", json(change));
		put("POST /api/v1/meetings/{id}/move", json(change.replace(D, "2026-12-16")));
		put("POST /api/v1/meetings/{id}/not-held", json(change));
		put("POST /api/v1/meetings/{id}/votes", json("{\"kind\":\"RESOLUTION\",\"subject\":\"Ma trận\","
				+ "\"votesFor\":5,\"votesAgainst\":0,\"abstentions\":0,\"present\":5}"));
		put("POST /api/v1/meeting-tasks/{id}/done", json("{\"doneOn\":\"" + D + "\",\"note\":\"x\"}"));
		put("POST /api/v1/minutes/{id}/correct", json("{\"chairName\":\"Ma\",\"recorderName\":\"Trận\","
				+ "\"opening\":\"x\",\"resolution\":\"x\",\"closing\":\"x\",\"reason\":\"Sửa lỗi chính tả\"}"));
		put("POST /api/v1/minutes/{id}/items/{itemId}",
				json("{\"report\":\"Ma trận\",\"conclusion\":\"x\",\"criticism\":false}"));
		put("POST /api/v1/minutes/{id}/tasks",
				json("{\"description\":\"Việc ma trận\",\"assigneeName\":\"Ma Trận\",\"dueOn\":\"2026-12-20\"}"));
		put("POST /api/v1/minutes/{id}/items/{itemId}/speeches",
				json("{\"speaker\":\"Ma Trận\",\"content\":\"Phát biểu\",\"criticism\":false}"));
		byte[] sheet = xlsx(new String[] { "Họ và tên", "Có mặt" }, new String[] { "Ma Trận", "x" });
		put("POST /meetings/{id}/attendance/import",
				file("file", "diem-danh.xlsx", XLSX, sheet, "mappingId", "${@sheetMapping}"));
		byte[] votes = xlsx(
				new String[] { "Nội dung biểu quyết", "Loại biểu quyết", "Tán thành", "Không tán thành",
						"Không biểu quyết", "Số đảng viên chính thức có mặt" },
				new String[] { "Nghị quyết ma trận", "Nghị quyết", "5", "0", "0", "5" });
		put("POST /meetings/{id}/votes/import",
				file("file", "bieu-quyet.xlsx", XLSX, votes, "mappingId", "${@voteMapping}"));
		// members
		put("POST /api/v1/members",
				json("{\"record\":" + member + ",\"organizationId\":${@cell}," + "\"placedOn\":\"" + D + "\"}"));
		put("PUT /api/v1/members/{id}", json("{\"record\":" + member + ",\"version\":${@version}}"));
		String[] memberForm = { "fullName", "Nguyễn Văn Ma Trận", "sex", "NAM", "dateOfBirth", "1990-05-01",
				"ethnicityCode", "01", "admissionDecisionDate", "2020-03-02", "admissionCeremonyDate", "2020-03-02",
				"fullMembershipDate", "2021-03-02", "organizationId", "${@cell}", "placedOn", D };
		put("POST /members", form(memberForm));
		String[] correct = java.util.Arrays.copyOf(memberForm, memberForm.length + 2);
		correct[memberForm.length] = "version";
		correct[memberForm.length + 1] = "${@version}";
		put("POST /members/{id}", form(correct));
		put("POST /members/{id}/documents", file("documentFile", "quyet-dinh.pdf", "application/pdf", pdf(),
				"documentKind", "OTHER", "documentDate", D, "note", "x"));
		put("POST /members/{id}/documents/{documentId}/close", form("closeReason", "Trùng"));
		put("POST /members/{id}/photo", file("photo", "anh.png", "image/png", png()));
		put("POST /members/{id}/end",
				form("endReason", "XIN_RA_KHOI_DANG", "date", D, "decisionRef", "08-QĐ/MT", "note", "x"));
		put("POST /members/{id}/exemptions", form("kind", "TEMPORARY", "validFrom", D, "validTo", "2027-05-20",
				"reason", "Đi xa", "decisionRef", "x"));
		put("POST /members/{id}/exemptions/{exemptionId}/end", form("validTo", D, "decisionRef", "x"));
		put("POST /members/{id}/readmission", form("organizationId", "${@readmissionCell}", "helperMemberId",
				"${@member}", "considerOn", D, "provincialConsentRef", "CV 12-CV/TU (ma trận)"));
		put("POST /members/{id}/transfers", form("kind", "NOI_BO", "toOrganizationId", "${@cell}", "causeDate", D,
				"startedOn", D, "feesPaidTo", "2026-11", "decisionRef", "x"));
		put("POST /members/{id}/transfers/{transferId}/receive", form("presentedOn", D));
		// organisations and committees
		String operation = "{\"name\":\"Chi bộ ma trận\",\"parentId\":${@otherParent},\"reason\":\"Ma trận\","
				+ "\"date\":\"" + D + "\",\"decisionRef\":\"10-QĐ/MT\"}";
		put("POST /api/v1/organizations",
				json("{\"type\":\"CHI_BO_TRUC_THUOC\",\"name\":\"Chi bộ ma trận\",\"parentId\":${@organization},"
						+ "\"date\":\"" + D + "\",\"decisionRef\":\"10-QĐ/MT\"}"));
		put("POST /api/v1/organizations/merge", json(
				"{\"predecessorIds\":[${@cell},${@cell2}],\"type\":\"CHI_BO_TRUC_THUOC\",\"name\":\"Chi bộ ma trận\","
						+ "\"parentId\":${@organization},\"date\":\"" + D + "\",\"decisionRef\":\"10-QĐ/MT\"}"));
		put("POST /api/v1/organizations/{id}/dissolve", json(operation));
		put("POST /api/v1/organizations/{id}/move", json(operation));
		put("POST /api/v1/organizations/{id}/rename", json(operation));
		put("POST /api/v1/organizations/{id}/split",
				json("{\"parts\":[{\"type\":\"CHI_BO_TRUC_THUOC\",\"name\":\"Chi bộ ma trận 1\"},"
						+ "{\"type\":\"CHI_BO_TRUC_THUOC\",\"name\":\"Chi bộ ma trận 2\"}],\"childToPart\":{},\"memberToPart\":{},"
						+ "\"date\":\"" + D + "\",\"decisionRef\":\"10-QĐ/MT\"}"));
		put("POST /organizations/{id}/children",
				form("type", "TO_DANG", "name", "Tổ đảng ma trận", "date", D, "decisionRef", "10-QĐ/MT"));
		put("POST /organizations/{id}/merge",
				form("with", "${@cell2}", "name", "Chi bộ ma trận", "date", D, "decisionRef", "10-QĐ/MT"));
		put("POST /organizations/{id}/move", form("parentId", "${@otherParent}", "date", D, "decisionRef", "x"));
		put("POST /organizations/{id}/split",
				form("names", "Chi bộ ma trận 1\nChi bộ ma trận 2", "date", D, "decisionRef", "10-QĐ/MT"));
		String assignment = "\"memberId\":${@committeeMember},\"fieldCode\":\"${@field}\",\"validFrom\":\"" + D
				+ "\",\"decisionRef\":\"11-QĐ/MT\"";
		put("POST /api/v1/organizations/{id}/assignments", json("{" + assignment + "}"));
		put("POST /committees/organizations/{id}/assignments", form("memberId", "${@committeeMember}", "fieldCode",
				"${@field}", "validFrom", D, "decisionRef", "11-QĐ/MT"));
		put("POST /api/v1/organizations/{id}/positions",
				json("{\"position\":\"COMMITTEE_MEMBER\"," + "\"memberId\":${@orgMember},\"validFrom\":\"" + D
						+ "\",\"filledBy\":\"ELECTED\",\"decisionRef\":\"x\"}"));
		put("POST /committees/organizations/{id}/positions", form("position", "COMMITTEE_MEMBER", "memberId",
				"${@orgMember}", "validFrom", D, "filledBy", "ELECTED", "decisionRef", "x"));
		put("POST /api/v1/organizations/{id}/regulations",
				json("{\"kind\":\"WORKING\",\"symbol\":\"12-QC/MT\",\"title\":\"Quy chế làm việc ma trận\","
						+ "\"adoptedOn\":\"" + D + "\"}"));
		put("POST /committees/organizations/{id}/regulations",
				form("kind", "WORKING", "symbol", "12-QC/MT", "title", "Quy chế làm việc ma trận", "adoptedOn", D));
		put("POST /api/v1/organizations/{id}/terms",
				json("{\"number\":9,\"label\":\"Nhiệm kỳ ma trận\",\"congressDate\":\"" + D + "\","
						+ "\"plannedEnd\":\"2031-11-20\",\"openedBy\":\"CONGRESS\",\"decisionRef\":\"x\"}"));
		put("POST /committees/organizations/{id}/terms", form("number", "9", "label", "Nhiệm kỳ ma trận",
				"congressDate", D, "plannedEnd", "2031-11-20", "openedBy", "CONGRESS", "decisionRef", "x"));
		put("POST /committees/organizations/{id}/agency-head",
				form("agencyHead", "true", "validFrom", D, "decisionRef", "x"));
		put("POST /committees/organizations/{id}/assignments/{kind}/{assignmentId}/close",
				form("date", D, "reason", "Ma trận"));
		put("POST /api/v1/positions/{id}/close", json("{\"date\":\"" + D + "\",\"reason\":\"Ma trận\"}"));
		put("POST /committees/positions/{positionId}/close", form("date", D, "reason", "Ma trận"));
		put("POST /api/v1/regulations/{id}/attachment", raw(pdf(), "fileName", "quy-che.pdf"));
		put("POST /api/v1/regulations/{id}/close", json("{\"date\":\"" + D + "\",\"reason\":\"Ma trận\"}"));
		put("POST /api/v1/regulations/{id}/reviews",
				json("{\"reviewedOn\":\"" + D + "\",\"outcome\":\"Còn phù hợp\"}"));
		put("POST /committees/regulations/{regulationId}/review", form("reviewedOn", D, "outcome", "Còn phù hợp"));
		put("POST /committees/checklists", form("type", "CHI_BO_TRUC_THUOC", "text", "Mục kiểm tra ma trận",
				"sortOrder", "99", "sourceDocument", "x"));
		put("POST /committees/fields", form("code", "MA_TRAN", "name", "Lĩnh vực ma trận", "sortOrder", "99"));
		// page forms (their handlers redirect with the refusal of bad input, so a valid
		// form is what lets the role decide)
		put("POST /fees/open", form("month", "2026-10"));
		put("POST /fees/pay",
				form("memberId", "${@member}", "month", "2026-10", "amount", "50000", "paidOn", D, "reference", "x"));
		put("POST /fees/remittance",
				form("month", "2026-10", "amount", "50000", "remittedOn", D, "reference", "ma-tran"));
		put("POST /documents/{id}/recipients", form("organizationIds", "${@scratch}", "sentOn", D));
		put("POST /grading/study/commitments", form("year", "2025", "memberId", "${@member}", "commitment", "Ma trận",
				"linkedTasks", "x", "signedOn", "2025-03-02"));
		put("POST /grading/study/commitments/{id}",
				form("midYearSelf", "Ma trận", "yearEndSelf", "Ma trận", "cellComment", "x"));
		put("POST /grading/study/models", form("year", "2025", "memberId", "${@member}", "modelTitle", "Ma trận",
				"commendation", "Giấy khen", "decisionRef", "05-QĐ/MT", "recordedOn", "2025-12-02"));
		put("POST /grading/study/theme", form("year", "2025", "theme", "Chuyên đề ma trận", "documentRef", "x"));
		// meetings: a planned meeting (the route's own), a held one without minutes
		// (attendance, votes, minutes) and draft minutes (their edits), see PATHS
		put("POST /meetings/guidance", form("month", "2026-12", "title", "Hướng dẫn ma trận", "body", "Nội dung."));
		put("POST /meetings/settings/mapping",
				form("name", "Mẫu điểm danh ma trận", "nameColumn", "Họ và tên", "statusColumn", "Có mặt",
						"presentValues", "x", "lateValues", "m", "excusedValues", "p", "unexcusedValues", "k"));
		put("POST /meetings/settings/vote-mapping",
				form("name", "Mẫu biểu quyết ma trận", "subjectColumn", "Nội dung", "kindColumn", "Loại", "forColumn",
						"Tán thành", "againstColumn", "Không tán thành", "abstainColumn", "Không biểu quyết"));
		put("POST /meetings/settings/sheet",
				form("name", "Phiếu chấm ma trận", "kinds", "REGULAR", "criteria", "Chuẩn bị|40\nNội dung|60",
						"goodMin", "80", "fairMin", "65", "averageMin", "50", "validFrom", D, "sourceDocument",
						"HD ma trận"));
		put("POST /meetings/{id}/hold",
				form("heldOn", D, "durationMinutes", "90", "place", "Hội trường", "subject", "Ma trận"));
		put("POST /meetings/{id}/move", form("date", "2026-12-16", "reason", "Ma trận"));
		put("POST /meetings/{id}/not-held", form("reason", "Ma trận"));
		put("POST /meetings/{id}/tick", form("step", "CONTENT_AGREED", "date", D));
		put("POST /meetings/{id}/delegates", form("name", "Ma Trận", "role", "Đại biểu", "attended", "true"));
		put("POST /meetings/{id}/attendance", form("status_${@heldMember}", "PRESENT"));
		put("POST /meetings/{id}/votes", form("kind", "RESOLUTION", "subject", "Ma trận", "votesFor", "5",
				"votesAgainst", "0", "abstentions", "0", "present", "5"));
		put("POST /meetings/{id}/minutes", form("chairName", "Ma", "recorderName", "Trận"));
		put("POST /meetings/{id}/minutes/{minutesId}", form("chairName", "Ma", "recorderName", "Trận", "opening", "x",
				"resolution", "x", "closing", "x", "version", "${@minutesVersion}"));
		put("POST /meetings/{id}/minutes/{minutesId}/items/{itemId}", form("report", "Ma trận", "conclusion", "x"));
		put("POST /meetings/{id}/minutes/{minutesId}/items/{itemId}/speech",
				form("speaker", "Ma Trận", "content", "Phát biểu"));
		put("POST /meetings/{id}/minutes/{minutesId}/tasks",
				form("description", "Việc ma trận", "assigneeId", "${@heldMember}", "dueOn", "2026-12-20"));
		put("POST /meetings/{id}/tasks/{taskId}/done", form("doneOn", D, "note", "x"));
		// grading, documents, committee work, inspection programmes
		put("POST /grading/campaigns/{id}/decide", form("deciding", "${@organization}", "kind", "MEMBER",
				"grade_${@gradingReview}", "KHTNV", "reason_${@gradingReview}", "Ma trận"));
		put("POST /documents/{id}/close", form("status", "EXPIRED", "statusOn", D, "statusReason", "Ma trận"));
		put("POST /documents/{id}/handled", form("handledOn", D));
		put("POST /documents/{id}/study", form("heldOn", D, "note", "x"));
		put("POST /documents/terms",
				form("opening", "2030-10-01", "closing", "2030-10-03", "label", "Đại hội ma trận"));
		put("POST /plans/{id}/reports", form("periodStart", "${@periodStart}"));
		put("POST /reports/{id}", form("version", "${@draftReportVersion}"));
		put("POST /review-submissions/{id}", form("version", "${@draftSubmissionVersion}"));
		put("POST /inspection/programmes", form("body", "GRASSROOTS_COMMITTEE", "year", "2027", "title",
				"Chương trình kiểm tra ma trận", "adoptedOn", D));
		put("POST /inspection/programmes/{id}/items",
				form("kind", "REGULAR_SUPERVISION", "subjectMemberId", "${@member}", "content", "Ma trận",
						"plannedFrom", "${@programmeYear}-03-01", "plannedTo", "${@programmeYear}-04-30", "method",
						"Ma trận"));
		// rule book
		put("POST /rules/{id}/amend",
				form("value", "${@ruleValue}", "validFrom", D, "sourceDocument", "Ma trận", "confidence", "V"));
	}

}
