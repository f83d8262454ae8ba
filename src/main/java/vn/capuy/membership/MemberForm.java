package vn.capuy.membership;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The member form as the page posts it (strings and ISO dates), turned into a
 * {@link MemberRecord}.
 */
class MemberForm {

	private String fullName;

	private String birthName;

	private Sex sex;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate dateOfBirth;

	private String placeOfBirth;

	private String placeOfBirthProvince;

	private String homeTown;

	private String homeTownProvince;

	private String ethnicityCode = "01";

	private String religionCode;

	private String citizenId;

	private String phone;

	private String education;

	private PoliticalTheory politicalTheory;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate admissionDecisionDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate admissionCeremonyDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate fullMembershipDate;

	private String partyCardNumber;

	private String lifeHistoryNumber;

	private Long organizationId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate placedOn;

	private int version;

	MemberRecord toRecord() {
		return new MemberRecord(this.fullName, this.birthName, this.sex, this.dateOfBirth, this.placeOfBirth,
				this.placeOfBirthProvince, this.homeTown, this.homeTownProvince, this.ethnicityCode, this.religionCode,
				this.citizenId, this.phone, this.education, this.politicalTheory, this.admissionDecisionDate,
				this.admissionCeremonyDate, this.fullMembershipDate, this.partyCardNumber, this.lifeHistoryNumber);
	}

	static MemberForm of(MemberFile file) {
		MemberRecord r = file.record();
		MemberForm f = new MemberForm();
		f.fullName = r.fullName();
		f.birthName = r.birthName();
		f.sex = r.sex();
		f.dateOfBirth = r.dateOfBirth();
		f.placeOfBirth = r.placeOfBirth();
		f.placeOfBirthProvince = r.placeOfBirthProvince();
		f.homeTown = r.homeTown();
		f.homeTownProvince = r.homeTownProvince();
		f.ethnicityCode = r.ethnicityCode();
		f.religionCode = r.religionCode();
		f.citizenId = r.citizenId();
		f.phone = r.phone();
		f.education = r.education();
		f.politicalTheory = r.politicalTheory();
		f.admissionDecisionDate = r.admissionDecisionDate();
		f.admissionCeremonyDate = r.admissionCeremonyDate();
		f.fullMembershipDate = r.fullMembershipDate();
		f.partyCardNumber = r.partyCardNumber();
		f.lifeHistoryNumber = r.lifeHistoryNumber();
		f.organizationId = file.organizationId();
		f.version = file.version();
		return f;
	}

	// getters and setters for data binding

	public String getFullName() {
		return this.fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getBirthName() {
		return this.birthName;
	}

	public void setBirthName(String birthName) {
		this.birthName = birthName;
	}

	public Sex getSex() {
		return this.sex;
	}

	public void setSex(Sex sex) {
		this.sex = sex;
	}

	public LocalDate getDateOfBirth() {
		return this.dateOfBirth;
	}

	public void setDateOfBirth(LocalDate dateOfBirth) {
		this.dateOfBirth = dateOfBirth;
	}

	public String getPlaceOfBirth() {
		return this.placeOfBirth;
	}

	public void setPlaceOfBirth(String placeOfBirth) {
		this.placeOfBirth = placeOfBirth;
	}

	public String getPlaceOfBirthProvince() {
		return this.placeOfBirthProvince;
	}

	public void setPlaceOfBirthProvince(String placeOfBirthProvince) {
		this.placeOfBirthProvince = placeOfBirthProvince;
	}

	public String getHomeTown() {
		return this.homeTown;
	}

	public void setHomeTown(String homeTown) {
		this.homeTown = homeTown;
	}

	public String getHomeTownProvince() {
		return this.homeTownProvince;
	}

	public void setHomeTownProvince(String homeTownProvince) {
		this.homeTownProvince = homeTownProvince;
	}

	public String getEthnicityCode() {
		return this.ethnicityCode;
	}

	public void setEthnicityCode(String ethnicityCode) {
		this.ethnicityCode = ethnicityCode;
	}

	public String getReligionCode() {
		return this.religionCode;
	}

	public void setReligionCode(String religionCode) {
		this.religionCode = religionCode;
	}

	public String getCitizenId() {
		return this.citizenId;
	}

	public void setCitizenId(String citizenId) {
		this.citizenId = citizenId;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getEducation() {
		return this.education;
	}

	public void setEducation(String education) {
		this.education = education;
	}

	public PoliticalTheory getPoliticalTheory() {
		return this.politicalTheory;
	}

	public void setPoliticalTheory(PoliticalTheory politicalTheory) {
		this.politicalTheory = politicalTheory;
	}

	public LocalDate getAdmissionDecisionDate() {
		return this.admissionDecisionDate;
	}

	public void setAdmissionDecisionDate(LocalDate admissionDecisionDate) {
		this.admissionDecisionDate = admissionDecisionDate;
	}

	public LocalDate getAdmissionCeremonyDate() {
		return this.admissionCeremonyDate;
	}

	public void setAdmissionCeremonyDate(LocalDate admissionCeremonyDate) {
		this.admissionCeremonyDate = admissionCeremonyDate;
	}

	public LocalDate getFullMembershipDate() {
		return this.fullMembershipDate;
	}

	public void setFullMembershipDate(LocalDate fullMembershipDate) {
		this.fullMembershipDate = fullMembershipDate;
	}

	public String getPartyCardNumber() {
		return this.partyCardNumber;
	}

	public void setPartyCardNumber(String partyCardNumber) {
		this.partyCardNumber = partyCardNumber;
	}

	public String getLifeHistoryNumber() {
		return this.lifeHistoryNumber;
	}

	public void setLifeHistoryNumber(String lifeHistoryNumber) {
		this.lifeHistoryNumber = lifeHistoryNumber;
	}

	public Long getOrganizationId() {
		return this.organizationId;
	}

	public void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public LocalDate getPlacedOn() {
		return this.placedOn;
	}

	public void setPlacedOn(LocalDate placedOn) {
		this.placedOn = placedOn;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
