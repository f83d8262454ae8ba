package vn.capuy.system;

/**
 * The organisation scope of a caller as every module's SQL takes it: the roots of the
 * subtrees they may see ({@code organization_visible(roots, global, date)}), or the whole
 * system.
 */
public record ScopeRef(Long[] roots, boolean global) {

}
