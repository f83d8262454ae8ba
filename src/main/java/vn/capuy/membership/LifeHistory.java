package vn.capuy.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.identity.CurrentUser;
import vn.capuy.system.PartyDates;
import vn.capuy.system.Today;

/**
 * The printable life history (lý lịch đảng viên) filled from the record, as a print page
 * and as DOCX. The official form 1-HSĐV's boxes and pages are not in DOMAIN.md, so this
 * is a faithful summary form, and says so on its face: the items of DOMAIN.md §2.2 that
 * the register holds, numbered as there, dates written out ("ngày 05 tháng 02 năm 2018"),
 * the 3×4 photo in force, the party history and the documents in the file.
 */
@Service
@Transactional(readOnly = true)
public class LifeHistory {

	static final Locale VI = Locale.forLanguageTag("vi");

	static final String TITLE = "LÝ LỊCH ĐẢNG VIÊN";

	static final String SUMMARY_NOTE = "Bản tóm tắt lập từ hồ sơ đảng viên trong hệ thống (theo các mục của lý lịch "
			+ "đảng viên, mẫu 1-HSĐV); không thay thế bản lý lịch viết tay có xác nhận của cấp uỷ.";

	private final JdbcClient jdbc;

	private final Members members;

	private final MemberFiles files;

	private final MessageSource messages;

	private final Today today;

	LifeHistory(JdbcClient jdbc, Members members, MemberFiles files, MessageSource messages, Today today) {
		this.jdbc = jdbc;
		this.members = members;
		this.files = files;
		this.messages = messages;
		this.today = today;
	}

	/** One numbered item of the form. */
	public record Item(String number, String label, String value) {
	}

	/** The filled form, as both the page and the DOCX show it. */
	public record Sheet(long memberId, List<String> committees, String title, String note, List<Item> items,
			List<String[]> history, List<String[]> documents, boolean hasPhoto, String dated) {
	}

	/** The form filled from the member's record; 404 outside the caller's scope. */
	public Sheet sheet(CurrentUser user, long memberId) {
		MemberFile f = this.members.get(user, memberId);
		MemberRecord r = f.record();
		List<Item> items = new ArrayList<>();
		items.add(new Item("01", "Họ và tên đang dùng", r.fullName().toUpperCase(VI)));
		items.add(new Item("02", "Giới tính", r.sex() == Sex.NAM ? "Nam" : "Nữ"));
		items.add(new Item("03", "Họ và tên khai sinh", r.birthName() == null ? r.fullName() : r.birthName()));
		items.add(new Item("05", "Sinh", PartyDates.longForm(r.dateOfBirth())));
		items.add(new Item("06", "Nơi sinh", join(r.placeOfBirth(), r.placeOfBirthProvince())));
		String home = join(r.homeTown(), r.homeTownProvince());
		if (f.homeTownProvinceToday() != null && !f.homeTownProvinceToday().equals(r.homeTownProvince())) {
			home = join(home, "nay là " + f.homeTownProvinceToday());
		}
		items.add(new Item("07", "Quê quán", home));
		items.add(new Item("09", "Dân tộc", f.ethnicityName()));
		items.add(new Item("10", "Tôn giáo", f.religionName() == null ? "Không" : f.religionName()));
		items.add(new Item("", "Trình độ giáo dục phổ thông", r.education()));
		items.add(new Item("", "Lý luận chính trị",
				r.politicalTheory() == null ? "" : message("theory." + r.politicalTheory())));
		String admitted = PartyDates.longForm(r.admissionDecisionDate());
		if (r.admissionCeremonyDate() != null) {
			admitted = admitted + "; lễ kết nạp " + PartyDates.longForm(r.admissionCeremonyDate());
		}
		items.add(new Item("14", "Ngày vào Đảng", admitted));
		items.add(new Item("15", "Ngày chính thức", PartyDates.longForm(r.fullMembershipDate())));
		items.add(new Item("", "Số thẻ đảng viên", r.partyCardNumber()));
		items.add(new Item("", "Số lý lịch đảng viên", r.lifeHistoryNumber()));
		items.add(new Item("", "Số căn cước công dân", r.citizenId()));
		items.add(new Item("", "Chi bộ đang sinh hoạt", f.organizationName()));
		items.add(new Item("", "Tuổi đảng", f.partyAgeYears() == null ? ""
				: f.partyAgeYears() + " năm (đến " + PartyDates.longForm(this.today.date()) + ")"));
		record Dated(LocalDate from, String[] row) {
		}
		List<Dated> dated = new ArrayList<>();
		for (MemberFile.Placement p : f.placements()) {
			dated.add(new Dated(p.validFrom(),
					new String[] { period(p.validFrom(), p.validTo()), "Sinh hoạt tại " + p.organizationName(),
							p.reason() == null ? "" : message("reason." + p.reason(), p.reason()),
							p.decisionRef() == null ? "" : p.decisionRef() }));
		}
		for (MemberFile.StatusPeriod s : f.statuses()) {
			dated.add(new Dated(s.validFrom(),
					new String[] { period(s.validFrom(), s.validTo()), message("status." + s.status()),
							s.reason() == null ? "" : message("reason." + s.reason(), s.reason()),
							s.decisionRef() == null ? "" : s.decisionRef() }));
		}
		dated.sort(java.util.Comparator.comparing(Dated::from));
		List<String[]> history = dated.stream().map(Dated::row).toList();
		List<String[]> documents = new ArrayList<>();
		for (MemberFiles.Attached a : this.files.documents(user, memberId)) {
			if (a.open()) {
				documents.add(new String[] { PartyDates.shortForm(a.documentDate()), a.kind(),
						a.note() == null ? "" : a.note() });
			}
		}
		boolean photo = this.files.currentPhoto(memberId).isPresent();
		return new Sheet(memberId, committees(f.organizationId()), TITLE, SUMMARY_NOTE, items, history, documents,
				photo, PartyDates.longForm(this.today.date()));
	}

