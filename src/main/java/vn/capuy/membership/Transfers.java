package vn.capuy.membership;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.Organizations;
import vn.capuy.rulebook.RuleBook;
import vn.capuy.rulebook.WorkingDayCalendar;
import vn.capuy.system.InvalidInputException;
import vn.capuy.system.NotFoundException;
import vn.capuy.system.RuleViolationException;
import vn.capuy.system.ScopeRef;
import vn.capuy.system.Today;
import vn.capuy.system.VietnameseText;

/**
 * Transfers of party activity (DOMAIN.md §2.4): permanent, temporary with return,
 * internal, abroad and collective; the outgoing and incoming registers with the deadlines
 * (to start the procedure, to present the letter) in working days; the transfer letter.
 */
@Service
@Transactional(readOnly = true)
public class Transfers {

	private final JdbcClient jdbc;

	private final RuleBook rules;

	private final WorkingDayCalendar calendar;

	private final OrganizationTree tree;

	private final Organizations organizations;

	private final Members members;

	private final RegisterBook registerBook;

	private final AuditLog audit;

	private final Today today;

	Transfers(JdbcClient jdbc, RuleBook rules, WorkingDayCalendar calendar, OrganizationTree tree,
			Organizations organizations, Members members, RegisterBook registerBook, AuditLog audit, Today today) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.calendar = calendar;
		this.tree = tree;
		this.organizations = organizations;
		this.members = members;
		this.registerBook = registerBook;
		this.audit = audit;
		this.today = today;
	}

	/** A transfer as started by the issuing committee. */
	public record NewTransfer(Long memberId, TransferKind kind, Long toOrganizationId, String destination,
			LocalDate causeDate, LocalDate startedOn, String letterNumber, LocalDate letterIssuedOn, LocalDate endDate,
			LocalDate feesPaidTo, String decisionRef, String note) {
	}

	/** A row of the outgoing or incoming register, with its deadlines and flags. */
	public record Row(long id, long memberId, String memberName, TransferKind kind, long fromOrganizationId,
			String fromName, Long toOrganizationId, String toName, LocalDate causeDate, LocalDate startedOn,
			String letterNumber, LocalDate letterIssuedOn, LocalDate presentedOn, LocalDate endDate,
			LocalDate returnedOn, LocalDate feesPaidTo, LocalDate startDue, LocalDate presentDue, boolean startLate,
			boolean presentLate) {
	}

	@Transactional
	public long start(CurrentUser user, NewTransfer t) {
		requireEditor(user);
		if (t.memberId() == null) {
			throw new InvalidInputException("memberId", "error.required");
		}
		if (t.kind() == null || t.kind() == TransferKind.TAP_THE) {
			throw new InvalidInputException("kind", "transfer.error.kind");
		}
		LocalDate cause = required("causeDate", t.causeDate());
		LocalDate started = t.startedOn() != null ? t.startedOn() : this.today.date();
		if (started.isBefore(cause)) {
			throw new InvalidInputException("startedOn", "transfer.error.started-before-cause");
		}
		MemberStatus status = this.members.statusOf(t.memberId(), started);
		if (status == null || !status.inParty()) {
			throw new RuleViolationException("error.member.not-in-party", started);
		}
		Long from = this.jdbc.sql("""
				SELECT organization_id FROM membership WHERE member_id = :m AND valid_from <= :d
				  AND (valid_to IS NULL OR valid_to > :d)
				""").param("m", t.memberId()).param("d", started).query(Long.class).optional().orElse(null);
		if (from == null || this.tree.find(user, from, started).isEmpty()) {
			throw new NotFoundException("member " + t.memberId());
		}
		if (t.toOrganizationId() == null && blank(t.destination()) == null) {
			throw new InvalidInputException("toOrganizationId", "transfer.error.destination");
		}
		if (t.toOrganizationId() != null) {
			Organization to = this.tree.find(user, t.toOrganizationId(), started)
				.orElseThrow(
						() -> new InvalidInputException("toOrganizationId", "error.member.organization.not-found"));
			if (!to.type().isCell()) {
				throw new InvalidInputException("toOrganizationId", "error.member.organization.not-cell", to.name());
			}
			if (to.id() == from) {
				throw new InvalidInputException("toOrganizationId", "error.member.transfer.same");
			}
		}
		if (t.kind() == TransferKind.NOI_BO
				&& (t.toOrganizationId() == null || !sameGrassroots(from, t.toOrganizationId(), started))) {
			throw new InvalidInputException("toOrganizationId", "transfer.error.internal");
		}
		if (t.kind() == TransferKind.TAM_THOI) {
			LocalDate end = required("endDate", t.endDate());
			long months = ChronoUnit.MONTHS.between(started, end);
			int min = this.rules.integer("transfer.temporary.min-months", started);
			int max = this.rules.integer("transfer.temporary.max-months", started);
			if (months < min || months > max) {
				throw new InvalidInputException("endDate", "transfer.error.temporary-period", min, max,
						this.rules.require("transfer.temporary.max-months", started).sourceDocument());
			}
		}
		if (t.letterIssuedOn() != null && t.letterIssuedOn().isBefore(started)) {
			throw new InvalidInputException("letterIssuedOn", "transfer.error.letter-before-start");
		}
		long id = this.jdbc
			.sql("""
					INSERT INTO transfer (member_id, kind, from_organization_id, to_organization_id, destination, cause_date,
					  started_on, letter_number, letter_issued_on, end_date, fees_paid_to, decision_ref, note, created_by)
					VALUES (:m, :k, :from, :to, :dest, :cause, :started, :letter, :issued, :end, :fees, :ref, :note, :by)
					RETURNING id
					""")
			.param("m", t.memberId())
			.param("k", t.kind().name())
			.param("from", from)
			.param("to", t.toOrganizationId())
			.param("dest", VietnameseText.clean(blank(t.destination())))
			.param("cause", cause)
			.param("started", started)
			.param("letter", blank(t.letterNumber()))
			.param("issued", t.letterIssuedOn())
			.param("end", t.endDate())
			.param("fees", t.feesPaidTo() == null ? null : t.feesPaidTo().withDayOfMonth(1))
			.param("ref", blank(t.decisionRef()))
			.param("note", VietnameseText.clean(blank(t.note())))
			.param("by", user.username())
			.query(Long.class)
			.single();
		this.registerBook.ensureRows(from);
		this.audit.record(user.username(), "TRANSFER_START", "transfer", id, from, t);
		return id;
	}

	/**
	 * The receiving organisation got the letter: a permanent or internal transfer moves
	 * the member's placement (or closes it when the destination is outside the system).
	 */
	@Transactional
	public void receive(CurrentUser user, long id, LocalDate presentedOn) {
		requireEditor(user);
		Row r = get(user, id);
		LocalDate d = required("presentedOn", presentedOn);
		if (r.presentedOn() != null) {
			throw new RuleViolationException("transfer.error.already-received");
		}
		if (r.letterIssuedOn() == null || d.isBefore(r.letterIssuedOn())) {
			throw new InvalidInputException("presentedOn", "transfer.error.presented-before-letter");
		}
		if (r.kind() == TransferKind.CHINH_THUC || r.kind() == TransferKind.NOI_BO) {
			if (r.toOrganizationId() != null) {
				this.members.transfer(user, r.memberId(), r.toOrganizationId(), d, r.letterNumber());
				this.registerBook.ensureRows(r.toOrganizationId());
			}
			else {
				this.members.transferOut(user, r.memberId(), d, r.letterNumber());
			}
		}
		this.jdbc.sql("UPDATE transfer SET presented_on = :d WHERE id = :id").param("d", d).param("id", id).update();
		this.audit.record(user.username(), "TRANSFER_RECEIVE", "transfer", id, null, d);
	}

	/** The member returned from a temporary transfer or from abroad. */
	@Transactional
	public void returned(CurrentUser user, long id, LocalDate on) {
		requireEditor(user);
		Row r = get(user, id);
		if (r.kind() != TransferKind.TAM_THOI && r.kind() != TransferKind.NUOC_NGOAI) {
			throw new RuleViolationException("transfer.error.not-temporary");
		}
		LocalDate d = required("returnedOn", on);
		if (d.isBefore(r.startedOn())) {
			throw new InvalidInputException("returnedOn", "transfer.error.started-before-cause");
		}
		this.jdbc.sql("UPDATE transfer SET returned_on = :d WHERE id = :id").param("d", d).param("id", id).update();
		this.audit.record(user.username(), "TRANSFER_RETURN", "transfer", id, null, d);
	}

	/**
	 * A whole cell moves under another organisation (Organizations.move): its members go
	 * with it, and each gets a row in the registers.
	 */
	@Transactional
	public int collective(CurrentUser user, long cellId, long newParentId, LocalDate date, String decisionRef) {
		requireEditor(user);
		required("date", date);
		Organization cell = this.tree.find(user, cellId, date)
			.orElseThrow(() -> new NotFoundException("organization " + cellId));
		List<Long> ids = this.jdbc.sql("""
				SELECT member_id FROM membership WHERE organization_id = :o AND valid_from <= :d
				  AND (valid_to IS NULL OR valid_to > :d)
				""").param("o", cell.id()).param("d", date).query(Long.class).list();
		this.organizations.move(user, cellId, newParentId, date, decisionRef);
		for (Long m : ids) {
			this.jdbc
				.sql("""
						INSERT INTO transfer (member_id, kind, from_organization_id, to_organization_id, cause_date, started_on,
						  letter_issued_on, presented_on, decision_ref, created_by)
						VALUES (:m, 'TAP_THE', :o, :o, :d, :d, :d, :d, :ref, :by)
						""")
				.param("m", m)
				.param("o", cellId)
				.param("d", date)
				.param("ref", decisionRef)
				.param("by", user.username())
				.update();
		}
		this.audit.record(user.username(), "TRANSFER_COLLECTIVE", "organization", cellId, cell.parentId(), newParentId);
		return ids.size();
	}

	public Row get(CurrentUser user, long id) {
		return rows(user.scope(), "t.id = :id", null, null, java.util.Map.of("id", id)).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("transfer " + id));
	}

	/** Every transfer of one member that the caller can see, latest first. */
	public List<Row> ofMember(CurrentUser user, long memberId) {
		return rows(user.scope(), "t.member_id = :member", null, null, java.util.Map.of("member", memberId));
	}

	/** Transfers out of organisations in scope, started in the period. */
	public List<Row> outgoing(ScopeRef scope, LocalDate from, LocalDate to) {
		return rows(scope, "t.from_organization_id IN (SELECT id FROM organization_visible_ever(:roots, :global))"
				+ " AND t.started_on >= :from AND t.started_on <= :to", from, to, null);
	}

	/** Transfers into organisations in scope, started in the period. */
	public List<Row> incoming(ScopeRef scope, LocalDate from, LocalDate to) {
		return rows(scope, "t.to_organization_id IN (SELECT id FROM organization_visible_ever(:roots, :global))"
				+ " AND t.started_on >= :from AND t.started_on <= :to", from, to, null);
	}

	private List<Row> rows(ScopeRef scope, String where, LocalDate from, LocalDate to,
			java.util.Map<String, Object> extra) {
		LocalDate today = this.today.date();
		String visible = " AND (t.from_organization_id IN (SELECT id FROM organization_visible_ever(:roots, :global))"
				+ " OR t.to_organization_id IN (SELECT id FROM organization_visible_ever(:roots, :global)))";
		var spec = this.jdbc.sql("""
				SELECT t.*, m.full_name,
				  (SELECT n.name FROM organization_name n WHERE n.organization_id = t.from_organization_id
				     ORDER BY n.valid_from DESC LIMIT 1) AS from_name,
				  coalesce((SELECT n.name FROM organization_name n WHERE n.organization_id = t.to_organization_id
				     ORDER BY n.valid_from DESC LIMIT 1), t.destination) AS to_name
				FROM transfer t JOIN member m ON m.id = t.member_id
				WHERE """ + " " + where + visible + " ORDER BY t.started_on DESC, t.id DESC")
			.param("roots", scope.roots())
			.param("global", scope.global());
		if (extra != null) {
			spec = spec.params(extra);
		}
		if (from != null) {
			spec = spec.param("from", from).param("to", to);
		}
		List<Row> rows = new ArrayList<>();
		// the two deadline rules read once for the whole register, not per row
		List<vn.capuy.rulebook.Rule> startRule = this.rules.versions("transfer.start.working-days");
		List<vn.capuy.rulebook.Rule> presentRule = this.rules.versions("transfer.present.working-days");
		spec.query((rs, n) -> {
			LocalDate cause = rs.getObject("cause_date", LocalDate.class);
			LocalDate started = rs.getObject("started_on", LocalDate.class);
			LocalDate issued = rs.getObject("letter_issued_on", LocalDate.class);
			LocalDate presented = rs.getObject("presented_on", LocalDate.class);
			LocalDate startDue = this.calendar.addWorkingDays(cause, days(startRule, cause, 60));
			LocalDate presentDue = issued == null ? null
					: this.calendar.addWorkingDays(issued, days(presentRule, issued, 30));
			boolean presentLate = presentDue != null
					&& (presented != null ? presented.isAfter(presentDue) : today.isAfter(presentDue));
			rows.add(new Row(rs.getLong("id"), rs.getLong("member_id"), rs.getString("full_name"),
					TransferKind.valueOf(rs.getString("kind")), rs.getLong("from_organization_id"),
					rs.getString("from_name"), (Long) rs.getObject("to_organization_id"), rs.getString("to_name"),
					cause, started, rs.getString("letter_number"), issued, presented,
					rs.getObject("end_date", LocalDate.class), rs.getObject("returned_on", LocalDate.class),
					rs.getObject("fees_paid_to", LocalDate.class), startDue, presentDue, started.isAfter(startDue),
					presentLate));
			return null;
		}).list();
		return rows;
	}

	/** The rule's value in force on the date, or the fallback before it was seeded. */
	private static int days(List<vn.capuy.rulebook.Rule> versions, LocalDate on, int fallback) {
		return versions.stream()
			.filter((r) -> r.inForceOn(on))
			.findFirst()
			.map((r) -> Integer.parseInt(r.value().strip()))
			.orElse(fallback);
	}

	/**
	 * The transfer letter (giấy giới thiệu sinh hoạt đảng) as DOCX: card number,
	 * life-history number, register row, letter number, fees paid up to the month.
	 */
	@Transactional
	public byte[] letter(CurrentUser user, long id) {
		Row r = get(user, id);
		MemberFile m = this.members.get(user, r.memberId());
		Integer row = this.registerBook.rowNumber(r.fromOrganizationId(), r.memberId());
		String fees = r.feesPaidTo() == null ? ""
				: String.format("%02d/%d", r.feesPaidTo().getMonthValue(), r.feesPaidTo().getYear());
		return new Docx().heading("ĐẢNG CỘNG SẢN VIỆT NAM", true, 14)
			.heading("GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG", true, 16)
			.fields(List.of(new String[] { "Số GTSHĐ", nz(r.letterNumber()) },
					new String[] { "Họ và tên", m.record().fullName() },
					new String[] { "Số TĐV", nz(m.record().partyCardNumber()) },
					new String[] { "Số LL", nz(m.record().lifeHistoryNumber()) },
					new String[] { "Số SĐV", row == null ? "" : String.valueOf(row) },
					new String[] { "Ngày vào Đảng",
							vn.capuy.system.PartyDates.shortForm(m.record().admissionDecisionDate()) },
					new String[] { "Ngày chính thức",
							vn.capuy.system.PartyDates.shortForm(m.record().fullMembershipDate()) },
					new String[] { "Nơi chuyển đi", nz(r.fromName()) },
					new String[] { "Nơi chuyển đến", nz(r.toName()) },
					new String[] { "Đã đóng đảng phí đến hết tháng", fees },
					new String[] { "Ngày ký", vn.capuy.system.PartyDates.longForm(r.letterIssuedOn()) },
					new String[] { "Xuất trình trước ngày", vn.capuy.system.PartyDates.shortForm(r.presentDue()) }))
			.toBytes();
	}

	private boolean sameGrassroots(long a, long b, LocalDate d) {
		return this.jdbc
			.sql("""
					SELECT EXISTS (SELECT 1 FROM organization_closure ca JOIN organization_closure cb ON cb.ancestor_id = ca.ancestor_id
					  JOIN organization o ON o.id = ca.ancestor_id
					  WHERE ca.descendant_id = :a AND cb.descendant_id = :b AND ca.ancestor_id <> :a AND ca.ancestor_id <> :b
					    AND o.type = 'DANG_BO_CO_SO'
					    AND ca.valid_from <= :d AND (ca.valid_to IS NULL OR ca.valid_to > :d)
					    AND cb.valid_from <= :d AND (cb.valid_to IS NULL OR cb.valid_to > :d))
					""")
			.param("a", a)
			.param("b", b)
			.param("d", d)
			.query(Boolean.class)
			.single();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, "error.required");
		}
		return value;
	}

	private static void requireEditor(CurrentUser user) {
		if (!user.editsRegister()) {
			throw new org.springframework.security.access.AccessDeniedException("transfers");
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
