package vn.capuy.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.Page;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * The register of party documents: documents received from above and issued by our
 * organisations, numbered per (issuer, type, term), sent down to organisations, opened,
 * searched, rendered in the HD 36 layout. A user sees the documents issued by, received
 * by or sent to organisations in their scope, and only those whose secrecy mark their
 * clearance allows; anything else is 404. Opening a marked document is audited.
 */
@Service
@Transactional(readOnly = true)
public class Documents {

	/** Visibility of a document row {@code d}: scope and clearance, in SQL. */
	static final String VISIBLE = """
			d.secrecy = ANY(:allowed)
			AND (:global
			  OR d.issuer_org_id IN (SELECT id FROM organization_visible_ever(:roots, :global))
			  OR d.receiver_org_id IN (SELECT id FROM organization_visible_ever(:roots, :global))
			  OR EXISTS (SELECT 1 FROM document_recipient r WHERE r.document_id = d.id
			    AND r.organization_id IN (SELECT id FROM organization_visible_ever(:roots, :global))))
			""";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final DocumentTerms terms;

	private final RuleBook rules;

	private final WorkingDayCalendar calendar;

	private final AuditLog audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	Documents(JdbcClient jdbc, OrganizationTree tree, DocumentTerms terms, RuleBook rules, WorkingDayCalendar calendar,
			AuditLog audit, Today today, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.tree = tree;
		this.terms = terms;
		this.rules = rules;
		this.calendar = calendar;
		this.audit = audit;
		this.today = today;
	}

	/** What the register list asks: words, direction, type, year, a page. */
	public record Query(String q, Direction direction, DocumentType type, Integer year, int page, int size) {
	}

	/** A document to issue; the number is handed out, never typed. */
	public record IssueRequest(Long issuerOrgId, DocumentType type, LocalDate issuedOn, String title, String summary,
			String body, String place, String signerAuthority, String signerTitle, String signerName, Secrecy secrecy,
			Boolean congress, String issuerCode, List<Long> recipientOrgIds, List<String> otherRecipients,
			String sampleNote) {
	}

	/**
	 * A document received into the incoming register of an organisation; without a due
	 * date the handling period of the rule book applies.
	 */
	public record ReceiveRequest(String symbol, DocumentType type, LocalDate issuedOn, String issuerName, String title,
			String summary, String signerName, Secrecy secrecy, Long receiverOrgId, LocalDate arrivalDate,
			String handlerName, LocalDate dueDate, String sampleNote) {
	}

	/** The number and symbol an issued document got. */
	public record Issued(long id, int number, String symbol, LocalDate issuedOn) {
	}

	/** Where a document was sent and when the organisation first opened it. */
	public record Recipient(long id, Long organizationId, String name, LocalDate sentOn, java.time.Instant openedAt,
			String openedBy) {
	}

	// ---------------------------------------------------------------- reading

	public Page<DocumentListItem> search(CurrentUser user, Query query) {
		Map<String, Object> params = scopeParams(user);
		StringBuilder where = new StringBuilder(" WHERE ").append(VISIBLE);
		if (query.direction() != null) {
			where.append(" AND d.direction = :direction");
			params.put("direction", query.direction().name());
		}
		if (query.type() != null) {
			where.append(" AND d.doc_type = :type");
			params.put("type", query.type().name());
		}
		if (query.year() != null) {
			where.append(" AND d.issued_on >= :yearFrom AND d.issued_on < :yearTo");
			params.put("yearFrom", LocalDate.of(query.year(), 1, 1));
			params.put("yearTo", LocalDate.of(query.year() + 1, 1, 1));
		}
		int w = 0;
		for (String word : VietnameseText.fold(query.q()).split("[^\\p{L}\\p{N}]+")) {
			if (word.isEmpty()) {
				continue;
			}
			where.append(" AND d.search_key LIKE :w").append(w);
			params.put("w" + w, "%" + word + "%");
			w++;
		}
		long total = this.jdbc.sql("SELECT count(*) FROM document d" + where).params(params).query(Long.class).single();
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		List<DocumentListItem> items = this.jdbc
			.sql("""
					SELECT d.id, d.direction, d.doc_type, d.symbol, d.issued_on, d.issuer_name, d.title, d.secrecy, d.status,
					       d.arrival_number, d.arrival_date, d.handler_name, d.due_date, d.handled_on
					FROM document d"""
					+ where + """
							 ORDER BY d.issued_on DESC, d.number DESC, d.id DESC LIMIT :limit OFFSET :offset
							""")
			.params(params)
			.query(Documents::mapItem)
			.list();
		return new Page<>(items, total, query.page(), query.size(), true);
	}

