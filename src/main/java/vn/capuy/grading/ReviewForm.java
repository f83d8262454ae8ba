package vn.capuy.grading;

/**
 * The review forms of Hướng dẫn 43-HD/BTCTW (2025), earlier HD 25-HD/BTCTW: the
 * collective report 01 and the individual self-reviews 2A (leaders and managers), 2B
 * (members in the political system), 2C (members outside it, such as retirees).
 */
public enum ReviewForm {

	MAU_01, MAU_2A, MAU_2B, MAU_2C

}
