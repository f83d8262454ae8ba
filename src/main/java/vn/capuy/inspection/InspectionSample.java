package vn.capuy.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.membership.MemberFile;
import vn.capuy.membership.MemberRoll;
import vn.capuy.membership.MemberStatus;
import vn.capuy.membership.Members;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.system.SampleExtension;
import vn.capuy.system.Today;

/**
 * The sample's inspection work for 2008–2012 and 2021–today: the committee's UBKT
 * programme each year with cases of organisations carried through their stages, cells'
 * supervision programmes, a few disciplines (one expulsion) and complaints. Documents are
 * invented and marked "(mẫu)".
 */
@Component
class InspectionSample implements SampleExtension {

	/** The UBKT staff as the sample records its work. */
	private static final CurrentUser UBKT = new CurrentUser(0, "ubkt-mau", "Uỷ ban Kiểm tra (mẫu)",
			Set.of(Role.INSPECTION, Role.ORGANIZATION_BOARD), Set.of(), true, "TUYET_MAT");

	private final Inspections inspections;

	private final Disciplines disciplines;

	private final OrganizationTree tree;

	private final MemberRoll roll;

	private final Members members;

	private final Today today;

	InspectionSample(Inspections inspections, Disciplines disciplines, OrganizationTree tree, MemberRoll roll,
			Members members, Today today) {
		this.inspections = inspections;
		this.disciplines = disciplines;
		this.tree = tree;
		this.roll = roll;
		this.members = members;
		this.today = today;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public String name() {
		return "inspection and discipline";
	}

	@Override
	public void load() {
		Random random = new Random(20220706L);
		List<Integer> years = new ArrayList<>(List.of(2008, 2009, 2010, 2011, 2012));
		for (int y = 2021; y <= this.today.date().getYear(); y++) {
			years.add(y);
		}
		for (int year : years) {
			year(year, random);
		}
	}

	private void year(int year, Random random) {
		LocalDate jan = LocalDate.of(year, 1, 15);
		LocalDate last = LocalDate.of(year, 12, 20).isAfter(this.today.date()) ? this.today.date()
				: LocalDate.of(year, 12, 20);
		List<Organization> orgs = this.tree.list(CurrentUser.system(), jan);
		List<Organization> uppers = orgs.stream()
			.filter((o) -> o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO)
			.sorted(java.util.Comparator.comparingLong(Organization::id))
			.toList();
		for (Organization upper : uppers) {
			LocalDate end = upper.validTo() != null && upper.validTo().minusDays(1).isBefore(last)
					? upper.validTo().minusDays(1) : last;
			long programme = this.inspections.adopt(UBKT, upper.id(), DecidingBody.UPPER_INSPECTION, year,
					"Chương trình kiểm tra, giám sát năm " + year + " của Uỷ ban Kiểm tra (mẫu)", jan, null, null);
			List<Organization> grassroots = orgs.stream()
				.filter((o) -> o.type().isGrassroots() && Long.valueOf(upper.id()).equals(o.parentId()))
				.sorted(java.util.Comparator.comparingLong(Organization::id))
				.toList();
			if (grassroots.isEmpty()) {
				continue;
			}
			for (int i = 0; i < 3; i++) {
				Organization subject = grassroots.get(random.nextInt(grassroots.size()));
				CaseKind kind = i == 0 ? CaseKind.FINANCE
						: i == 1 ? CaseKind.IMPLEMENTATION : CaseKind.THEMATIC_SUPERVISION;
				LocalDate from = LocalDate.of(year, 3 + 3 * i, 1);
				if (from.isAfter(end)) {
					continue;
				}
				LocalDate to = from.plusMonths(2).isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31)
						: from.plusMonths(2);
				long item = this.inspections.addItem(UBKT, programme, kind, null, subject.id(),
						kind == CaseKind.FINANCE ? "Thu, nộp, quản lý đảng phí (mẫu)"
								: "Thực hiện nghị quyết, chỉ thị của cấp trên (mẫu)",
						from, to, "Đoàn kiểm tra làm việc trực tiếp (mẫu)");
				runCase(upper, subject.id(), null, kind, item, from, end, "UBKT " + year + "-" + (i + 1), random);
			}
			// a cell supervising its members
			Organization cell = orgs.stream()
				.filter((o) -> o.type().isCell())
				.filter((o) -> grassroots.stream()
					.anyMatch((g) -> g.id() == o.id() || Long.valueOf(g.id()).equals(o.parentId())))
				.findFirst()
				.orElse(null);
			if (cell != null) {
				LocalDate cellEnd = cell.validTo() != null && cell.validTo().minusDays(1).isBefore(end)
						? cell.validTo().minusDays(1) : end;
				cellProgramme(cell, year, jan, cellEnd, random);
			}
		}
	}