	/**
	 * A document the caller may see, or 404. Opening a marked document is audited
	 * ({@code READ}); the first opening by a user of a recipient organisation is recorded
	 * against it.
	 */
	@Transactional
	public DocumentRecord get(CurrentUser user, long id) {
		DocumentRecord record = find(user, id);
		if (record.secrecy().marked()) {
			this.audit.record(user.username(), "READ", "document", id, null,
					Map.of("secrecy", record.secrecy().name(), "symbol", record.symbol()));
		}
		if (!user.global()) {
			this.jdbc.sql("""
					UPDATE document_recipient r SET opened_at = now(), opened_by = :name
					WHERE r.document_id = :id AND r.opened_at IS NULL
					  AND r.organization_id IN (SELECT id FROM organization_visible_ever(:roots, false))
					  AND NOT EXISTS (SELECT 1 FROM document d WHERE d.id = :id
					    AND (d.issuer_org_id IN (SELECT id FROM organization_visible_ever(:roots, false))
					      OR d.receiver_org_id IN (SELECT id FROM organization_visible_ever(:roots, false))))
					""")
				.param("name", user.displayName())
				.param("id", id)
				.param("roots", user.scopeRootArray())
				.update();
		}
		return record;
	}

	/** The document without auditing: for internal reads after {@link #get}. */
	DocumentRecord find(CurrentUser user, long id) {
		Map<String, Object> params = scopeParams(user);
		params.put("id", id);
		return this.jdbc.sql("""
				SELECT d.*, t.label AS term_label FROM document d LEFT JOIN document_term t ON t.id = d.term_id
				WHERE d.id = :id""" + " AND " + VISIBLE)
			.params(params)
			.query(Documents::mapRecord)
			.optional()
			.orElseThrow(() -> new NotFoundException("document " + id));
	}

	/**
	 * The register entry the caller may see with this identity (symbol and issue date),
	 * if any: the one issued or received by {@code preferredOrgId} first, then an issued
	 * one, then the earliest entered. A symbol that does not parse matches nothing.
	 */
	public java.util.Optional<DocumentListItem> withIdentity(CurrentUser user, String symbol, LocalDate issuedOn,
			Long preferredOrgId) {
		if (symbol == null || issuedOn == null) {
			return java.util.Optional.empty();
		}
		String printed;
		try {
			printed = DocumentSymbol.parse(symbol).toString();
		}
		catch (InvalidInputException ex) {
			return java.util.Optional.empty();
		}
		Map<String, Object> params = scopeParams(user);
		params.put("symbol", printed);
		params.put("issuedOn", issuedOn);
		params.put("preferred", preferredOrgId);
		return this.jdbc
			.sql("""
					SELECT d.id, d.direction, d.doc_type, d.symbol, d.issued_on, d.issuer_name, d.title, d.secrecy, d.status,
					       d.arrival_number, d.arrival_date, d.handler_name, d.due_date, d.handled_on
					FROM document d WHERE d.symbol = :symbol AND d.issued_on = :issuedOn AND
					"""
					+ VISIBLE + """
							 ORDER BY (d.receiver_org_id IS NOT DISTINCT FROM CAST(:preferred AS bigint)
							           OR d.issuer_org_id IS NOT DISTINCT FROM CAST(:preferred AS bigint)) DESC,
							          d.direction = 'ISSUED' DESC, d.id
							 LIMIT 1
							""")
			.params(params)
			.query(Documents::mapItem)
			.optional();
	}

	/** A register entry the caller may see, as a row of the register, or 404. */
	public DocumentListItem row(CurrentUser user, long id) {
		Map<String, Object> params = scopeParams(user);
		params.put("id", id);
		return this.jdbc
			.sql("""
					SELECT d.id, d.direction, d.doc_type, d.symbol, d.issued_on, d.issuer_name, d.title, d.secrecy, d.status,
					       d.arrival_number, d.arrival_date, d.handler_name, d.due_date, d.handled_on
					FROM document d WHERE d.id = :id AND
					"""
					+ VISIBLE)
			.params(params)
			.query(Documents::mapItem)
			.optional()
			.orElseThrow(() -> new NotFoundException("document " + id));
	}

