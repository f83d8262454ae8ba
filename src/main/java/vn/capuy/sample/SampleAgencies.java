package vn.capuy.sample;

import java.util.List;

/**
 * The provincial agencies of the sample blocs and how their grassroots party
 * organisations are built: a grassroots committee with its cells, or a grassroots cell;
 * and which new committee each goes to when the bloc is split in 2025 (the Party's own
 * agencies, the Front, the mass organisations, the court and the procuracy to the party
 * agencies committee; departments and public-service units to the People's Committee's).
 * Agency kinds are the usual ones of a province; no list of a real province is copied.
 */
final class SampleAgencies {

	private SampleAgencies() {
	}

	/** Where a grassroots organisation goes when its bloc is split. */
	enum Side {

		/** To "Đảng bộ các cơ quan Đảng tỉnh". */
		PARTY,
		/** To "Đảng bộ UBND tỉnh". */
		GOVERNMENT

	}

	/**
	 * A grassroots organisation to create: its agency, whether it is a grassroots
	 * committee (else a grassroots cell), its side at the split, and for a committee the
	 * names of its cells (empty: picked from {@link #CELL_POOL}).
	 */
	record Grassroots(String agency, boolean committee, Side side, List<String> cells) {

		static Grassroots committee(String agency, Side side, String... cells) {
			return new Grassroots(agency, true, side, List.of(cells));
		}

		static Grassroots cell(String agency, Side side) {
			return new Grassroots(agency, false, side, List.of());
		}

	}

	/** Cells of a department-like agency, picked when no specific list is given. */
	static final List<String> CELL_POOL = List.of("Chi bộ Văn phòng", "Chi bộ Thanh tra",
			"Chi bộ Phòng Tổ chức – Hành chính", "Chi bộ Phòng Kế hoạch – Tài chính", "Chi bộ Phòng Nghiệp vụ",
			"Chi bộ Phòng Pháp chế", "Chi bộ Phòng Quản lý chuyên ngành", "Chi bộ Trung tâm Dịch vụ",
			"Chi bộ Chi cục Quản lý", "Chi bộ Trung tâm Thông tin", "Chi bộ Ban Quản lý dự án", "Chi bộ Phòng Kỹ thuật",
			"Chi bộ Phòng Tổng hợp");

	private static final Side P = Side.PARTY;

	private static final Side G = Side.GOVERNMENT;

