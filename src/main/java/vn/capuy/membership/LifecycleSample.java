package vn.capuy.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.system.SampleExtension;

/**
 * The lifecycle's part of the sample committee: candidates in every admission step, a few
 * transfers and exemptions, a seriously ill member for an early badge — invented people
 * and documents marked "(mẫu)", 2023–2026, all through the module's services.
 */
@Component
class LifecycleSample implements SampleExtension {

	private static final String[] NAMES = { "Trần Thị Ánh Dương", "Nguyễn Văn Khải", "Lê Thị Hồng Nhung",
			"Phạm Quốc Bảo", "Hoàng Thị Thu Hà", "Võ Minh Tuấn", "Đặng Thị Lan Anh", "Bùi Văn Hưng", "Ngô Thị Mai",
			"Đỗ Văn Sơn", "Dương Thị Yến", "Lý Văn Phúc" };

	private final Admissions admissions;

	private final Transfers transfers;

	private final MemberLifecycle lifecycle;

	private final Members members;

	private final OrganizationTree tree;

	private final JdbcClient jdbc;

	LifecycleSample(Admissions admissions, Transfers transfers, MemberLifecycle lifecycle, Members members,
			OrganizationTree tree, JdbcClient jdbc) {
		this.admissions = admissions;
		this.transfers = transfers;
		this.lifecycle = lifecycle;
		this.members = members;
		this.tree = tree;
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public String name() {
		return "member lifecycle (admissions, transfers, exemptions)";
	}

	@Override
	public void load() {
		CurrentUser system = CurrentUser.system();
		LocalDate on = LocalDate.of(2023, 1, 2);
		Random random = new Random(20230102L);
		List<Long> cells = new ArrayList<>();
		for (Organization o : this.tree.list(system, on)
			.stream()
			.filter((o) -> o.type().isCell() && o.validTo() == null)
			.sorted(Comparator.comparingLong(Organization::id))
			.toList()) {
			if (fullMembers(o.id(), on).size() >= 5) {
				cells.add(o.id());
			}
		}
		if (cells.size() < 2) {
			return;
		}
		AdmissionState[] states = AdmissionState.values();
		for (int k = 0; k < states.length + 3; k++) {
			AdmissionState target = states[k % states.length];
			long cell = cells.get(k % Math.min(cells.size(), 6));
			candidate(system, cell, target, k, random);
		}
		long cellA = cells.get(0);
		long cellB = cells.get(1);
		List<Long> inA = fullMembers(cellA, LocalDate.of(2025, 9, 1));
		// the member moved for good is one this sample admitted, so the base sample's
		// named
		// members stay where the README and tests expect them
		long mover = this.jdbc.sql("SELECT member_id FROM admission WHERE state = 'CHINH_THUC' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		long moverCell = this.jdbc.sql("SELECT organization_id FROM admission WHERE member_id = :m")
			.param("m", mover)
			.query(Long.class)
			.single();
		long permanent = this.transfers.start(system,
				new Transfers.NewTransfer(mover, TransferKind.CHINH_THUC, moverCell == cellA ? cellB : cellA, null,
						LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 15), "101/GTSHĐ (mẫu)",
						LocalDate.of(2025, 9, 16), null, LocalDate.of(2025, 8, 1), "QĐ điều động 45/QĐ-UBND (mẫu)",
						null));
		this.transfers.receive(system, permanent, LocalDate.of(2025, 10, 2));
		long away = inA.get(inA.size() - 2);
		this.transfers.start(system,
				new Transfers.NewTransfer(away, TransferKind.TAM_THOI, null, "Học viện Chính trị khu vực III (mẫu)",
						LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "102/GTSHĐ (mẫu)",
						LocalDate.of(2026, 3, 21), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 2, 1),
						"QĐ cử đi học (mẫu)", null));
		this.transfers.start(system, new Transfers.NewTransfer(inA.get(inA.size() - 3), TransferKind.CHINH_THUC, null,
				"Đảng bộ xã Lệ Ninh (mẫu)", LocalDate.of(2026, 5, 4), LocalDate.of(2026, 9, 1), "103/GTSHĐ (mẫu)",
				LocalDate.of(2026, 9, 2), null, LocalDate.of(2026, 8, 1), "QĐ nghỉ hưu (mẫu)", null));
		List<Long> inB = fullMembers(cellB, LocalDate.of(2024, 1, 1));
		this.lifecycle.exempt(system, inB.get(0), MemberLifecycle.ExemptionKind.EXEMPT, LocalDate.of(2024, 3, 1), null,
				"Tuổi cao, sức yếu (mẫu)", "NQ chi bộ 03/2024 (mẫu)");
		this.lifecycle.exempt(system, inB.get(1), MemberLifecycle.ExemptionKind.TEMPORARY, LocalDate.of(2025, 4, 1),
				LocalDate.of(2026, 4, 1), "Công tác lưu động (mẫu)", "NQ chi bộ 04/2025 (mẫu)");
		this.jdbc
			.sql("""
					INSERT INTO badge_early_case (member_id, kind, noted_on, note) VALUES (:m, 'SERIOUSLY_ILL', :d, 'Hồ sơ bệnh án (mẫu)')
					ON CONFLICT DO NOTHING
					""")
			.param("m", inB.get(2))
			.param("d", LocalDate.of(2026, 1, 5))
			.update();
	}