	public List<Recipient> recipients(CurrentUser user, long id) {
		find(user, id);
		return this.jdbc.sql("""
				SELECT id, organization_id, recipient_name, sent_on, opened_at, opened_by FROM document_recipient
				WHERE document_id = :id ORDER BY id
				""")
			.param("id", id)
			.query((rs, n) -> new Recipient(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3),
					rs.getObject(4, LocalDate.class),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
	}

	// ---------------------------------------------------------------- issuing

	/**
	 * Issues a document: the next number of the issuer's sequence for the type's symbol
	 * code in the term in force on the date (or the congress's own sequence), the symbol
	 * printed from it, the recipients. One transaction, audited; two concurrent issues
	 * never get the same number.
	 */
	@Transactional
	public Issued issue(CurrentUser user, IssueRequest request) {
		Prepared p = prepare(user, request);
		int number = next("issue:" + p.term().id() + ":" + p.sequence());
		return insertIssued(user, request, p, number);
	}

	/**
	 * Enters a document issued before the register was kept, with its known number; the
	 * sequence continues after the highest number entered. A number already used in the
	 * same sequence is refused.
	 */
	@Transactional
	public Issued registerIssued(CurrentUser user, IssueRequest request, int number) {
		if (number < 1) {
			throw new InvalidInputException("number", "error.document.symbol.number", String.valueOf(number));
		}
		Prepared p = prepare(user, request);
		this.jdbc.sql("""
				INSERT INTO document_counter (counter_key, last_number) VALUES (:k, :n)
				ON CONFLICT (counter_key) DO UPDATE SET last_number = greatest(document_counter.last_number, :n)
				""").param("k", "issue:" + p.term().id() + ":" + p.sequence()).param("n", number).update();
		return insertIssued(user, request, p, number);
	}

	private record Prepared(Organization issuer, String issuerName, String superiorName, DocumentTerms.Term term,
			String sequence, String issuerCode, Secrecy secrecy, String title) {
	}

	private Prepared prepare(CurrentUser user, IssueRequest r) {
		requireEditor(user);
		if (r.issuerOrgId() == null) {
			throw new InvalidInputException("issuerOrgId", "error.required");
		}
		if (r.type() == null) {
			throw new InvalidInputException("documentType", "error.required");
		}
		if (r.issuedOn() == null) {
			throw new InvalidInputException("issuedOn", "error.required");
		}
		String title = required("title", r.title(), 1000);
		Organization issuer = this.tree.find(user, r.issuerOrgId(), r.issuedOn())
			.orElseThrow(() -> new InvalidInputException("issuerOrgId", "error.document.issuer.not-found"));
		String code = r.issuerCode() == null || r.issuerCode().isBlank() ? defaultIssuerCode(issuer)
				: VietnameseText.clean(r.issuerCode());
		// validates the code the way a symbol would
		DocumentSymbol.of(1, r.type(), code);
		boolean congress = Boolean.TRUE.equals(r.congress());
		DocumentTerms.Term term = this.terms.on(user, issuer.id(), r.issuedOn(), congress);
		String superior = issuer.parentId() == null ? null
				: this.tree.find(CurrentUser.system(), issuer.parentId(), r.issuedOn())
					.map(Organization::name)
					.orElse(null);
		return new Prepared(issuer, committeeName(issuer), superior, term, congress ? "*" : r.type().code(), code,
				r.secrecy() == null ? Secrecy.NONE : r.secrecy(), title);
	}

	private Issued insertIssued(CurrentUser user, IssueRequest r, Prepared p, int number) {
		DocumentSymbol symbol = DocumentSymbol.of(number, r.type(), p.issuerCode());
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO document (direction, doc_type, number, type_code, issuer_code, symbol, issued_on,
					  issuer_name, issuer_org_id, superior_name, place, title, summary, body, signer_authority,
					  signer_title, signer_name, secrecy, term_id, sequence_code, sample_note, search_key, created_by)
					VALUES ('ISSUED', :type, :number, :typeCode, :issuerCode, :symbol, :issuedOn, :issuerName, :org,
					  :superior, :place, :title, :summary, :body, :authority, :signerTitle, :signer, :secrecy, :term,
					  :sequence, :sampleNote, :searchKey, :actor)
					RETURNING id
					""")
				.param("type", r.type().name())
				.param("number", number)
				.param("typeCode", symbol.typeCode())
				.param("issuerCode", symbol.issuerCode())
				.param("symbol", symbol.toString())
				.param("issuedOn", r.issuedOn())
				.param("issuerName", p.issuerName())
				.param("org", p.issuer().id())
				.param("superior", p.superiorName())
				.param("place", blankToNull(r.place()))
				.param("title", p.title())
				.param("summary", blankToNull(r.summary()))
				.param("body", blankToNull(r.body()))
				.param("authority", blankToNull(r.signerAuthority()))
				.param("signerTitle", blankToNull(r.signerTitle()))
				.param("signer", blankToNull(r.signerName()))
				.param("secrecy", p.secrecy().name())
				.param("term", p.term().id())
				.param("sequence", p.sequence())
				.param("sampleNote", blankToNull(r.sampleNote()))
				.param("searchKey", searchKey(symbol.toString(), p.title(), r.summary(), p.issuerName()))
				.param("actor", user.username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolationException("error.document.number.taken", symbol.toString(), p.term().label());
		}
		if (r.recipientOrgIds() != null && !r.recipientOrgIds().isEmpty()) {
			Map<Long, String> names = organizationNames(user, r.issuedOn());
			for (Long org : r.recipientOrgIds()) {
				addRecipient(user, id, org, names, null, r.issuedOn());
			}
		}
		if (r.otherRecipients() != null) {
			for (String name : r.otherRecipients()) {
				if (name != null && !name.isBlank()) {
					addRecipient(user, id, null, Map.of(), name, r.issuedOn());
				}
			}
		}
		this.audit.record(user.username(), "ISSUE", "document", id, null,
				Map.of("symbol", symbol.toString(), "issuedOn", r.issuedOn().toString(), "term", p.term().label()));
		this.events.publishEvent(new DocumentRegistered(id, symbol.toString(), r.issuedOn(), p.issuer().id()));
		return new Issued(id, number, symbol.toString(), r.issuedOn());
	}

	/**
	 * Hands out the next number of a sequence; the row lock serialises concurrent
	 * callers.
	 */
	private int next(String key) {
		return this.jdbc.sql("""
				INSERT INTO document_counter (counter_key, last_number) VALUES (:k, 1)
				ON CONFLICT (counter_key) DO UPDATE SET last_number = document_counter.last_number + 1
				RETURNING last_number
				""").param("k", key).query(Integer.class).single();
	}

	// ---------------------------------------------------------------- incoming register

	/**
	 * Enters a received document in the incoming register of an organisation: the next
	 * arrival number of the year, and the due date in working days from the rule book.
	 */
	@Transactional
	public long receive(CurrentUser user, ReceiveRequest r) {
		requireEditor(user);
		DocumentSymbol symbol = DocumentSymbol.parse(r.symbol());
		DocumentType type = r.type();
		if (type == null) {
			List<DocumentType> types = symbol.types();
			if (types.size() != 1) {
				throw new InvalidInputException("documentType", "error.required");
			}
			type = types.get(0);
		}
		if (!type.code().equals(symbol.typeCode())) {
			throw new InvalidInputException("documentType", "error.document.type.symbol-mismatch", type.code(),
					symbol.toString());
		}
		if (r.issuedOn() == null) {
			throw new InvalidInputException("issuedOn", "error.required");
		}
		String issuerName = required("issuerName", r.issuerName(), 300);
		String title = required("title", r.title(), 1000);
		if (r.receiverOrgId() == null) {
			throw new InvalidInputException("receiverOrgId", "error.required");
		}
		LocalDate arrival = r.arrivalDate() == null ? r.issuedOn() : r.arrivalDate();
		if (arrival.isBefore(r.issuedOn())) {
			throw new InvalidInputException("arrivalDate", "error.document.arrival.before-issue");
		}
		this.tree.find(user, r.receiverOrgId(), arrival)
			.orElseThrow(() -> new InvalidInputException("receiverOrgId", "error.document.issuer.not-found"));
		if (r.dueDate() != null && r.dueDate().isBefore(arrival)) {
			throw new InvalidInputException("dueDate", "error.document.due.before-arrival");
		}
		int arrivalNumber = next("arrival:" + r.receiverOrgId() + ":" + arrival.getYear());
		LocalDate due = r.dueDate() != null ? r.dueDate() : this.calendar.addWorkingDays(arrival,
				this.rules.integer("document.incoming.handling-working-days", arrival));
		Secrecy secrecy = r.secrecy() == null ? Secrecy.NONE : r.secrecy();
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO document (direction, doc_type, number, type_code, issuer_code, symbol, issued_on,
					  issuer_name, receiver_org_id, title, summary, signer_name, secrecy, arrival_number, arrival_year,
					  arrival_date, handler_name, due_date, sample_note, search_key, created_by)
					VALUES ('RECEIVED', :type, :number, :typeCode, :issuerCode, :symbol, :issuedOn, :issuerName,
					  :receiver, :title, :summary, :signer, :secrecy, :arrivalNumber, :arrivalYear, :arrival, :handler,
					  :due, :sampleNote, :searchKey, :actor)
					RETURNING id
					""")
				.param("type", type.name())
				.param("number", symbol.number())
				.param("typeCode", symbol.typeCode())
				.param("issuerCode", symbol.issuerCode())
				.param("symbol", symbol.toString())
				.param("issuedOn", r.issuedOn())
				.param("issuerName", issuerName)
				.param("receiver", r.receiverOrgId())
				.param("title", title)
				.param("summary", blankToNull(r.summary()))
				.param("signer", blankToNull(r.signerName()))
				.param("secrecy", secrecy.name())
				.param("arrivalNumber", arrivalNumber)
				.param("arrivalYear", arrival.getYear())
				.param("arrival", arrival)
				.param("handler", blankToNull(r.handlerName()))
				.param("due", due)
				.param("sampleNote", blankToNull(r.sampleNote()))
				.param("searchKey", searchKey(symbol.toString(), title, r.summary(), issuerName))
				.param("actor", user.username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolationException("error.document.already-received", symbol.toString(),
					vn.capuy.system.PartyDates.shortForm(r.issuedOn()));
		}
		this.audit.record(user.username(), "RECEIVE", "document", id, null,
				Map.of("symbol", symbol.toString(), "arrivalNumber", arrivalNumber));
		this.events.publishEvent(new DocumentRegistered(id, symbol.toString(), r.issuedOn(), r.receiverOrgId()));
		return id;
	}

