package vn.capuy.membership;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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
 * The member file's attachments: the 3×4 photo (PNG or JPEG, one in force, a replaced one
 * kept with the date it was closed) and scanned documents (PDF or image, with a kind, a
 * date and who uploaded them, closed with a reason instead of deleted). Files are
 * recognised by content, limited in size by the rule book, and read only within the
 * caller's scope (404 outside); every download of a document is audited.
 */
@Service
@Transactional(readOnly = true)
public class MemberFiles {

	/** Kinds offered in the form; any other text is accepted as well. */
	public static final List<String> SUGGESTED_KINDS = List.of("Quyết định kết nạp", "Lý lịch đảng viên",
			"Phiếu đảng viên", "Giấy chuyển sinh hoạt", "Quyết định công nhận đảng viên chính thức",
			"Phiếu bổ sung hồ sơ đảng viên", "Giấy chứng nhận học lớp nhận thức về Đảng", "Đơn xin vào Đảng");

	private final JdbcClient jdbc;

	private final Members members;

	private final RuleBook rules;

	private final AuditLog audit;

	private final Today today;

	MemberFiles(JdbcClient jdbc, Members members, RuleBook rules, AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.members = members;
		this.rules = rules;
		this.audit = audit;
		this.today = today;
	}

	/** What a file's bytes are. */
	public enum FileKind {

		/** Portable Document Format ({@code %PDF-}). */
		PDF("application/pdf", "pdf"),
		/** PNG image. */
		PNG("image/png", "png"),
		/** JPEG image. */
		JPEG("image/jpeg", "jpg");

		private final String mediaType;

		private final String extension;

		FileKind(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return this.mediaType;
		}

		public String extension() {
			return this.extension;
		}

		/** The kind by the file's first bytes, whatever its name says. */
		public static Optional<FileKind> detect(byte[] bytes) {
			if (starts(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
				return Optional.of(PDF);
			}
			if (starts(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
				return Optional.of(PNG);
			}
			if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
				return Optional.of(JPEG);
			}
			return Optional.empty();
		}

		private static boolean starts(byte[] bytes, int... magic) {
			if (bytes == null || bytes.length < magic.length) {
				return false;
			}
			for (int i = 0; i < magic.length; i++) {
				if ((bytes[i] & 0xFF) != magic[i]) {
					return false;
				}
			}
			return true;
		}

	}

	/** A photo of the member, in force ({@code validTo} null) or replaced. */
	public record Photo(long id, FileKind kind, long size, LocalDate validFrom, LocalDate validTo, String closedReason,
			String uploadedBy) {
	}

	/** A document attached to the file, as the member page lists it. */
	public record Attached(long id, String kind, LocalDate documentDate, String note, String fileName,
			FileKind fileKind, long size, String uploadedBy, Instant uploadedAt, LocalDate closedOn,
			String closedReason, String closedBy) {

		public boolean open() {
			return this.closedOn == null;
		}
	}

	/** A file's bytes, to send. */
	public record Content(String fileName, FileKind kind, byte[] bytes) {
	}

	/** A new document for the file. */
	public record NewDocument(String kind, LocalDate documentDate, String note, String fileName, byte[] bytes) {
	}

