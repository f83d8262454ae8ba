package vn.capuy.membership;

import java.util.List;

/**
 * The fields of the member register an import column can map to, with the header words
 * (folded) that map to each by default.
 */
public enum ImportField {

	FULL_NAME("fullName", "ho va ten", "ho ten", "ho va ten dang dung", "full name"),
	BIRTH_NAME("birthName", "ho ten khai sinh", "ho va ten khai sinh"), SEX("sex", "gioi tinh", "sex"),
	DATE_OF_BIRTH("dateOfBirth", "ngay sinh", "ngay thang nam sinh", "date of birth"),
	PLACE_OF_BIRTH("placeOfBirth", "noi sinh"), PLACE_OF_BIRTH_PROVINCE("placeOfBirthProvince", "tinh noi sinh"),
	HOME_TOWN("homeTown", "que quan"), HOME_TOWN_PROVINCE("homeTownProvince", "tinh que quan"),
	ETHNICITY("ethnicityCode", "dan toc"), RELIGION("religionCode", "ton giao"),
	CITIZEN_ID("citizenId", "cccd", "so cccd", "so can cuoc", "can cuoc cong dan", "so can cuoc cong dan"),
	PHONE("phone", "dien thoai", "so dien thoai"),
	EDUCATION("education", "trinh do hoc van", "hoc van", "giao duc pho thong"),
	POLITICAL_THEORY("politicalTheory", "ly luan chinh tri", "llct"),
	ADMISSION_DECISION_DATE("admissionDecisionDate", "ngay vao dang", "ngay ket nap", "ngay quyet dinh ket nap"),
	ADMISSION_CEREMONY_DATE("admissionCeremonyDate", "ngay le ket nap"),
	FULL_MEMBERSHIP_DATE("fullMembershipDate", "ngay chinh thuc", "ngay cong nhan chinh thuc"),
	PARTY_CARD_NUMBER("partyCardNumber", "so the", "so the dang vien", "so tdv"),
	LIFE_HISTORY_NUMBER("lifeHistoryNumber", "so ly lich", "so ll", "so ly lich dang vien"),
	ORGANIZATION("organizationId", "chi bo", "to chuc dang", "noi sinh hoat");

	private final String field;

	private final List<String> headers;

	ImportField(String field, String... headers) {
		this.field = field;
		this.headers = List.of(headers);
	}

	/** The field name used in error messages ({@code field.<name>}). */
	public String field() {
		return this.field;
	}

	public List<String> headers() {
		return this.headers;
	}

}