	/** Records that a received document was dealt with on a date. */
	@Transactional
	public void markHandled(CurrentUser user, long id, LocalDate on) {
		requireEditor(user);
		DocumentRecord d = find(user, id);
		if (d.direction() != Direction.RECEIVED) {
			throw new RuleViolationException("error.document.handle.not-received");
		}
		if (on == null) {
			throw new InvalidInputException("handledOn", "error.required");
		}
		if (d.arrivalDate() != null && on.isBefore(d.arrivalDate())) {
			throw new InvalidInputException("handledOn", "error.document.handled.before-arrival");
		}
		this.jdbc.sql("UPDATE document SET handled_on = :on, version = version + 1 WHERE id = :id")
			.param("on", on)
			.param("id", id)
			.update();
		this.audit.record(user.username(), "HANDLE", "document", id, null, Map.of("handledOn", on.toString()));
	}

	/**
	 * Sends a document down to organisations in the caller's scope (nơi nhận); an
	 * organisation already a recipient is left as it is.
	 */
	@Transactional
	public int send(CurrentUser user, long id, List<Long> organizationIds, LocalDate sentOn) {
		requireEditor(user);
		find(user, id);
		if (sentOn == null) {
			throw new InvalidInputException("sentOn", "error.required");
		}
		int added = 0;
		Map<Long, String> names = organizationNames(user, sentOn);
		for (Long org : organizationIds) {
			added += addRecipient(user, id, org, names, null, sentOn);
		}
		return added;
	}