	/**
	 * Puts a new 3×4 photo on the file; the one in force is closed on today's date and
	 * kept. Refused unless the bytes are PNG or JPEG within the rule book's size.
	 * Audited.
	 */
	@Transactional
	public long uploadPhoto(CurrentUser user, long memberId, byte[] bytes) {
		requireEditor(user);
		requireVisible(user, memberId);
		FileKind kind = check("photo", bytes, "member.file.photo.max-bytes");
		if (kind == FileKind.PDF) {
			throw new InvalidInputException("photo", "error.memberfile.photo.kind");
		}
		LocalDate d = this.today.date();
		Long replaced = this.jdbc.sql("""
				UPDATE member_photo SET valid_to = :d, closed_reason = 'REPLACED'
				WHERE member_id = :m AND valid_to IS NULL RETURNING id
				""").param("d", d).param("m", memberId).query(Long.class).optional().orElse(null);
		String sha = sha256(bytes);
		long id = this.jdbc.sql("""
				INSERT INTO member_photo (member_id, kind, size_bytes, sha256, content, valid_from, uploaded_by)
				VALUES (:m, :kind, :size, :sha, :content, :d, :by) RETURNING id
				""")
			.param("m", memberId)
			.param("kind", kind.name())
			.param("size", (long) bytes.length)
			.param("sha", sha)
			.param("content", bytes)
			.param("d", d)
			.param("by", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "PHOTO", "member", memberId,
				replaced == null ? null : Map.of("photo", replaced),
				Map.of("photo", id, "kind", kind.name(), "sha256", sha));
		return id;
	}

	/** The photo in force, if any; 404 outside the caller's scope. */
	public Optional<Content> photo(CurrentUser user, long memberId) {
		requireVisible(user, memberId);
		return currentPhoto(memberId);
	}

	/** Every photo the file has had, newest first. */
	public List<Photo> photos(CurrentUser user, long memberId) {
		requireVisible(user, memberId);
		return this.jdbc.sql("""
				SELECT id, kind, size_bytes, valid_from, valid_to, closed_reason, uploaded_by FROM member_photo
				WHERE member_id = :m ORDER BY id DESC
				""")
			.param("m", memberId)
			.query((rs, n) -> new Photo(rs.getLong(1), FileKind.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getString(7)))
			.list();
	}