	/** Quảng Bình's bloc: 35 grassroots committees and 25 grassroots cells. */
	static final List<Grassroots> QUANG_BINH = List.of(
			Grassroots.committee("Văn phòng Tỉnh uỷ", P, "Chi bộ Phòng Tổng hợp", "Chi bộ Phòng Hành chính – Lưu trữ",
					"Chi bộ Phòng Quản trị – Tài vụ", "Chi bộ Phòng Cơ yếu", "Chi bộ Nhà khách Tỉnh uỷ",
					"Chi bộ Phòng Tổ chức – Hành chính"),
			Grassroots.committee("Trường Chính trị tỉnh", P, "Chi bộ Khoa Lý luận cơ sở", "Chi bộ Khoa Xây dựng Đảng",
					"Chi bộ Khoa Nhà nước và Pháp luật", "Chi bộ Phòng Tổ chức – Hành chính",
					"Chi bộ Phòng Quản lý đào tạo"),
			Grassroots.committee("Toà án nhân dân tỉnh", P, "Chi bộ Toà Hình sự", "Chi bộ Toà Dân sự",
					"Chi bộ Toà Hành chính", "Chi bộ Văn phòng"),
			Grassroots.committee("Viện Kiểm sát nhân dân tỉnh", P, "Chi bộ Phòng Thực hành quyền công tố",
					"Chi bộ Phòng Kiểm sát điều tra", "Chi bộ Phòng Kiểm sát thi hành án", "Chi bộ Văn phòng"),
			Grassroots.committee("Liên đoàn Lao động tỉnh", P, "Chi bộ Văn phòng", "Chi bộ Ban Tổ chức – Kiểm tra",
					"Chi bộ Ban Tuyên giáo – Nữ công", "Chi bộ Nhà văn hoá Lao động"),
			Grassroots.committee("Văn phòng Đoàn ĐBQH và HĐND tỉnh", P, "Chi bộ Phòng Công tác HĐND",
					"Chi bộ Phòng Công tác Quốc hội", "Chi bộ Phòng Hành chính – Tổ chức"),
			Grassroots.cell("Ban Tổ chức Tỉnh uỷ", P), Grassroots.cell("Uỷ ban Kiểm tra Tỉnh uỷ", P),
			Grassroots.cell("Ban Tuyên giáo Tỉnh uỷ", P), Grassroots.cell("Ban Dân vận Tỉnh uỷ", P),
			Grassroots.cell("Ban Nội chính Tỉnh uỷ", P), Grassroots.cell("Uỷ ban MTTQ Việt Nam tỉnh", P),
			Grassroots.cell("Tỉnh đoàn", P), Grassroots.cell("Hội Liên hiệp Phụ nữ tỉnh", P),
			Grassroots.cell("Hội Nông dân tỉnh", P), Grassroots.cell("Hội Cựu chiến binh tỉnh", P),
			Grassroots.cell("Hội Chữ thập đỏ tỉnh", P),
			Grassroots.cell("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", P),
			Grassroots.cell("Hội Văn học Nghệ thuật tỉnh", P), Grassroots.cell("Hội Nhà báo tỉnh", P),
			Grassroots.committee("Văn phòng UBND tỉnh", G, "Chi bộ Phòng Tổng hợp", "Chi bộ Phòng Kinh tế",
					"Chi bộ Phòng Nội chính", "Chi bộ Phòng Quản trị – Tài vụ", "Chi bộ Ban Tiếp công dân"),
			Grassroots.committee("Sở Tài chính", G, "Chi bộ Văn phòng", "Chi bộ Phòng Tổ chức – Hành chính",
					"Chi bộ Phòng Quản lý ngân sách", "Chi bộ Phòng Tài chính doanh nghiệp",
					"Chi bộ Phòng Quản lý giá và Công sản", "Chi bộ Thanh tra Sở"),
			Grassroots.committee("Sở Kế hoạch và Đầu tư", G), Grassroots.committee("Sở Nội vụ", G),
			Grassroots.committee("Sở Tư pháp", G), Grassroots.committee("Sở Công Thương", G),
			Grassroots.committee("Sở Nông nghiệp và Phát triển nông thôn", G),
			Grassroots.committee("Sở Tài nguyên và Môi trường", G), Grassroots.committee("Sở Giao thông Vận tải", G),
			Grassroots.committee("Sở Xây dựng", G),
			Grassroots.committee("Sở Giáo dục và Đào tạo", G, "Chi bộ Văn phòng", "Chi bộ Phòng Giáo dục Trung học",
					"Chi bộ Phòng Giáo dục Tiểu học – Mầm non", "Chi bộ Phòng Khảo thí và Kiểm định chất lượng",
					"Chi bộ Thanh tra Sở"),
			Grassroots.committee("Sở Y tế", G), Grassroots.committee("Sở Lao động – Thương binh và Xã hội", G),
			Grassroots.committee("Sở Văn hoá, Thể thao và Du lịch", G),
			Grassroots.committee("Sở Khoa học và Công nghệ", G, "Chi bộ Văn phòng", "Chi bộ Phòng Quản lý khoa học",
					"Chi bộ Chi cục Tiêu chuẩn Đo lường Chất lượng", SampleCommittee.SMALL_CELL),
			Grassroots.committee("Sở Thông tin và Truyền thông", G, "Chi bộ Văn phòng",
					"Chi bộ Phòng Bưu chính – Viễn thông", "Chi bộ Phòng Công nghệ thông tin",
					SampleCommittee.SHRINKING_CELL),
			Grassroots.committee("Đài Phát thanh – Truyền hình tỉnh", G, "Chi bộ Phòng Thời sự",
					"Chi bộ Phòng Chuyên đề", "Chi bộ Phòng Kỹ thuật", "Chi bộ Phòng Biên tập",
					"Chi bộ Phòng Hành chính – Tổng hợp"),
			Grassroots.committee("Bệnh viện Đa khoa tỉnh", G, "Chi bộ Khối Nội", "Chi bộ Khối Ngoại",
					"Chi bộ Khối Cận lâm sàng", "Chi bộ Khoa Khám bệnh", "Chi bộ Phòng Điều dưỡng",
					"Chi bộ Khối Hành chính", "Chi bộ Khoa Sản – Nhi", "Chi bộ Khoa Hồi sức cấp cứu"),
			Grassroots.committee("Bệnh viện Y học cổ truyền tỉnh", G),
			Grassroots.committee("Trung tâm Kiểm soát bệnh tật tỉnh", G),
			Grassroots.committee("Trường Cao đẳng Sư phạm tỉnh", G),
			Grassroots.committee("Trường Cao đẳng Nghề tỉnh", G),
			Grassroots.committee("Cục Thuế tỉnh", G, "Chi bộ Văn phòng Cục", "Chi bộ Phòng Kiểm tra thuế",
					"Chi bộ Phòng Thanh tra thuế", "Chi bộ Phòng Tuyên truyền – Hỗ trợ người nộp thuế",
					"Chi bộ Phòng Quản lý nợ"),
			Grassroots.committee("Kho bạc Nhà nước tỉnh", G), Grassroots.committee("Bảo hiểm xã hội tỉnh", G),
			Grassroots.committee("Ban Quản lý Khu kinh tế tỉnh", G), Grassroots.committee("Chi cục Kiểm lâm tỉnh", G),
			Grassroots.committee("Ngân hàng Nhà nước Chi nhánh tỉnh", G),
			Grassroots.committee("Ban Quản lý Dự án đầu tư xây dựng tỉnh", G), Grassroots.cell("Thanh tra tỉnh", G),
			Grassroots.cell("Ban Dân tộc tỉnh", G), Grassroots.cell("Cục Thống kê tỉnh", G),
			Grassroots.cell("Liên minh Hợp tác xã tỉnh", G), Grassroots.cell("Quỹ Đầu tư phát triển tỉnh", G),
			Grassroots.cell("Trung tâm Xúc tiến Đầu tư tỉnh", G), Grassroots.cell("Sở Ngoại vụ", G),
			Grassroots.cell("Trung tâm Khuyến nông tỉnh", G), Grassroots.cell("Trung tâm Lưu trữ lịch sử tỉnh", G),
			Grassroots.cell("Trung tâm Quan trắc môi trường tỉnh", G),
			Grassroots.cell("Ban Thi đua – Khen thưởng tỉnh", G));