	private Map<Long, String> organizationNames(CurrentUser user, LocalDate on) {
		Map<Long, String> names = new HashMap<>();
		for (Organization o : this.tree.list(user, on)) {
			names.put(o.id(), o.name());
		}
		return names;
	}

	private int addRecipient(CurrentUser user, long documentId, Long org, Map<Long, String> names, String name,
			LocalDate sentOn) {
		String recipientName = name;
		if (org != null) {
			recipientName = names.get(org);
			if (recipientName == null) {
				throw new InvalidInputException("recipientOrgIds", "error.document.issuer.not-found");
			}
		}
		int n = this.jdbc.sql("""
				INSERT INTO document_recipient (document_id, organization_id, recipient_name, sent_on)
				VALUES (:d, :o, :name, :sent) ON CONFLICT (document_id, organization_id) DO NOTHING
				""")
			.param("d", documentId)
			.param("o", org)
			.param("name", VietnameseText.clean(recipientName))
			.param("sent", sentOn)
			.update();
		if (n > 0) {
			this.audit.record(user.username(), "SEND", "document", documentId, null,
					Map.of("to", VietnameseText.clean(recipientName), "sentOn", sentOn.toString()));
		}
		return n;
	}

	/** Closes a document (replaced, expired) on a date with a reason; never deleted. */
	@Transactional
	public void close(CurrentUser user, long id, DocumentStatus status, LocalDate on, String reason) {
		requireEditor(user);
		DocumentRecord d = find(user, id);
		if (status == null || status == DocumentStatus.IN_FORCE) {
			throw new InvalidInputException("status", "error.document.close.status");
		}
		if (on == null) {
			throw new InvalidInputException("statusOn", "error.required");
		}
		String why = required("statusReason", reason, 1000);
		if (d.status() != DocumentStatus.IN_FORCE) {
			throw new RuleViolationException("error.document.close.already");
		}
		this.jdbc.sql("""
				UPDATE document SET status = :status, status_on = :on, status_reason = :reason, version = version + 1
				WHERE id = :id
				""").param("status", status.name()).param("on", on).param("reason", why).param("id", id).update();
		this.audit.record(user.username(), "CLOSE", "document", id, Map.of("status", d.status().name()),
				Map.of("status", status.name(), "on", on.toString(), "reason", why));
	}

