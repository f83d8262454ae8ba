package vn.capuy.membership;

import java.util.EnumSet;
import java.util.Set;

/**
 * The forms of an admission file (HD 12-HD/BTCTW 2022, appendix), and the step before
 * which each must be attached.
 */
public enum AdmissionForm {

	/** Đơn xin vào Đảng. */
	F1("1-KNĐ", AdmissionState.CHI_BO_DE_NGHI),
	/** Lý lịch của người xin vào Đảng, with the vetting papers. */
	F2("2-KNĐ", AdmissionState.CHI_BO_DE_NGHI),
	/** Giấy giới thiệu người vào Đảng (one introducer). */
	F3("3-KNĐ", AdmissionState.CHI_BO_DE_NGHI),
	/** Giấy giới thiệu (two introducers); replaces 3-KNĐ. */
	F3A("3A-KNĐ", null),
	/** Nghị quyết giới thiệu đoàn viên ưu tú (Youth Union). */
	F4("4-KNĐ", null),
	/** Tổng hợp ý kiến nhận xét. */
	F5("5-KNĐ", AdmissionState.CHI_BO_DE_NGHI),
	/** Nghị quyết đề nghị kết nạp của chi bộ. */
	F6("6-KNĐ", AdmissionState.CHI_BO_DE_NGHI),
	/** Báo cáo thẩm định của đảng uỷ bộ phận (if any). */
	F7("7-KNĐ", null),
	/** Nghị quyết của đảng uỷ cơ sở. */
	F8("8-KNĐ", AdmissionState.DANG_UY_CO_SO_DE_NGHI),
	/** Quyết định kết nạp đảng viên. */
	F9("9-KNĐ", AdmissionState.CO_QUYET_DINH_KET_NAP);

	private final String code;

	private final AdmissionState requiredFor;

	AdmissionForm(String code, AdmissionState requiredFor) {
		this.code = code;
		this.requiredFor = requiredFor;
	}

	public String code() {
		return this.code;
	}

	public AdmissionState requiredFor() {
		return this.requiredFor;
	}

	public static AdmissionForm of(String code) {
		for (AdmissionForm f : values()) {
			if (f.code.equals(code) || f.name().equals(code)) {
				return f;
			}
		}
		throw new vn.capuy.system.InvalidInputException("form", "admission.error.form.unknown", code);
	}

	/** Forms required before entering the state. */
	public static Set<AdmissionForm> requiredBefore(AdmissionState state) {
		Set<AdmissionForm> set = EnumSet.noneOf(AdmissionForm.class);
		for (AdmissionForm f : values()) {
			if (f.requiredFor == state) {
				set.add(f);
			}
		}
		return set;
	}

}
