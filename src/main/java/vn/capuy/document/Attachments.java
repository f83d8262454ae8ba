package vn.capuy.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Files attached to a document, kept in the database: PDF, DOCX, XLSX, PNG or JPEG,
 * recognised by content and limited in size by the rule book. An attachment is read with
 * its document's scope and clearance.
 */
@Service
@Transactional(readOnly = true)
public class Attachments {

	private final JdbcClient jdbc;

	private final Documents documents;

	private final RuleBook rules;

	private final AuditLog audit;

	private final Today today;

	Attachments(JdbcClient jdbc, Documents documents, RuleBook rules, AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.rules = rules;
		this.audit = audit;
		this.today = today;
	}

	/** An attachment as the document page lists it. */
	public record Attachment(long id, String fileName, AttachmentKind kind, long size, String uploadedBy,
			Instant uploadedAt) {
	}

	/** An attachment's content, to download. */
	public record Content(String fileName, AttachmentKind kind, byte[] bytes) {
	}

	/** Attaches a file after checking its size and content; audited. */
	@Transactional
	public long attach(CurrentUser user, long documentId, String fileName, byte[] bytes) {
		Documents.requireEditor(user);
		this.documents.find(user, documentId);
		String name = VietnameseText.clean(fileName);
		if (name == null || name.isEmpty()) {
			name = "tep-dinh-kem";
		}
		name = name.replaceAll("[\\\\/]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException("file", "error.document.attachment.empty");
		}
		int max = this.rules.integer("document.attachment.max-bytes", this.today.date());
		if (bytes.length > max) {
			throw new InvalidInputException("file", "error.document.attachment.too-large", bytes.length / 1024,
					max / 1024);
		}
		AttachmentKind kind = AttachmentKind.detect(bytes)
			.orElseThrow(() -> new InvalidInputException("file", "error.document.attachment.kind"));
		String sha = sha256(bytes);
		long id = this.jdbc.sql("""
				INSERT INTO document_attachment (document_id, file_name, kind, size_bytes, sha256, content, uploaded_by)
				VALUES (:d, :name, :kind, :size, :sha, :content, :actor) RETURNING id
				""")
			.param("d", documentId)
			.param("name", name)
			.param("kind", kind.name())
			.param("size", (long) bytes.length)
			.param("sha", sha)
			.param("content", bytes)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ATTACH", "document", documentId, null,
				Map.of("attachment", id, "file", name, "kind", kind.name(), "sha256", sha));
		return id;
	}

	public List<Attachment> list(CurrentUser user, long documentId) {
		this.documents.find(user, documentId);
		return this.jdbc.sql("""
				SELECT id, file_name, kind, size_bytes, uploaded_by, uploaded_at FROM document_attachment
				WHERE document_id = :d AND closed_at IS NULL ORDER BY id
				""")
			.param("d", documentId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), AttachmentKind.valueOf(rs.getString(3)),
					rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The content of an attachment; opening one of a marked document is audited. */
	@Transactional
	public Content content(CurrentUser user, long documentId, long attachmentId) {
		DocumentRecord d = this.documents.find(user, documentId);
		Content content = this.jdbc.sql("""
				SELECT file_name, kind, content FROM document_attachment
				WHERE id = :id AND document_id = :d AND closed_at IS NULL
				""")
			.param("id", attachmentId)
			.param("d", documentId)
			.query((rs, n) -> new Content(rs.getString(1), AttachmentKind.valueOf(rs.getString(2)), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
		if (d.secrecy().marked()) {
			this.audit.record(user.username(), "READ", "document_attachment", attachmentId, null,
					Map.of("document", documentId, "secrecy", d.secrecy().name()));
		}
		return content;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
