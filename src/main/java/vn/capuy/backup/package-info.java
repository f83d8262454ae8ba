/**
 * Backup and restore without external tools: every table copied in one repeatable-read
 * snapshot with the schema version, and restored into an empty installation of the same
 * version.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "identity" })
package vn.capuy.backup;
