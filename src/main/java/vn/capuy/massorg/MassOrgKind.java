package vn.capuy.massorg;

/**
 * The kinds of mass organisation a party organisation leads in its agency.
 */
public enum MassOrgKind {

	/** Đoàn Thanh niên Cộng sản Hồ Chí Minh. */
	YOUTH_UNION,
	/** Công đoàn cơ sở. */
	TRADE_UNION,
	/** Hội Liên hiệp Phụ nữ / Ban nữ công. */
	WOMEN_UNION,
	/** Hội Cựu chiến binh. */
	VETERANS

}
