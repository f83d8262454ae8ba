package vn.capuy.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured:
 * durable, in a persistent data directory, surviving a {@code kill -9} of the previous
 * JVM.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
		Path dataDir = Path.of(env.getProperty("capuy.data-dir", "./data")).toAbsolutePath().normalize().resolve("pg");
		boolean durable = env.getProperty("capuy.embedded-db.durable", Boolean.class, true);
		Files.createDirectories(dataDir);
		stopOrphanedPostmaster(dataDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			// a database that is not durable (the tests') is thrown away when it stops:
			// otherwise every test run left a few hundred megabytes in the temporary
			// directory
			.setCleanDataDirectory(!durable)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("full_page_writes", durable ? "on" : "off")
			.setServerConfig("max_connections", "100")
			.setServerConfig("timezone", "Asia/Ho_Chi_Minh")
			.setLocaleConfig("encoding", "UTF8");
		EmbeddedPostgres pg = builder.start();
		log.info("Embedded PostgreSQL started on port {} with data in {} (fsync={})", pg.getPort(), dataDir,
				durable ? "on" : "off");
		return pg;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres pg, Environment env) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(env.getProperty("capuy.embedded-db.pool-size", Integer.class, 10));
		config.setPoolName("capuy-embedded");
		return new HikariDataSource(config);
	}

	/**
	 * A JVM killed with SIGKILL leaves its postmaster running; a new one would fail on
	 * {@code postmaster.pid}. Stop the orphan, but only when the pid in the file really
	 * is a postgres process serving this data directory: never any other process that
	 * happens to hold a recycled pid.
	 */
	static void stopOrphanedPostmaster(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			if (lines.isEmpty()) {
				return;
			}
			long pid = Long.parseLong(lines.get(0).trim());
			Optional<ProcessHandle> handle = ProcessHandle.of(pid);
			if (handle.isEmpty() || !handle.get().isAlive() || pid == ProcessHandle.current().pid()
					|| !isPostmasterOf(handle.get(), dataDir)) {
				return;
			}
			log.warn("Stopping orphaned PostgreSQL (pid {}) left by a previous run in {}", pid, dataDir);
			handle.get().destroy();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (handle.get().isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			if (handle.get().isAlive()) {
				handle.get().destroyForcibly();
				Thread.sleep(500);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not read {}: {}", pidFile, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Whether the process runs a binary named {@code postgres} and, where {@code /proc}
	 * tells, works in this data directory (a postmaster changes into its data directory).
	 */
	static boolean isPostmasterOf(ProcessHandle handle, Path dataDir) {
		Path proc = Path.of("/proc", String.valueOf(handle.pid()));
		String command = handle.info().command().orElse("");
		if (command.isEmpty()) {
			try {
				String cmdline = Files.readString(proc.resolve("cmdline"));
				int end = cmdline.indexOf('\0');
				command = (end >= 0) ? cmdline.substring(0, end) : cmdline;
			}
			catch (IOException ex) {
				return false;
			}
		}
		Path executable = Path.of(command).getFileName();
		if (executable == null || !executable.toString().equals("postgres")) {
			return false;
		}
		if (!Files.isDirectory(proc)) {
			return true;
		}
		try {
			return Files.isSameFile(proc.resolve("cwd").toRealPath(), dataDir.toRealPath());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Matches when {@code spring.datasource.url} is missing or blank. (An empty
	 * {@code havingValue} of {@code @ConditionalOnProperty} means "not false", so it
	 * matched a configured URL too and the external database was ignored.)
	 */
	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