	/**
	 * Quảng Trị's smaller bloc: 6 grassroots committees and 4 grassroots cells. Their
	 * agencies carry the province's name so that they stay distinct from Quảng Bình's
	 * once both sit under the merged committees.
	 */
	static final List<Grassroots> QUANG_TRI = List.of(
			Grassroots.committee("Văn phòng Tỉnh uỷ Quảng Trị", P, "Chi bộ Phòng Tổng hợp",
					"Chi bộ Phòng Hành chính – Lưu trữ", "Chi bộ Phòng Quản trị – Tài vụ", "Chi bộ Phòng Cơ yếu"),
			Grassroots.committee("Viện Kiểm sát nhân dân tỉnh Quảng Trị", P, "Chi bộ Phòng Thực hành quyền công tố",
					"Chi bộ Phòng Kiểm sát điều tra", "Chi bộ Văn phòng"),
			Grassroots.cell("Toà án nhân dân tỉnh Quảng Trị", P),
			Grassroots.cell("Uỷ ban MTTQ Việt Nam tỉnh Quảng Trị", P), Grassroots.cell("Tỉnh đoàn Quảng Trị", P),
			Grassroots.committee("Văn phòng UBND tỉnh Quảng Trị", G, "Chi bộ Phòng Tổng hợp", "Chi bộ Phòng Kinh tế",
					"Chi bộ Phòng Quản trị – Tài vụ", "Chi bộ Ban Tiếp công dân"),
			Grassroots.committee("Sở Tài chính tỉnh Quảng Trị", G), Grassroots.committee("Sở Y tế tỉnh Quảng Trị", G),
			Grassroots.committee("Sở Giáo dục và Đào tạo tỉnh Quảng Trị", G),
			Grassroots.cell("Ban Dân tộc tỉnh Quảng Trị", G));

}