	// ---------------------------------------------------------------- rendering

	/**
	 * The document in the HD 36 layout, watermarked with the reader and time when marked.
	 */
	@Transactional
	public Hd36Document layout(CurrentUser user, long id, String format) {
		DocumentRecord d = find(user, id);
		Hd36Document doc = Hd36Document.create()
			.superior(d.superiorName())
			.issuer(d.issuerName())
			.symbol(d.symbol())
			.placeAndDate(d.place(), d.issuedOn())
			.title(d.type().vietnameseName(), d.title())
			.secrecy(d.secrecy().mark());
		if (d.summary() != null) {
			doc.note(d.summary());
		}
		if (d.body() != null) {
			for (String para : d.body().split("\\R+")) {
				if (!para.isBlank()) {
					doc.paragraph(para.strip());
				}
			}
		}
		if (d.sampleNote() != null) {
			doc.note(d.sampleNote());
		}
		doc.signature(d.signerAuthority(), d.signerTitle(), d.signerName());
		List<String> to = new ArrayList<>();
		for (Recipient r : recipients(user, id)) {
			to.add(r.name());
		}
		if (d.direction() == Direction.ISSUED) {
			to.add("Lưu Văn phòng");
		}
		doc.recipients(to);
		if (d.secrecy().marked()) {
			String stamp = LocalDateTime.now(this.today.clock().withZone(Today.VIETNAM)).format(STAMP);
			doc.watermark("Bản in của " + user.displayName() + " (" + user.username() + ") lúc " + stamp);
			this.audit.record(user.username(), "READ", "document", id, null,
					Map.of("format", format, "secrecy", d.secrecy().name(), "symbol", d.symbol()));
		}
		return doc;
	}

	/** A file name for an export, e.g. {@code 16-CT-TU_2007-06-15.docx}. */
	public String fileName(CurrentUser user, long id, String extension) {
		DocumentRecord d = find(user, id);
		return VietnameseText.fold(d.symbol()).replaceAll("[^a-z0-9-]+", "-") + "_" + d.issuedOn() + "." + extension;
	}

	// ---------------------------------------------------------------- helpers

	/** The issuer line: a party organisation's committee ("Đảng bộ X" → "Đảng uỷ X"). */
	static String committeeName(Organization org) {
		String name = org.name();
		if (org.type() == OrganizationType.DANG_BO_TINH && name.startsWith("Đảng bộ tỉnh ")) {
			return "Tỉnh uỷ " + name.substring("Đảng bộ tỉnh ".length());
		}
		if (name.startsWith("Đảng bộ ") && org.type() != OrganizationType.DANG_BO_BO_PHAN) {
			return "Đảng uỷ " + name.substring("Đảng bộ ".length());
		}
		return name;
	}

