package vn.capuy.system;

/**
 * One item of the main navigation, contributed by the module that serves the page, so
 * that modules add their areas without editing the layout. {@code order} follows the
 * order of the work (DESIGN.md).
 */
public record NavigationEntry(int order, String messageKey, String path, boolean administratorsOnly) {

}
