/**
 * Users, roles and organisation-subtree scopes, login with lock-out, the security
 * configuration and the append-only audit log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system" })
package vn.capuy.identity;
