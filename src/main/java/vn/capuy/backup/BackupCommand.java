package vn.capuy.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Backup and restore from the command line:
 * {@code java -jar target/capuy.jar --capuy.backup=file.zip} or
 * {@code --capuy.restore=file.zip --capuy.sample.enabled=false} (into an empty
 * installation); both exit when done.
 */
@Component
class BackupCommand implements ApplicationRunner {

	private final DataSource dataSource;

	private final Environment env;

	private final ConfigurableApplicationContext context;

	BackupCommand(DataSource dataSource, Environment env, ConfigurableApplicationContext context) {
		this.dataSource = dataSource;
		this.env = env;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		String backup = this.env.getProperty("capuy.backup");
		String restore = this.env.getProperty("capuy.restore");
		if (backup == null && restore == null) {
			return;
		}
		Backups backups = new Backups(this.dataSource);
		try {
			if (backup != null) {
				try (OutputStream out = Files.newOutputStream(Path.of(backup))) {
					Backups.Manifest manifest = backups.backup(out);
					System.err.printf("Backup written to %s: schema %s, %d tables, %,d rows%n", backup,
							manifest.schemaVersion(), manifest.rows().size(),
							manifest.rows().values().stream().mapToLong(Long::longValue).sum());
				}
			}
			else {
				try (InputStream in = Files.newInputStream(Path.of(restore))) {
					Backups.Manifest manifest = backups.restore(in);
					System.err.printf("Restored %s: schema %s, %d tables, counts and checksums checked%n", restore,
							manifest.schemaVersion(), manifest.rows().size());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.exit(SpringApplication.exit(this.context, () -> 0));
	}

}