	private void cellProgramme(Organization cell, int year, LocalDate jan, LocalDate last, Random random) {
		long programme = this.inspections.adopt(UBKT, cell.id(), DecidingBody.CELL, year,
				"Kế hoạch kiểm tra, giám sát năm " + year + " của chi bộ (mẫu)", jan, null, null);
		List<MemberRoll.Entry> entries = this.roll.on(CurrentUser.system().scope(), cell.id(), jan);
		int target = (int) Math.ceil(entries.size() * 0.4);
		for (int i = 0; i < target; i++) {
			MemberRoll.Entry e = entries.get(i);
			LocalDate from = LocalDate.of(year, 2 + (i % 10), 1);
			this.inspections.addItem(UBKT, programme, CaseKind.REGULAR_SUPERVISION, e.memberId(), null,
					"Việc thực hiện nhiệm vụ đảng viên, giữ gìn phẩm chất đạo đức (mẫu)", from, from.plusDays(27),
					"Đảng viên tự báo cáo, chi bộ nhận xét (mẫu)");
		}
		// one member disciplined by the cell in 2010 and 2023 (warning, then a complaint)
		if ((year == 2010 || year == 2023) && entries.size() > target + 1) {
			MemberRoll.Entry subject = entries.get(target);
			LocalDate opened = LocalDate.of(year, 4, 2);
			LocalDate decidedOn = LocalDate.of(year, 6, 10);
			List<MemberRoll.Entry> then = decidedOn.isAfter(last) ? List.of()
					: this.roll.on(CurrentUser.system().scope(), cell.id(), decidedOn);
			if (then.stream().noneMatch((e) -> e.memberId() == subject.memberId())) {
				return;
			}
			long caseId = runCase(cell, null, subject.memberId(), CaseKind.SIGNS_OF_VIOLATION, null, opened, last,
					"CB " + year, random);
			LocalDate decided = LocalDate.of(year, 6, 10);
			int eligible = (int) then.stream().filter((e) -> e.status() != MemberStatus.PROBATIONARY).count();
			if (eligible < 3) {
				return;
			}
			Disciplines.Decided d = this.disciplines.decide(UBKT,
					new Disciplines.DecisionRequest(caseId, cell.id(), DecidingBody.CELL, subject.memberId(), null,
							SubjectStanding.MEMBER, ViolationArea.PARTY_ACTIVITY,
							"Nhiều lần không sinh hoạt chi bộ không có lý do (mẫu)", LocalDate.of(year - 1, 11, 5),
							null, List.of(), DisciplineForm.CANH_CAO, decided, decided,
							"Quyết định kỷ luật số 01-QĐ/CB (mẫu)", eligible, eligible - 1, 1, false));
			Organization parent = this.tree.find(CurrentUser.system(), cell.parentId(), decided.plusDays(20))
				.orElse(null);
			DecidingBody body = parent == null ? null : parent.type() == OrganizationType.DANG_BO_CO_SO
					? DecidingBody.GRASSROOTS_COMMITTEE : DecidingBody.UPPER_INSPECTION;
			if (parent != null && body.belongsTo(parent.type())) {
				long complaint = this.disciplines.complain(UBKT, d.id(), parent.id(), body, decided.plusDays(20),
						"Đảng viên cho rằng hình thức kỷ luật nặng (mẫu)");
				this.disciplines.resolve(UBKT, complaint,
						year == 2010 ? ComplaintOutcome.REDUCED : ComplaintOutcome.UPHELD,
						year == 2010 ? DisciplineForm.KHIEN_TRACH : null, decided.plusDays(50),
						"Quyết định giải quyết khiếu nại (mẫu)");
			}
		}
		// an expulsion decided by the committee above grassroots in 2011
		if (year == 2011 && entries.size() > target + 2) {
			MemberRoll.Entry subject = entries.get(target + 1);
			MemberFile file = this.members.get(CurrentUser.system(), subject.memberId());
			LocalDate decided = LocalDate.of(2011, 9, 20);
			boolean laterChange = file.statuses().stream().anyMatch((s) -> s.validFrom().isAfter(decided));
			Organization upper = upperOf(cell, decided);
			boolean onRoll = upper != null && this.roll.on(CurrentUser.system().scope(), upper.id(), decided)
				.stream()
				.anyMatch((e) -> e.memberId() == subject.memberId() && e.status() == MemberStatus.FULL);
			if (!laterChange && onRoll
					&& this.tree.find(CurrentUser.system(), upper.id(), LocalDate.of(2011, 5, 3)).isPresent()) {
				long caseId = runCase(upper, null, subject.memberId(), CaseKind.DENUNCIATION, null,
						LocalDate.of(2011, 5, 3), LocalDate.of(2011, 9, 10), "TC 2011", random);
				this.disciplines.decide(UBKT,
						new Disciplines.DecisionRequest(caseId, upper.id(), DecidingBody.UPPER_STANDING,
								subject.memberId(), null, SubjectStanding.MEMBER, ViolationArea.ETHICS,
								"Vi phạm nghiêm trọng phẩm chất đạo đức, đã bị xử lý hình sự (mẫu)",
								LocalDate.of(2010, 8, 1), null, List.of(), DisciplineForm.KHAI_TRU, decided, decided,
								"Quyết định số 12-QĐ/ĐUK (mẫu)", 9, 9, 0, false));
			}
		}
	}

