package vn.capuy.rulebook;

/**
 * A date on the Vietnamese lunar calendar: the lunar year is labelled by the Gregorian
 * year in which its first day (mùng 1 tháng Giêng) falls; {@code leap} marks the day as
 * being in the intercalary (nhuận) month.
 */
public record LunarDate(int year, int month, int day, boolean leap) {

}
