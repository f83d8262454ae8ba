package vn.capuy.directive;

/**
 * The kind of source document a plan carries out: a directive (chỉ thị, CT), a resolution
 * (nghị quyết, NQ), a conclusion (kết luận, KL), a superior's plan (kế hoạch, KH), or
 * another document.
 */
public enum DirectiveKind {

	DIRECTIVE, RESOLUTION, CONCLUSION, PLAN, OTHER

}