	private Organization upperOf(Organization org, LocalDate date) {
		Organization current = org;
		while (current != null && current.type() != OrganizationType.DANG_BO_CAP_TREN_CO_SO) {
			current = current.parentId() == null ? null
					: this.tree.find(CurrentUser.system(), current.parentId(), date).orElse(null);
		}
		return current;
	}

	/**
	 * Opens a case and moves it through its stages, a few weeks apart, up to
	 * {@code last}.
	 */
	private long runCase(Organization handler, Long subjectOrg, Long subjectMember, CaseKind kind, Long item,
			LocalDate opened, LocalDate last, String ref, Random random) {
		DecidingBody body = handler.type().isCell() ? DecidingBody.CELL : DecidingBody.UPPER_INSPECTION;
		long id = this.inspections.open(UBKT, new Inspections.NewCase(handler.id(), body, kind, subjectMember,
				subjectOrg, "Nội dung kiểm tra theo quyết định (mẫu)", opened, "Quyết định " + ref + " (mẫu)", item));
		LocalDate date = opened;
		for (CaseStage stage : CaseStage.values()) {
			if (stage == CaseStage.DECISION) {
				continue;
			}
			date = date.plusDays(7 + random.nextInt(10));
			if (date.isAfter(last) || stage == CaseStage.CLOSED) {
				break;
			}
			boolean conclusion = stage.ordinal() >= CaseStage.DRAFT_CONCLUSION.ordinal();
			this.inspections.advance(UBKT, id, stage, date,
					stage == CaseStage.CONCLUSION_NOTIFIED ? "Thông báo kết luận " + ref + " (mẫu)" : null, null,
					conclusion ? "Cơ bản thực hiện tốt; cần khắc phục một số hạn chế trong ghi chép sổ sách (mẫu)"
							: null,
					random.nextBoolean());
		}
		return id;
	}

}
