package vn.capuy.backup;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.capuy.identity.AuditLog;
import vn.capuy.identity.CurrentUser;
import vn.capuy.system.Today;

/**
 * The administrator's backup page: download a consistent backup of the whole database.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BackupController {

	private final Backups backups;

	private final AuditLog audit;

	BackupController(DataSource dataSource, AuditLog audit) {
		this.backups = new Backups(dataSource);
		this.audit = audit;
	}

	@GetMapping("/admin/backup")
	String page() {
		return "backup/backup";
	}

	@PostMapping("/admin/backup")
	ResponseEntity<StreamingResponseBody> download() {
		String name = "capuy-" + LocalDateTime.now(Today.VIETNAM).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"))
				+ ".zip";
		String actor = CurrentUser.get().username();
		StreamingResponseBody body = (out) -> {
			Backups.Manifest manifest = this.backups.backup(out);
			this.audit.record(actor, "BACKUP", "database", manifest.schemaVersion(), null, manifest.rows());
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(MediaType.parseMediaType("application/zip"))
			.body(body);
	}

}