	/**
	 * The issuer abbreviation when none is given (DOMAIN.md §8.5; ask the client for the
	 * new committees' own).
	 */
	static String defaultIssuerCode(Organization org) {
		switch (org.type()) {
			case DANG_BO_TINH:
				return "TU";
			case DANG_BO_CAP_TREN_CO_SO:
				return VietnameseText.fold(org.name()).contains("khoi") ? "ĐUK" : "ĐU";
			case DANG_BO_CO_SO:
			case DANG_BO_BO_PHAN:
				return "ĐU";
			default:
				return "CB";
		}
	}

	static String searchKey(String symbol, String title, String summary, String issuer) {
		return VietnameseText.fold(String.join(" ", symbol, title, summary == null ? "" : summary, issuer));
	}

	static Map<String, Object> scopeParams(CurrentUser user) {
		Map<String, Object> params = new HashMap<>();
		params.put("roots", user.scopeRootArray());
		params.put("global", user.global());
		params.put("allowed", Secrecy.ofClearance(user.clearance()).allowedNames());
		return params;
	}

	static void requireEditor(CurrentUser user) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("document register");
		}
	}

	private static String required(String field, String value, int max) {
		String clean = VietnameseText.clean(value);
		if (clean == null || clean.isEmpty()) {
			throw new InvalidInputException(field, "error.required");
		}
		if (clean.length() > max) {
			throw new InvalidInputException(field, "error.too-long", max);
		}
		return clean;
	}

	private static String blankToNull(String value) {
		String clean = value == null ? null : value.strip();
		return clean == null || clean.isEmpty() ? null
				: java.text.Normalizer.normalize(clean, java.text.Normalizer.Form.NFC);
	}

	static DocumentListItem mapItem(ResultSet rs, int n) throws SQLException {
		return new DocumentListItem(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
				DocumentType.valueOf(rs.getString("doc_type")), rs.getString("symbol"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("issuer_name"), rs.getString("title"),
				Secrecy.valueOf(rs.getString("secrecy")), DocumentStatus.valueOf(rs.getString("status")),
				(Integer) rs.getObject("arrival_number"), rs.getObject("arrival_date", LocalDate.class),
				rs.getString("handler_name"), rs.getObject("due_date", LocalDate.class),
				rs.getObject("handled_on", LocalDate.class));
	}

	static DocumentRecord mapRecord(ResultSet rs, int n) throws SQLException {
		return new DocumentRecord(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
				DocumentType.valueOf(rs.getString("doc_type")), rs.getInt("number"), rs.getString("symbol"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("issuer_name"),
				(Long) rs.getObject("issuer_org_id"), rs.getString("superior_name"), rs.getString("place"),
				(Long) rs.getObject("receiver_org_id"), rs.getString("title"), rs.getString("summary"),
				rs.getString("body"), rs.getString("signer_authority"), rs.getString("signer_title"),
				rs.getString("signer_name"), Secrecy.valueOf(rs.getString("secrecy")),
				DocumentStatus.valueOf(rs.getString("status")), rs.getObject("status_on", LocalDate.class),
				rs.getString("status_reason"), rs.getString("term_label"), (Integer) rs.getObject("arrival_number"),
				rs.getObject("arrival_date", LocalDate.class), rs.getString("handler_name"),
				rs.getObject("due_date", LocalDate.class), rs.getObject("handled_on", LocalDate.class),
				rs.getString("sample_note"), rs.getInt("version"));
	}

	/** Years with documents visible to the caller, newest first, for the filter. */
	public List<Integer> years(CurrentUser user) {
		return this.jdbc
			.sql("SELECT DISTINCT CAST(date_part('year', d.issued_on) AS int) y FROM document d WHERE " + VISIBLE
					+ " ORDER BY y DESC")
			.params(scopeParams(user))
			.query(Integer.class)
			.list();
	}

	/** The counts the register page shows on top. */
	public Map<String, Long> counts(CurrentUser user) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("SELECT d.direction, count(*) FROM document d WHERE " + VISIBLE + " GROUP BY d.direction")
			.params(scopeParams(user))
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

}
