package vn.capuy.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmbeddedDatabaseConfiguration#stopOrphanedPostmaster}: after a {@code kill -9}
 * of the JVM it stops the postmaster still running on the data directory, and it never
 * touches any other process whose pid a stale {@code postmaster.pid} names.
 */
class OrphanedPostmasterTests {

	private static final Path SLEEP = Path.of("/bin/sleep");

	@TempDir
	Path temp;

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stopWhatWasStarted() {
		this.started.forEach(Process::destroyForcibly);
	}

	@Test
	void anotherProgramHoldingThePidIsLeftAlone() throws IOException {
		Path dataDir = dataDir();
		Process other = start(SLEEP, dataDir);
		writePidFile(dataDir, other.pid());

		EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir);

		assertThat(other.isAlive()).isTrue();
	}

	@Test
	void theTestsOwnJvmIsLeftAlone() throws IOException {
		Path dataDir = dataDir();
		writePidFile(dataDir, ProcessHandle.current().pid());

		EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir);

		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}

	@Test
	void aPostgresOfAnotherDataDirectoryIsLeftAlone() throws IOException {
		Path dataDir = dataDir();
		Path elsewhere = Files.createDirectories(this.temp.resolve("other-cluster"));
		Process otherPostgres = start(postgresBinary(), elsewhere);
		writePidFile(dataDir, otherPostgres.pid());

		EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir);

		assertThat(otherPostgres.isAlive()).isTrue();
	}

	@Test
	void theOrphanedPostmasterOfThisDataDirectoryIsStopped() throws Exception {
		Path dataDir = dataDir();
		Process orphan = start(postgresBinary(), dataDir);
		writePidFile(dataDir, orphan.pid());

		EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir);

		assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aDeadPidOrAnUnreadableFileIsIgnored() throws Exception {
		Path dataDir = dataDir();
		Process finished = new ProcessBuilder("/bin/true").start();
		finished.waitFor();
		writePidFile(dataDir, finished.pid());
		EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir);

		Files.writeString(dataDir.resolve("postmaster.pid"), "not a pid\n");
		EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir);

		Files.writeString(dataDir.resolve("postmaster.pid"), "");
		EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir);

		Files.delete(dataDir.resolve("postmaster.pid"));
		EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir);
		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}

	private Path dataDir() throws IOException {
		return Files.createDirectories(this.temp.resolve("data").resolve("pg"));
	}

	/** A harmless program under the name {@code postgres}. */
	private Path postgresBinary() throws IOException {
		Path bin = Files.createDirectories(this.temp.resolve("bin"));
		Path postgres = bin.resolve("postgres");
		if (!Files.exists(postgres)) {
			Files.copy(SLEEP, postgres);
			postgres.toFile().setExecutable(true);
		}
		return postgres;
	}

	private Process start(Path program, Path workingDirectory) throws IOException {
		Process process = new ProcessBuilder(program.toString(), "60").directory(workingDirectory.toFile()).start();
		this.started.add(process);
		assertThat(process.isAlive()).isTrue();
		return process;
	}

	private static void writePidFile(Path dataDir, long pid) throws IOException {
		Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + dataDir + "\n1700000000\n5432\n");
	}

}