	/** A former photo, kept after replacement; 404 outside the caller's scope. */
	public Content photo(CurrentUser user, long memberId, long photoId) {
		requireVisible(user, memberId);
		return this.jdbc.sql("SELECT kind, content FROM member_photo WHERE id = :id AND member_id = :m")
			.param("id", photoId)
			.param("m", memberId)
			.query((rs, n) -> photoContent(memberId, FileKind.valueOf(rs.getString(1)), rs.getBytes(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException("photo " + photoId));
	}

	Optional<Content> currentPhoto(long memberId) {
		return this.jdbc.sql("SELECT kind, content FROM member_photo WHERE member_id = :m AND valid_to IS NULL")
			.param("m", memberId)
			.query((rs, n) -> photoContent(memberId, FileKind.valueOf(rs.getString(1)), rs.getBytes(2)))
			.optional();
	}

	private static Content photoContent(long memberId, FileKind kind, byte[] bytes) {
		return new Content("anh-" + memberId + "." + kind.extension(), kind, bytes);
	}

	/** Attaches a scanned document (PDF, PNG or JPEG by content) to the file. Audited. */
	@Transactional
	public long attach(CurrentUser user, long memberId, NewDocument d) {
		requireEditor(user);
		requireVisible(user, memberId);
		String kind = VietnameseText.clean(d.kind());
		if (kind == null || kind.isBlank()) {
			throw new InvalidInputException("documentKind", "error.memberfile.kind.required");
		}
		if (kind.length() > 200) {
			throw new InvalidInputException("documentKind", "error.memberfile.kind.long", 200);
		}
		if (d.documentDate() == null) {
			throw new InvalidInputException("documentDate", "error.memberfile.date.required");
		}
		if (d.documentDate().isAfter(this.today.date())) {
			throw new InvalidInputException("documentDate", "error.memberfile.date.future");
		}
		FileKind fileKind = check("documentFile", d.bytes(), "member.file.document.max-bytes");
		String name = VietnameseText.clean(d.fileName());
		if (name == null || name.isBlank()) {
			name = "tai-lieu." + fileKind.extension();
		}
		name = name.replaceAll("[\\\\/\"\\r\\n]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		String note = VietnameseText.clean(d.note());
		String sha = sha256(d.bytes());
		long id = this.jdbc.sql("""
				INSERT INTO member_document (member_id, kind, document_date, note, file_name, file_kind, size_bytes,
				                             sha256, content, uploaded_by)
				VALUES (:m, :kind, :date, :note, :name, :fk, :size, :sha, :content, :by) RETURNING id
				""")
			.param("m", memberId)
			.param("kind", kind.strip())
			.param("date", d.documentDate())
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("name", name)
			.param("fk", fileKind.name())
			.param("size", (long) d.bytes().length)
			.param("sha", sha)
			.param("content", d.bytes())
			.param("by", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ATTACH", "member", memberId, null,
				Map.of("document", id, "kind", kind.strip(), "file", name, "sha256", sha));
		return id;
	}

	/** The file's documents, open ones first, then the closed ones. */
	public List<Attached> documents(CurrentUser user, long memberId) {
		requireVisible(user, memberId);
		return this.jdbc.sql("""
				SELECT id, kind, document_date, note, file_name, file_kind, size_bytes, uploaded_by, uploaded_at,
				       closed_on, closed_reason, closed_by
				FROM member_document WHERE member_id = :m
				ORDER BY (closed_on IS NOT NULL), document_date, id
				""")
			.param("m", memberId)
			.query((rs, n) -> new Attached(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), FileKind.valueOf(rs.getString(6)), rs.getLong(7), rs.getString(8),
					rs.getTimestamp(9).toInstant(), rs.getObject(10, LocalDate.class), rs.getString(11),
					rs.getString(12)))
			.list();
	}

	/**
	 * A document's bytes (a closed one too: it is kept); 404 outside the caller's scope.
	 * Every download is audited.
	 */
	@Transactional
	public Content download(CurrentUser user, long memberId, long documentId) {
		requireVisible(user, memberId);
		Content c = this.jdbc.sql("""
				SELECT file_name, file_kind, content FROM member_document WHERE id = :id AND member_id = :m
				""")
			.param("id", documentId)
			.param("m", memberId)
			.query((rs, n) -> new Content(rs.getString(1), FileKind.valueOf(rs.getString(2)), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("member document " + documentId));
		this.audit.record(user.username(), "READ", "member_document", documentId, null, Map.of("member", memberId));
		return c;
	}

	/** Closes a document with a reason (it stays in the file, marked closed). Audited. */
	@Transactional
	public void close(CurrentUser user, long memberId, long documentId, String reason) {
		requireEditor(user);
		requireVisible(user, memberId);
		String why = VietnameseText.clean(reason);
		if (why == null || why.isBlank()) {
			throw new InvalidInputException("closeReason", "error.memberfile.close.reason");
		}
		int n = this.jdbc.sql("""
				UPDATE member_document SET closed_on = :d, closed_reason = :r, closed_by = :by
				WHERE id = :id AND member_id = :m AND closed_on IS NULL
				""")
			.param("d", this.today.date())
			.param("r", why.strip())
			.param("by", user.username())
			.param("id", documentId)
			.param("m", memberId)
			.update();
		if (n == 0) {
			throw new NotFoundException("member document " + documentId);
		}
		this.audit.record(user.username(), "CLOSE", "member_document", documentId, null,
				Map.of("member", memberId, "reason", why.strip()));
	}

	private FileKind check(String field, byte[] bytes, String limitKey) {
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException(field, "error.memberfile.empty");
		}
		int max = this.rules.integer(limitKey, this.today.date());
		if (bytes.length > max) {
			throw new InvalidInputException(field, "error.memberfile.too-large", (bytes.length + 1023) / 1024,
					max / 1024);
		}
		FileKind kind = FileKind.detect(bytes)
			.orElseThrow(() -> new InvalidInputException(field,
					"photo".equals(field) ? "error.memberfile.photo.kind" : "error.memberfile.document.kind"));
		return kind;
	}

	private void requireVisible(CurrentUser user, long memberId) {
		if (!this.members.visible(user, memberId)) {
			throw new NotFoundException("member " + memberId);
		}
	}

	private static void requireEditor(CurrentUser user) {
		if (!user.editsRegister()) {
			throw new AccessDeniedException("member file");
		}
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