	private void candidate(CurrentUser system, long cell, AdmissionState target, int k, Random random) {
		boolean late = target == AdmissionState.CHINH_THUC || target == AdmissionState.XOA_TEN
				|| target == AdmissionState.DA_KET_NAP && k > 9;
		LocalDate start = late ? LocalDate.of(2023, 2, 6).plusDays(k) : LocalDate.of(2025, 10, 6).plusDays(k * 3L);
		List<Long> full = fullMembers(cell, start);
		LocalDate dob = LocalDate.of(1994 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
		long id = this.admissions.identify(system, new Admissions.NewCandidate(NAMES[k % NAMES.length],
				k % 2 == 0 ? Sex.NU : Sex.NAM, dob, null, "12/12", true, null, false, cell, full.get(0), start));
		int step = target.ordinal();
		if (target == AdmissionState.XOA_TEN) {
			step = AdmissionState.DA_KET_NAP.ordinal() + 1;
		}
		if (step == 0) {
			return;
		}
		LocalDate certificate = start.plusDays(7);
		this.admissions.recordCertificate(system, id, certificate);
		for (AdmissionForm f : new AdmissionForm[] { AdmissionForm.F1, AdmissionForm.F2, AdmissionForm.F3A,
				AdmissionForm.F5, AdmissionForm.F6, AdmissionForm.F8, AdmissionForm.F9 }) {
			if (f.requiredFor() != null && f.requiredFor().ordinal() <= Math.max(step, 3)) {
				this.admissions.attach(system, id, f, certificate.plusDays(2), "(mẫu)");
			}
		}
		this.admissions.attach(system, id, AdmissionForm.F3A, certificate.plusDays(2), "(mẫu)");
		this.admissions.addIntroducer(system, id, full.get(1), LocalDate.of(2015, 1, 1));
		this.admissions.addIntroducer(system, id, full.get(2), LocalDate.of(2016, 6, 1));
		LocalDate[] dates = { start, certificate.plusDays(1), certificate.plusDays(3), start.plusDays(40),
				start.plusDays(55), start.plusDays(80), start.plusDays(95) };
		for (int s = 1; s <= Math.min(step, AdmissionState.DA_KET_NAP.ordinal()); s++) {
			this.admissions.transition(system, id, new Admissions.TransitionRequest(AdmissionState.values()[s],
					dates[s], s >= 5 ? (100 + k) + "-QĐ/ĐU (mẫu)" : null, false, null, null, null));
		}
		if (target == AdmissionState.CHINH_THUC) {
			LocalDate end = dates[6].plusMonths(12);
			this.admissions.recognitionVote(system, id, end.plusDays(10), true);
			this.admissions.transition(system, id, new Admissions.TransitionRequest(AdmissionState.CHINH_THUC,
					end.plusDays(30), (200 + k) + "-QĐ/ĐU (mẫu)", false, null, null, null));
		}
		if (target == AdmissionState.XOA_TEN) {
			LocalDate end = dates[6].plusMonths(12);
			for (int v = 0; v < 3; v++) {
				this.admissions.recognitionVote(system, id, end.plusDays(5 + v * 7L), false);
			}
			this.admissions.transition(system, id, new Admissions.TransitionRequest(AdmissionState.XOA_TEN,
					end.plusDays(40), (300 + k) + "-QĐ/ĐU (mẫu)", false, null, null, "Không đủ tư cách (mẫu)"));
		}
	}

	private List<Long> fullMembers(long cell, LocalDate on) {
		return this.jdbc.sql("""
				SELECT ms.member_id FROM membership ms JOIN member_status st ON st.member_id = ms.member_id
				WHERE ms.organization_id = :o AND ms.valid_from <= :d AND ms.valid_to IS NULL
				  AND st.status = 'FULL' AND st.valid_from <= :d AND st.valid_to IS NULL
				  AND NOT EXISTS (SELECT 1 FROM member_status x WHERE x.member_id = ms.member_id AND x.valid_from > :d)
				  AND NOT EXISTS (SELECT 1 FROM membership y WHERE y.member_id = ms.member_id AND y.valid_from > :d)
				ORDER BY ms.member_id
				""").param("o", cell).param("d", on).query(Long.class).list();
	}

}
