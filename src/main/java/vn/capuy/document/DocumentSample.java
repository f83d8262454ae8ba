package vn.capuy.document;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import vn.capuy.identity.CurrentUser;
import vn.capuy.membership.MemberListItem;
import vn.capuy.organization.Organization;
import vn.capuy.organization.OrganizationTree;
import vn.capuy.organization.OrganizationType;
import vn.capuy.sample.SampleCommittee;
import vn.capuy.system.SampleExtension;
import vn.capuy.system.VietnameseText;

/**
 * The document part of the sample committee: Chỉ thị 16-CT/TU received by the Quảng Bình
 * bloc in mid-2007 and sent down to its organisations, a few real central documents, the
 * bloc's own (invented) plans, reports and notices of 2007–2012 with its 2010 congress,
 * the new party-agencies committee's of 2025–2026 with its first congress, two documents
 * marked MẬT, and the 2007 study sessions of 16-CT/TU with realistic attendance, four
 * organisations never holding theirs. Deterministic (fixed seed), through the services.
 */
@Component
class DocumentSample implements SampleExtension {

	static final String DIRECTIVE_16 = "16-CT/TU";

	static final String DIRECTIVE_16_TITLE = "Về tăng cường vai trò lãnh đạo của các tổ chức cơ sở Đảng trong Đảng bộ Khối các cơ quan Dân Chính Đảng tỉnh";

	/** The assumed date of 16-CT/TU: only "mid-2007" is known. */
	static final LocalDate DIRECTIVE_16_DATE = LocalDate.of(2007, 6, 15);

	/** Grassroots organisations that never hold their 16-CT/TU session in the sample. */
	static final int NEVER_HELD = 4;

	private static final String SAMPLE = "(mẫu)";

	private static final List<String> REASONS = List.of("Đi công tác", "Ốm, điều trị tại bệnh viện", "Nghỉ phép",
			"Đi học tập trung", "Việc gia đình", "Nghỉ chế độ thai sản");

	private final Documents documents;

	private final DocumentTerms terms;

	private final StudySessions study;

	private final OrganizationTree tree;

