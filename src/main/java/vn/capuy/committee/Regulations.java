package vn.capuy.committee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.document.AttachmentKind;
import vn.capuy.document.DocumentRecord;
import vn.capuy.document.DocumentType;
import vn.capuy.document.Documents;
import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;

/**
 * Working regulations (quy chế làm việc, symbol QC) of a committee and of its inspection
 * committee, per term, with versions and reviews; coordination regulations (quy chế phối
 * hợp) with the agency head or, historically, a party delegation committee; and the
 * periods in which the secretary is also the agency head.
 */
@Service
@Transactional(readOnly = true)
public class Regulations {

	/** What a regulation governs. */
	public enum Kind {

		/** The committee's working regulation. */
		WORKING,
		/** The inspection committee's working regulation. */
		INSPECTION_WORKING,
		/** A coordination regulation with a counterpart. */
		COORDINATION

	}

	/**
	 * The other side of a coordination regulation. The constants name the legal bodies.
	 */
	public enum Counterpart {

		/** The head of the agency or unit (thủ trưởng cơ quan). */
		AGENCY_HEAD,
		/** A party affairs committee (ban cán sự đảng), ended in 2025. */
		BAN_CAN_SU_DANG,
		/** A party delegation (đảng đoàn), ended in 2025 at provincial level. */
		DANG_DOAN

	}

	/** A version of a regulation, with its last review. */
	public record Regulation(long id, long organizationId, Long termId, Kind kind, Counterpart counterpart,
			String counterpartName, String symbol, String title, int versionNo, Long amendsId, LocalDate adoptedOn,
			LocalDate validTo, String closedReason, String attachmentName, LocalDate lastReviewedOn, Long documentId) {

		public boolean inForceOn(LocalDate date) {
			return !date.isBefore(this.adoptedOn) && (this.validTo == null || date.isBefore(this.validTo));
		}

		/** The date the age is counted from: the last review, else the adoption. */
		public LocalDate ageFrom() {
			return this.lastReviewedOn != null && this.lastReviewedOn.isAfter(this.adoptedOn) ? this.lastReviewedOn
					: this.adoptedOn;
		}

	}

	/**
	 * A regulation to adopt: its document either taken from the document register
	 * ({@code documentId}; symbol, title and date default to the document's) or uploaded
	 * (the type is read from the content; {@code attachmentType} is ignored).
	 */
	public record NewRegulation(Kind kind, Counterpart counterpart, String counterpartName, String symbol, String title,
			LocalDate adoptedOn, String attachmentName, String attachmentType, byte[] attachment, Long documentId) {

		/** A regulation without a document of the register. */
		public NewRegulation(Kind kind, Counterpart counterpart, String counterpartName, String symbol, String title,
				LocalDate adoptedOn, String attachmentName, String attachmentType, byte[] attachment) {
			this(kind, counterpart, counterpartName, symbol, title, adoptedOn, attachmentName, attachmentType,
					attachment, null);
		}

	}

	/** File kinds a regulation's document may be: the text (PDF, DOCX) or a scan. */
	static final Set<AttachmentKind> ACCEPTED = EnumSet.of(AttachmentKind.PDF, AttachmentKind.DOCX, AttachmentKind.PNG,
			AttachmentKind.JPEG);

	/** Rule-book key of the document register's size limit, which uploads here share. */
	static final String MAX_BYTES = "document.attachment.max-bytes";

	/** A period in which the secretary is (or is not) also the agency head. */
	public record AgencyHeadPeriod(long id, long organizationId, boolean agencyHead, LocalDate validFrom,
			LocalDate validTo, String decisionRef) {
	}

	private static final String SELECT = """
			SELECT r.id, r.organization_id, r.term_id, r.kind, r.counterpart, r.counterpart_name, r.symbol, r.title,
			       r.version_no, r.amends_id, r.adopted_on, r.valid_to, r.closed_reason, r.attachment_name, r.document_id,
			       (SELECT max(v.reviewed_on) FROM regulation_review v WHERE v.regulation_id = r.id) AS last_review
			FROM regulation r
			""";

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final Committees committees;

	private final AuditLog audit;

	private final Documents documents;

	private final RuleBook rules;

	private final Today today;

