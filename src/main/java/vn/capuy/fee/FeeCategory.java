package vn.capuy.fee;

/** What a member's monthly fee is computed from (Quy định 01-QĐ/TW, QĐ 342-QĐ/TW). */
public enum FeeCategory {

	/** In compulsory social insurance: a share of the salary it is based on. */
	SOCIAL_INSURANCE_SALARY,
	/** On sick or maternity leave paid by social insurance: a share of the benefit. */
	SICK_MATERNITY_BENEFIT,
	/** Pensioner: a share of the pension. */
	PENSION,
	/** Pupil or student: a fixed amount. */
	STUDENT,
	/** Anyone else (farmers, self-employed, …): a fixed amount. */
	OTHER;

	/** Whether the fee is a share of a base amount (salary, benefit, pension). */
	public boolean percentOfBase() {
		return this == SOCIAL_INSURANCE_SALARY || this == SICK_MATERNITY_BENEFIT || this == PENSION;
	}

}
