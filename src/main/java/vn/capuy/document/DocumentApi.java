package vn.capuy.document;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.Page;

/**
 * The document register over JSON: search, one document, issuing (answers the number and
 * symbol), receiving, sending down, DOCX and PDF in the HD 36 layout, attachments, study
 * sessions and their report.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentApi {

	private final Documents documents;

	private final Attachments attachments;

	private final StudySessions study;

	DocumentApi(Documents documents, Attachments attachments, StudySessions study) {
		this.documents = documents;
		this.attachments = attachments;
		this.study = study;
	}

	@GetMapping
	Page<DocumentListItem> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Direction direction, @RequestParam(required = false) DocumentType type,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.documents.search(CurrentUser.get(),
				new Documents.Query(q, direction, type, year, Page.page(page), Page.size(size)));
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		Map<String, Object> body = new HashMap<>();
		body.put("document", this.documents.get(user, id));
		body.put("recipients", this.documents.recipients(user, id));
		body.put("attachments", this.attachments.list(user, id));
		return body;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Documents.Issued issue(@RequestBody Documents.IssueRequest request) {
		return this.documents.issue(CurrentUser.get(), request);
	}

	@PostMapping("/received")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> receive(@RequestBody Documents.ReceiveRequest request) {
		CurrentUser user = CurrentUser.get();
		long id = this.documents.receive(user, request);
		DocumentRecord d = this.documents.find(user, id);
		return Map.of("id", id, "symbol", d.symbol(), "arrivalNumber", d.arrivalNumber(), "dueDate", d.dueDate());
	}

	/** Organisations to send a document down to, and the day it is sent. */
	record SendRequest(List<Long> organizationIds, LocalDate sentOn) {
	}

	@PostMapping("/{id}/recipients")
	Map<String, Object> send(@PathVariable long id, @RequestBody SendRequest request) {
		if (request.organizationIds() == null || request.organizationIds().isEmpty()) {
			throw new InvalidInputException("recipientOrgIds", "error.required");
		}
		int added = this.documents.send(CurrentUser.get(), id, request.organizationIds(), request.sentOn());
		return Map.of("added", added);
	}

	@GetMapping("/{id}.docx")
	ResponseEntity<byte[]> docx(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		byte[] bytes = this.documents.layout(user, id, "DOCX").toDocx();
		return file(bytes, AttachmentKind.DOCX.contentType(), this.documents.fileName(user, id, "docx"));
	}

	@GetMapping("/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		byte[] bytes = this.documents.layout(user, id, "PDF").toPdf();
		return file(bytes, AttachmentKind.PDF.contentType(), this.documents.fileName(user, id, "pdf"));
	}

	/** Attaches the request body as a file; the type is read from the content. */
	@PostMapping(path = "/{id}/attachments", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> attach(@PathVariable long id, @RequestParam String fileName, @RequestBody byte[] content) {
		return Map.of("id", this.attachments.attach(CurrentUser.get(), id, fileName, content));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		Attachments.Content content = this.attachments.content(CurrentUser.get(), id, attachmentId);
		return file(content.bytes(), content.kind().contentType(), content.fileName());
	}

	@GetMapping("/{id}/study-sessions")
	Map<String, Object> study(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		CurrentUser user = CurrentUser.get();
		return Map.of("sessions", this.study.sessions(user, id), "report", this.study.report(user, id, asOf));
	}

	/** A session: the organisation, the day, absentees with their reasons. */
	record SessionRequest(Long organizationId, LocalDate heldOn, Map<Long, String> absences, String note) {
	}

	@PostMapping("/{id}/study-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> record(@PathVariable long id, @RequestBody SessionRequest request) {
		long session = this.study.record(CurrentUser.get(), id, request.organizationId(), request.heldOn(),
				request.absences(), request.note());
		return Map.of("id", session);
	}

	@GetMapping("/{id}/study-sessions/{sessionId}")
	List<StudySessions.Attendance> attendance(@PathVariable long id, @PathVariable long sessionId) {
		return this.study.attendance(CurrentUser.get(), id, sessionId);
	}

	static ResponseEntity<byte[]> file(byte[] bytes, String contentType, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

}