	Regulations(JdbcClient jdbc, OrganizationTree tree, Committees committees, AuditLog audit, Documents documents,
			RuleBook rules, Today today) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.committees = committees;
		this.audit = audit;
		this.documents = documents;
		this.rules = rules;
		this.today = today;
	}

	/**
	 * Adopts a regulation from a date; the version of the same kind (and counterpart) in
	 * force then closes that day. A working regulation belongs to the term in force. One
	 * transaction, audited.
	 */
	@Transactional
	public long adopt(CurrentUser user, long organizationId, NewRegulation request) {
		Committees.requireEditor(user);
		if (request.kind() == null) {
			throw new InvalidInputException("kind", "error.required");
		}
		NewRegulation spec = withDocument(user, request);
		AttachmentKind fileKind = spec.attachment() == null ? null : checkedFile(spec.attachment());
		if (spec.adoptedOn() == null) {
			throw new InvalidInputException("adoptedOn", "error.required");
		}
		if (spec.symbol() == null || spec.symbol().isBlank()) {
			throw new InvalidInputException("symbol", "error.required");
		}
		if (spec.title() == null || spec.title().isBlank()) {
			throw new InvalidInputException("title", "error.required");
		}
		if ((spec.kind() == Kind.COORDINATION) != (spec.counterpart() != null)) {
			throw new InvalidInputException("counterpart", "committee.error.regulation.counterpart");
		}
		Organization org = this.tree.get(user, organizationId, spec.adoptedOn());
		if (spec.kind() == Kind.INSPECTION_WORKING && !Position.INSPECTION_CHAIR.allowedIn(org.type())) {
			throw new InvalidInputException("kind", "committee.error.position.not-allowed");
		}
		Long termId = this.committees.termOn(organizationId, spec.adoptedOn()).map(CommitteeTerm::id).orElse(null);
		if (spec.kind() != Kind.COORDINATION && termId == null) {
			throw new RuleViolationException("committee.error.position.no-term", org.name(), spec.adoptedOn());
		}
		String counterpart = spec.counterpart() == null ? null : spec.counterpart().name();
		Optional<Regulation> current = inForce(organizationId, spec.kind(), spec.counterpart(), spec.adoptedOn());
		boolean later = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM regulation WHERE organization_id = :org AND kind = :kind
				  AND coalesce(counterpart, '') = coalesce(:cp, '') AND adopted_on >= :d)
				""")
			.param("org", organizationId)
			.param("kind", spec.kind().name())
			.param("cp", counterpart)
			.param("d", spec.adoptedOn())
			.query(Boolean.class)
			.single();
		if (later) {
			throw new RuleViolationException("committee.error.regulation.later", spec.adoptedOn());
		}
		current.ifPresent((c) -> this.jdbc.sql("""
				UPDATE regulation SET valid_to = :d, closed_reason = 'REPLACED' WHERE id = :id
				""").param("d", spec.adoptedOn()).param("id", c.id()).update());
		boolean sameTerm = current.isPresent() && java.util.Objects.equals(current.get().termId(), termId);
		long id = this.jdbc
			.sql("""
					INSERT INTO regulation (organization_id, term_id, kind, counterpart, counterpart_name, symbol, title,
					  version_no, amends_id, adopted_on, attachment_name, attachment_type, attachment, document_id, recorded_by)
					VALUES (:org, :term, :kind, :cp, :cpName, :symbol, :title, :version, :amends, :d, :fileName, :fileType,
					  :file, :document, :actor) RETURNING id
					""")
			.param("org", organizationId)
			.param("term", termId)
			.param("kind", spec.kind().name())
			.param("cp", counterpart)
			.param("cpName", Committees.blankToNull(spec.counterpartName()))
			.param("symbol", spec.symbol().strip())
			.param("title", spec.title().strip())
			.param("version", sameTerm ? current.get().versionNo() + 1 : 1)
			.param("amends", sameTerm ? current.get().id() : null)
			.param("d", spec.adoptedOn())
			.param("fileName", fileKind == null ? null : fileName(spec.attachmentName(), fileKind))
			.param("fileType", fileKind == null ? null : fileKind.contentType())
			.param("file", spec.attachment())
			.param("document", spec.documentId())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.username(), "ADOPT_REGULATION", "regulation", id,
				current.map(Regulation::id).orElse(null), auditValues(spec, fileKind));
		return id;
	}

	private static Map<String, Object> auditValues(NewRegulation spec, AttachmentKind fileKind) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("kind", spec.kind());
		values.put("symbol", spec.symbol());
		values.put("adoptedOn", spec.adoptedOn());
		values.put("documentId", spec.documentId());
		values.put("file", fileKind == null ? null : fileKind.name());
		return values;
	}

	/**
	 * The request with the register document's symbol, title and date where the request
	 * leaves them blank; the document must be a regulation (QC) the caller may see.
	 */
	private NewRegulation withDocument(CurrentUser user, NewRegulation spec) {
		if (spec.documentId() == null) {
			return spec;
		}
		DocumentRecord document;
		try {
			document = this.documents.get(user, spec.documentId());
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("documentId", "committee.error.document.unknown", spec.documentId());
		}
		if (document.type() != DocumentType.WORKING_RULES) {
			throw new InvalidInputException("documentId", "committee.error.document.type", document.symbol());
		}
		return new NewRegulation(spec.kind(), spec.counterpart(), spec.counterpartName(),
				spec.symbol() == null || spec.symbol().isBlank() ? document.symbol() : spec.symbol(),
				spec.title() == null || spec.title().isBlank() ? document.title() : spec.title(),
				spec.adoptedOn() == null ? document.issuedOn() : spec.adoptedOn(), spec.attachmentName(),
				spec.attachmentType(), spec.attachment(), spec.documentId());
	}

	/**
	 * The kind of an uploaded file, read from its content: PDF, DOCX, PNG or JPEG within
	 * the register's size limit; bad input on the file field otherwise.
	 */
	AttachmentKind checkedFile(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException("file", "committee.error.file.empty");
		}
		int max = this.rules.integer(MAX_BYTES, this.today.date());
		if (bytes.length > max) {
			throw new InvalidInputException("file", "committee.error.file.too-large", bytes.length / 1024, max / 1024);
		}
		return AttachmentKind.detect(bytes)
			.filter(ACCEPTED::contains)
			.orElseThrow(() -> new InvalidInputException("file", "committee.error.file.type"));
	}

	/** A safe file name: no path, at most 200 characters, the kind's extension. */
	static String fileName(String name, AttachmentKind kind) {
		String clean = name == null ? "" : name.strip().replaceAll(".*[\\\\/]", "").replaceAll("\\p{Cntrl}", "");
		if (clean.isEmpty()) {
			clean = "quy-che";
		}
		if (clean.length() > 200) {
			clean = clean.substring(clean.length() - 200);
		}
		String extension = "." + kind.name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg");
		return clean.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? clean : clean + extension;
	}

	/**
	 * Attaches the document of a regulation that has none yet (a regulation's file is
	 * never replaced: an amendment is a new version). The type is read from the content.
	 * One transaction, audited.
	 */
	@Transactional
	public AttachmentKind attach(CurrentUser user, long regulationId, String name, byte[] bytes) {
		Committees.requireEditor(user);
		Regulation regulation = get(user, regulationId);
		AttachmentKind kind = checkedFile(bytes);
		if (regulation.attachmentName() != null) {
			throw new RuleViolationException("committee.error.file.already");
		}
		String fileName = fileName(name, kind);
		this.jdbc.sql("""
				UPDATE regulation SET attachment_name = :name, attachment_type = :type, attachment = :bytes
				WHERE id = :id AND attachment IS NULL
				""")
			.param("name", fileName)
			.param("type", kind.contentType())
			.param("bytes", bytes)
			.param("id", regulationId)
			.update();
		this.audit.record(user.username(), "ATTACH_REGULATION", "regulation", regulationId, null,
				Map.of("file", fileName, "kind", kind.name(), "bytes", bytes.length));
		return kind;
	}

	/** Records a review of a regulation on a date; the age alert counts from it. */
	@Transactional
	public void review(CurrentUser user, long regulationId, LocalDate reviewedOn, String outcome) {
		Committees.requireEditor(user);
		if (reviewedOn == null) {
			throw new InvalidInputException("reviewedOn", "error.required");
		}
		Regulation regulation = get(user, regulationId);
		if (reviewedOn.isBefore(regulation.adoptedOn())) {
			throw new InvalidInputException("reviewedOn", "committee.error.close.after", regulation.adoptedOn());
		}
		this.jdbc.sql("""
				INSERT INTO regulation_review (regulation_id, reviewed_on, outcome, recorded_by)
				VALUES (:id, :d, :outcome, :actor)
				""")
			.param("id", regulationId)
			.param("d", reviewedOn)
			.param("outcome", Committees.blankToNull(outcome))
			.param("actor", user.username())
			.update();
		this.audit.record(user.username(), "REVIEW_REGULATION", "regulation", regulationId, null, reviewedOn);
	}

	/**
	 * Ends a regulation on a date with a reason (e.g. the delegation committee ended).
	 */
	@Transactional
	public void close(CurrentUser user, long regulationId, LocalDate date, String reason) {
		Committees.requireEditor(user);
		Regulation regulation = get(user, regulationId);
		if (date == null || !date.isAfter(regulation.adoptedOn())) {
			throw new InvalidInputException("date", "committee.error.close.after", regulation.adoptedOn());
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.required");
		}
		this.jdbc.sql("""
				UPDATE regulation SET valid_to = :d, closed_reason = :reason
				WHERE id = :id AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", date).param("reason", reason.strip()).param("id", regulationId).update();
		this.audit.record(user.username(), "CLOSE_REGULATION", "regulation", regulationId, regulation.validTo(), date);
	}

	public Regulation get(CurrentUser user, long regulationId) {
		Regulation regulation = this.jdbc.sql(SELECT + " WHERE r.id = :id")
			.param("id", regulationId)
			.query(Regulations::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("regulation " + regulationId));
		if (!this.tree.visibleEver(user, regulation.organizationId())) {
			throw new NotFoundException("regulation " + regulationId);
		}
		return regulation;
	}

	/** The attachment of a regulation: name, type, bytes; 404 when there is none. */
	public record Attachment(String name, String type, byte[] bytes) {
	}

	public Attachment attachment(CurrentUser user, long regulationId) {
		get(user, regulationId);
		return this.jdbc.sql("""
				SELECT attachment_name, attachment_type, attachment FROM regulation
				WHERE id = :id AND attachment IS NOT NULL
				""")
			.param("id", regulationId)
			.query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("attachment " + regulationId));
	}

	/** Every regulation of the organisation, newest first. */
	public List<Regulation> of(CurrentUser user, long organizationId) {
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		return this.jdbc.sql(SELECT + " WHERE r.organization_id = :org ORDER BY r.adopted_on DESC, r.id DESC")
			.param("org", organizationId)
			.query(Regulations::map)
			.list();
	}

	Optional<Regulation> inForce(long organizationId, Kind kind, Counterpart counterpart, LocalDate date) {
		return this.jdbc.sql(SELECT + """
				WHERE r.organization_id = :org AND r.kind = :kind AND coalesce(r.counterpart, '') = coalesce(:cp, '')
				  AND r.adopted_on <= :d AND (r.valid_to IS NULL OR r.valid_to > :d)
				""")
			.param("org", organizationId)
			.param("kind", kind.name())
			.param("cp", counterpart == null ? null : counterpart.name())
			.param("d", date)
			.query(Regulations::map)
			.optional();
	}

	/**
	 * Records from a date whether the secretary is also the agency head; the period in
	 * force then closes. One transaction, audited.
	 */
	@Transactional
	public void recordAgencyHead(CurrentUser user, long organizationId, boolean agencyHead, LocalDate from,
			String decisionRef) {
		Committees.requireEditor(user);
		if (from == null) {
			throw new InvalidInputException("validFrom", "error.required");
		}
		this.tree.get(user, organizationId, from);
		boolean later = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM secretary_agency_head WHERE organization_id = :org AND valid_from >= :d)
				""").param("org", organizationId).param("d", from).query(Boolean.class).single();
		if (later) {
			throw new RuleViolationException("committee.error.regulation.later", from);
		}
		this.jdbc.sql("""
				UPDATE secretary_agency_head SET valid_to = :d, closed_reason = 'CHANGED'
				WHERE organization_id = :org AND valid_from < :d AND (valid_to IS NULL OR valid_to > :d)
				""").param("d", from).param("org", organizationId).update();
		this.jdbc
			.sql("""
					INSERT INTO secretary_agency_head (organization_id, is_agency_head, valid_from, decision_ref, recorded_by)
					VALUES (:org, :head, :d, :ref, :actor)
					""")
			.param("org", organizationId)
			.param("head", agencyHead)
			.param("d", from)
			.param("ref", Committees.blankToNull(decisionRef))
			.param("actor", user.username())
			.update();
		this.audit.record(user.username(), "AGENCY_HEAD", "secretary_agency_head", organizationId, null,
				Map.of("agencyHead", agencyHead, "from", from));
	}

	public List<AgencyHeadPeriod> agencyHeadPeriods(CurrentUser user, long organizationId) {
		if (!this.tree.visibleEver(user, organizationId)) {
			throw new NotFoundException("organization " + organizationId);
		}
		return this.jdbc.sql("""
				SELECT id, organization_id, is_agency_head, valid_from, valid_to, decision_ref
				FROM secretary_agency_head WHERE organization_id = :org ORDER BY valid_from DESC
				""")
			.param("org", organizationId)
			.query((rs, n) -> new AgencyHeadPeriod(rs.getLong(1), rs.getLong(2), rs.getBoolean(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6)))
			.list();
	}

	static Regulation map(ResultSet rs, int row) throws SQLException {
		String counterpart = rs.getString("counterpart");
		return new Regulation(rs.getLong("id"), rs.getLong("organization_id"), (Long) rs.getObject("term_id"),
				Kind.valueOf(rs.getString("kind")), counterpart == null ? null : Counterpart.valueOf(counterpart),
				rs.getString("counterpart_name"), rs.getString("symbol"), rs.getString("title"),
				rs.getInt("version_no"), (Long) rs.getObject("amends_id"), rs.getObject("adopted_on", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("closed_reason"),
				rs.getString("attachment_name"), rs.getObject("last_review", LocalDate.class),
				(Long) rs.getObject("document_id"));
	}

}