	/**
	 * The life history as DOCX in Times New Roman, with the 3×4 photo when there is one.
	 */
	public byte[] docx(CurrentUser user, long memberId) {
		Sheet s = sheet(user, memberId);
		Docx docx = new Docx();
		for (String c : s.committees()) {
			docx.heading(c, false, 12);
		}
		Optional<MemberFiles.Content> photo = this.files.currentPhoto(memberId);
		photo.ifPresent((p) -> docx.photo(p.bytes(), p.kind() == MemberFiles.FileKind.PNG));
		docx.heading(s.title(), true, 16).italic(s.note());
		List<String[]> rows = new ArrayList<>();
		for (Item i : s.items()) {
			rows.add(new String[] { i.number().isEmpty() ? i.label() : i.number() + ". " + i.label(), i.value() });
		}
		docx.fields(rows);
		docx.heading("QUÁ TRÌNH SINH HOẠT ĐẢNG", true, 13);
		docx.table(new String[] { "Thời gian", "Nội dung", "Lý do", "Quyết định" }, s.history());
		if (!s.documents().isEmpty()) {
			docx.heading("TÀI LIỆU TRONG HỒ SƠ", true, 13);
			docx.table(new String[] { "Ngày", "Loại tài liệu", "Ghi chú" }, s.documents());
		}
		docx.paragraph("Lập " + s.dated() + ".");
		return docx.toBytes();
	}

	/** The names of the committees above the member's cell and the cell, from the top. */
	List<String> committees(Long organizationId) {
		return this.jdbc.sql("""
				SELECT (SELECT n.name FROM organization_name n WHERE n.organization_id = c.ancestor_id
				          ORDER BY n.valid_from DESC LIMIT 1)
				FROM organization_closure c WHERE c.descendant_id = :o AND c.valid_to IS NULL
				ORDER BY c.depth DESC
				""")
			.param("o", organizationId == null ? -1 : organizationId)
			.query(String.class)
			.list()
			.stream()
			.map((n) -> n == null ? "" : n.toUpperCase(VI))
			.toList();
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, VI);
	}

	private String message(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, VI);
	}

	private static String period(LocalDate from, LocalDate to) {
		return PartyDates.shortForm(from) + (to == null ? " – nay" : " – " + PartyDates.shortForm(to));
	}

	static String join(String a, String b) {
		if (a == null || a.isBlank()) {
			return b == null ? "" : b;
		}
		return b == null || b.isBlank() ? a : a + ", " + b;
	}

}