	DocumentSample(Documents documents, DocumentTerms terms, StudySessions study, OrganizationTree tree) {
		this.documents = documents;
		this.terms = terms;
		this.study = study;
		this.tree = tree;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String name() {
		return "documents";
	}

	@Override
	public void load() {
		new Loader().run();
	}

	private final class Loader {

		private final CurrentUser system = CurrentUser.system();

		private final Random random = new Random(20070615L);

		void run() {
			long qbBloc = bloc(DIRECTIVE_16_DATE);
			List<Organization> grassroots2007 = grassroots(qbBloc, DIRECTIVE_16_DATE);
			long d16 = directive16(qbBloc, grassroots2007);
			centralBefore2025(qbBloc);
			blocDocuments(qbBloc, grassroots2007);
			studySessions(d16, grassroots2007);
			long partyAgencies = partyAgencies(LocalDate.of(2025, 7, 2));
			newCommittee(partyAgencies);
		}

		private long directive16(long bloc, List<Organization> grassroots) {
			long id = receive(DIRECTIVE_16, DocumentType.DIRECTIVE, DIRECTIVE_16_DATE,
					"Ban Thường vụ Tỉnh uỷ Quảng Bình", DIRECTIVE_16_TITLE,
					"Chỉ thị của Ban Thường vụ Tỉnh uỷ về tăng cường vai trò hạt nhân chính trị của tổ chức cơ sở đảng "
							+ "trong các cơ quan dân, chính, đảng cấp tỉnh; giao Đảng uỷ Khối xây dựng kế hoạch thực hiện.",
					null, bloc, LocalDate.of(2007, 6, 18), "Lê Văn Hùng (mẫu)",
					"Dữ liệu mẫu: số, ký hiệu và trích yếu theo bài báo năm 2012; ngày ban hành là giả định (giữa năm 2007), chưa có văn bản gốc.");
			SampleOps.send(DocumentSample.this.documents, this.system, id, ids(grassroots), LocalDate.of(2007, 6, 20));
			DocumentSample.this.documents.markHandled(this.system, id, LocalDate.of(2007, 6, 22));
			return id;
		}

		private void centralBefore2025(long bloc) {
			receive("12-HD/BTCTW", DocumentType.GUIDANCE, LocalDate.of(2012, 5, 17), "Ban Tổ chức Trung ương",
					"Một số vấn đề cụ thể về nghiệp vụ công tác đảng viên", null, null, bloc, LocalDate.of(2012, 5, 28),
					"Phan Văn Thắng (mẫu)", null);
			receive("09-HD/BTCTW", DocumentType.GUIDANCE, LocalDate.of(2017, 6, 5), "Ban Tổ chức Trung ương",
					"Một số vấn đề cụ thể về nghiệp vụ công tác đảng viên", null, null, bloc, LocalDate.of(2017, 6, 14),
					"Phan Văn Thắng (mẫu)", null);
			receive("36-HD/VPTW", DocumentType.GUIDANCE, LocalDate.of(2018, 4, 3), "Văn phòng Trung ương Đảng",
					"Về thể thức và kỹ thuật trình bày văn bản của Đảng", null, null, bloc, LocalDate.of(2018, 4, 12),
					"Lê Thị Minh Hoà (mẫu)", null);
			receive("12-HD/BTCTW", DocumentType.GUIDANCE, LocalDate.of(2018, 7, 6), "Ban Tổ chức Trung ương",
					"Về nâng cao chất lượng sinh hoạt chi bộ", null, null, bloc, LocalDate.of(2018, 7, 16),
					"Phan Văn Thắng (mẫu)", null);
		}

		private void blocDocuments(long bloc, List<Organization> grassroots) {
			List<Long> all = ids(grassroots);
			issue(bloc, DocumentType.PLAN, LocalDate.of(2007, 7, 5),
					"Triển khai thực hiện Chỉ thị 16-CT/TU của Ban Thường vụ Tỉnh uỷ " + SAMPLE,
					"Tổ chức học tập, quán triệt Chỉ thị đến toàn thể đảng viên trước ngày 30/9/2007; mỗi tổ chức cơ sở đảng xây dựng kế hoạch thực hiện.",
					Secrecy.NONE, all);
			issue(bloc, DocumentType.NOTICE, LocalDate.of(2007, 10, 12),
					"Kết quả học tập, quán triệt Chỉ thị 16-CT/TU " + SAMPLE, null, Secrecy.NONE, all);
			issue(bloc, DocumentType.REPORT, LocalDate.of(2007, 12, 14),
					"Tổng kết công tác xây dựng Đảng năm 2007 " + SAMPLE, null, Secrecy.NONE, List.of());
			issue(bloc, DocumentType.REPORT, LocalDate.of(2008, 6, 20),
					"Kết quả một năm thực hiện Chỉ thị 16-CT/TU " + SAMPLE, null, Secrecy.NONE, List.of());
			issue(bloc, DocumentType.PLAN, LocalDate.of(2008, 2, 25), "Công tác kiểm tra, giám sát năm 2008 " + SAMPLE,
					null, Secrecy.NONE, all);
			issue(bloc, DocumentType.REPORT, LocalDate.of(2008, 12, 12),
					"Tổng kết công tác xây dựng Đảng năm 2008 " + SAMPLE, null, Secrecy.NONE, List.of());
			issue(bloc, DocumentType.REPORT, LocalDate.of(2009, 12, 11),
					"Tổng kết công tác xây dựng Đảng năm 2009 " + SAMPLE, null, Secrecy.NONE, List.of());
			// the bloc's congress of 2010 starts a new term: numbering restarts from 01
			DocumentSample.this.terms.declareCongress(this.system, bloc, LocalDate.of(2010, 6, 24),
					LocalDate.of(2010, 6, 25), "Đại hội Đảng bộ Khối nhiệm kỳ 2010–2015 " + SAMPLE);
			issue(bloc, DocumentType.PLAN, LocalDate.of(2010, 3, 20),
					"Tổ chức Đại hội Đảng bộ Khối nhiệm kỳ 2010–2015 " + SAMPLE, null, Secrecy.NONE, all);
			issueCongress(bloc, DocumentType.RESOLUTION, LocalDate.of(2010, 6, 25),
					"Nghị quyết Đại hội Đảng bộ Khối nhiệm kỳ 2010–2015 " + SAMPLE);
			issueCongress(bloc, DocumentType.MINUTES, LocalDate.of(2010, 6, 25),
					"Biên bản kiểm phiếu bầu Ban Chấp hành Đảng bộ Khối " + SAMPLE);
			issue(bloc, DocumentType.PLAN, LocalDate.of(2010, 7, 15),
					"Thực hiện Nghị quyết Đại hội Đảng bộ Khối nhiệm kỳ 2010–2015 " + SAMPLE, null, Secrecy.NONE, all);
			issue(bloc, DocumentType.REPORT, LocalDate.of(2010, 12, 10),
					"Tổng kết công tác xây dựng Đảng năm 2010 " + SAMPLE, null, Secrecy.NONE, List.of());
			issue(bloc, DocumentType.REPORT, LocalDate.of(2011, 12, 9),
					"Tình hình chính trị nội bộ và bảo vệ chính trị nội bộ năm 2011 " + SAMPLE, null, Secrecy.MAT,
					List.of());
			issue(bloc, DocumentType.REPORT, LocalDate.of(2011, 12, 16),
					"Tổng kết công tác xây dựng Đảng năm 2011 " + SAMPLE, null, Secrecy.NONE, List.of());
			List<Long> all2012 = ids(grassroots(bloc, LocalDate.of(2012, 8, 1)));
			issue(bloc, DocumentType.GUIDANCE, LocalDate.of(2012, 8, 10),
					"Tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU của Ban Thường vụ Tỉnh uỷ " + SAMPLE,
					"Đề cương báo cáo kèm theo; các tổ chức cơ sở đảng gửi báo cáo về Đảng uỷ Khối trước ngày 30/9/2012.",
					Secrecy.NONE, all2012);
			issue(bloc, DocumentType.PLAN, LocalDate.of(2012, 9, 20),
					"Tổ chức hội nghị tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU " + SAMPLE, null, Secrecy.NONE,
					all2012);
			issue(bloc, DocumentType.REPORT, LocalDate.of(2012, 10, 31),
					"Tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU của Ban Thường vụ Tỉnh uỷ " + SAMPLE,
					"Đánh giá kết quả lãnh đạo, hạn chế, nguyên nhân, bài học kinh nghiệm và phương hướng thời gian tới.",
					Secrecy.NONE, List.of());
			issue(bloc, DocumentType.NOTICE, LocalDate.of(2012, 11, 8),
					"Kết luận của Thường trực Đảng uỷ Khối tại hội nghị tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU "
							+ SAMPLE,
					null, Secrecy.NONE, all2012);
		}

		private void studySessions(long directive, List<Organization> grassroots) {
			List<Organization> order = new ArrayList<>(grassroots);
			java.util.Collections.shuffle(order, this.random);
			for (int i = 0; i < order.size(); i++) {
				if (i < NEVER_HELD) {
					continue;
				}
				Organization org = order.get(i);
				LocalDate day = workingDay(LocalDate.of(2007, 7, 10).plusDays(this.random.nextInt(75)));
				List<MemberListItem> roll = DocumentSample.this.study.roll(this.system, org.id(), day);
				if (roll.isEmpty()) {
					continue;
				}
				Map<Long, String> absences = new HashMap<>();
				int rate = 3 + this.random.nextInt(9);
				for (MemberListItem m : roll) {
					if (this.random.nextInt(100) < rate) {
						absences.put(m.id(), REASONS.get(this.random.nextInt(REASONS.size())));
					}
				}
				DocumentSample.this.study.record(this.system, directive, org.id(), day, absences,
						"Hội nghị học tập, quán triệt Chỉ thị 16-CT/TU " + SAMPLE, roll);
			}
		}

		private void newCommittee(long committee) {
			LocalDate on = LocalDate.of(2025, 7, 2);
			List<Long> all = ids(grassroots(committee, on));
			long d294 = receive("294-QĐ/TW", DocumentType.REGULATION, LocalDate.of(2025, 5, 26),
					"Ban Chấp hành Trung ương", "Về thi hành Điều lệ Đảng", null, null, committee, on,
					"Phan Văn Thắng (mẫu)", null);
			SampleOps.send(DocumentSample.this.documents, this.system, d294, all, LocalDate.of(2025, 7, 4));
			receive("366-QĐ/TW", DocumentType.REGULATION, LocalDate.of(2025, 8, 30), "Bộ Chính trị",
					"Về kiểm điểm, đánh giá, xếp loại chất lượng", null, null, committee, LocalDate.of(2025, 9, 5),
					"Phan Văn Thắng (mẫu)", null);
			receive("43-HD/BTCTW", DocumentType.GUIDANCE, LocalDate.of(2025, 10, 31), "Ban Tổ chức Trung ương",
					"Về kiểm điểm, đánh giá, xếp loại chất lượng", null, null, committee, LocalDate.of(2025, 11, 6),
					"Phan Văn Thắng (mẫu)", null);
			receive("01-QĐ/TW", DocumentType.REGULATION, LocalDate.of(2026, 2, 3), "Bộ Chính trị", "Về chế độ đảng phí",
					null, null, committee, LocalDate.of(2026, 2, 9), "Lê Thị Minh Hoà (mẫu)", null);
			issue(committee, DocumentType.PLAN, LocalDate.of(2025, 7, 10),
					"Học tập, quán triệt Quy định 294-QĐ/TW của Ban Chấp hành Trung ương " + SAMPLE, null, Secrecy.NONE,
					all);
			DocumentSample.this.terms.declareCongress(this.system, committee, LocalDate.of(2025, 8, 20),
					LocalDate.of(2025, 8, 22),
					"Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh lần thứ I, nhiệm kỳ 2025–2030 " + SAMPLE);
			issueCongress(committee, DocumentType.RESOLUTION, LocalDate.of(2025, 8, 22),
					"Nghị quyết Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh lần thứ I " + SAMPLE);
			issue(committee, DocumentType.PLAN, LocalDate.of(2025, 9, 8),
					"Thực hiện Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2025–2030 " + SAMPLE, null, Secrecy.NONE, all);
			issue(committee, DocumentType.PLAN, LocalDate.of(2025, 11, 12),
					"Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025 " + SAMPLE,
					"Thực hiện Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW.", Secrecy.NONE, all);
			issue(committee, DocumentType.REPORT, LocalDate.of(2025, 12, 15),
					"Tổng kết công tác xây dựng Đảng năm 2025 " + SAMPLE, null, Secrecy.NONE, List.of());
			issue(committee, DocumentType.REPORT, LocalDate.of(2025, 12, 18),
					"Tình hình tư tưởng, chính trị nội bộ năm 2025 " + SAMPLE, null, Secrecy.MAT, List.of());
			issue(committee, DocumentType.NOTICE, LocalDate.of(2026, 1, 8),
					"Kết quả xếp loại chất lượng tổ chức đảng năm 2025 " + SAMPLE, null, Secrecy.NONE, all);
			issue(committee, DocumentType.PLAN, LocalDate.of(2026, 2, 12),
					"Thực hiện Quy định 01-QĐ/TW về chế độ đảng phí " + SAMPLE, null, Secrecy.NONE, all);
			issue(committee, DocumentType.NOTICE, LocalDate.of(2026, 3, 2),
					"Lịch sinh hoạt chi bộ chuyên đề quý II năm 2026 " + SAMPLE, null, Secrecy.NONE, all);
		}

		private long receive(String symbol, DocumentType type, LocalDate issuedOn, String issuer, String title,
				String summary, String signer, long receiver, LocalDate arrival, String handler, String note) {
			return DocumentSample.this.documents.receive(this.system, new Documents.ReceiveRequest(symbol, type,
					issuedOn, issuer, title, summary, signer, Secrecy.NONE, receiver, arrival, handler, null, note));
		}

		private void issue(long issuer, DocumentType type, LocalDate on, String title, String summary, Secrecy secrecy,
				List<Long> recipients) {
			DocumentSample.this.documents.issue(this.system,
					new Documents.IssueRequest(issuer, type, on, title, summary,
							"Nội dung văn bản là dữ liệu mẫu, do hệ thống tạo để minh hoạ.", "Đồng Hới",
							"T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Mẫu (mẫu)", secrecy, false, null, recipients,
							List.of("Ban Thường vụ Tỉnh uỷ"), "Văn bản mẫu, nội dung giả định."));
		}

		private void issueCongress(long issuer, DocumentType type, LocalDate on, String title) {
			DocumentSample.this.documents.issue(this.system,
					new Documents.IssueRequest(issuer, type, on, title, null,
							"Nội dung văn bản là dữ liệu mẫu, do hệ thống tạo để minh hoạ.", "Đồng Hới",
							"T/M ĐOÀN CHỦ TỊCH", "CHỦ TỊCH", "Nguyễn Văn Mẫu (mẫu)", Secrecy.NONE, true, null,
							List.of(), List.of("Ban Thường vụ Tỉnh uỷ"), "Văn bản mẫu, nội dung giả định."));
		}

		private long bloc(LocalDate on) {
			List<Organization> all = DocumentSample.this.tree.list(this.system, on);
			long root = all.stream()
				.filter((o) -> o.name().equals(SampleCommittee.QUANG_BINH) && o.parentId() == null)
				.findFirst()
				.orElseThrow()
				.id();
			return all.stream()
				.filter((o) -> o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO
						&& Long.valueOf(root).equals(o.parentId()))
				.findFirst()
				.orElseThrow()
				.id();
		}

		private long partyAgencies(LocalDate on) {
			return DocumentSample.this.tree.list(this.system, on)
				.stream()
				.filter((o) -> o.type() == OrganizationType.DANG_BO_CAP_TREN_CO_SO
						&& o.name().equals(SampleCommittee.PARTY_AGENCIES))
				.findFirst()
				.orElseThrow()
				.id();
		}

		/** The grassroots organisations directly under a committee on a date, by name. */
		private List<Organization> grassroots(long parent, LocalDate on) {
			return DocumentSample.this.tree.list(this.system, on)
				.stream()
				.filter((o) -> Long.valueOf(parent).equals(o.parentId())
						&& (o.type() == OrganizationType.DANG_BO_CO_SO || o.type() == OrganizationType.CHI_BO_CO_SO))
				.sorted(Comparator.comparing(Organization::name, VietnameseText.collator())
					.thenComparingLong(Organization::id))
				.toList();
		}

		private List<Long> ids(List<Organization> orgs) {
			return orgs.stream().map(Organization::id).toList();
		}

		private LocalDate workingDay(LocalDate day) {
			LocalDate d = day;
			while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
				d = d.plusDays(1);
			}
			return d;
		}

	}

	/** Small helpers the loader shares. */
	private static final class SampleOps {

		private SampleOps() {
		}

		static void send(Documents documents, CurrentUser user, long id, List<Long> orgs, LocalDate on) {
			if (!orgs.isEmpty()) {
				documents.send(user, id, orgs, on);
			}
		}

	}

}
