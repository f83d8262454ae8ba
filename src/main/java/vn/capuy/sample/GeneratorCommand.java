package vn.capuy.sample;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The data generator as a command of the jar:
 * {@code java -jar target/capuy.jar --capuy.generate=province --capuy.generate.seed=42
 * --server.port=0}. It says how much disk it needs before it starts, draws a progress bar
 * in the terminal, and exits when done.
 */
@Component
@ConditionalOnProperty("capuy.generate")
class GeneratorCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GeneratorCommand.class);

	private final DataGenerator generator;

	private final Environment env;

	private final ConfigurableApplicationContext context;

	GeneratorCommand(DataGenerator generator, Environment env, ConfigurableApplicationContext context) {
		this.generator = generator;
		this.env = env;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		GeneratorScale scale = GeneratorScale.parse(this.env.getProperty("capuy.generate"));
		long seed = this.env.getProperty("capuy.generate.seed", Long.class, 42L);
		PrintStream out = System.err;
		long need = scale.estimatedBytes();
		File dir = Path.of(this.env.getProperty("capuy.data-dir", "./data")).toAbsolutePath().toFile();
		long free = dir.exists() ? dir.getUsableSpace() : -1;
		out.printf("Generating scale %s (seed %d): %,d grassroots organisations, %,d cells, %,d members.%n",
				scale.name().toLowerCase(), seed, scale.grassroots(), scale.cells(), scale.members());
		out.printf("Disk needed: about %,d MB; free in %s: %s%n", need / 1_000_000, dir,
				free < 0 ? "unknown (external database)" : String.format("%,d MB", free / 1_000_000));
		if (free >= 0 && free < need) {
			out.println("Not enough disk: stopping before writing anything.");
			exit(2);
			return;
		}
		long start = System.nanoTime();
		DataGenerator.Result result = this.generator.generate(scale, seed, (percent) -> bar(out, percent));
		out.println();
		out.printf(
				"Done in %.1f s: %,d organisations, %,d members, %,d status rows, %,d placements, %,d meetings,"
						+ " %,d grading reviews.%n",
				(System.nanoTime() - start) / 1e9, result.organizations(), result.members(), result.statusRows(),
				result.placementRows(), result.meetings(), result.gradingReviews());
		log.info("Generated {}: {}", scale, result);
		exit(0);
	}

	static void bar(PrintStream out, int percent) {
		int width = 40;
		int filled = percent * width / 100;
		out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "%");
		out.flush();
	}

	private void exit(int code) {
		if (this.env.getProperty("capuy.generate.exit", Boolean.class, true)) {
			System.exit(SpringApplication.exit(this.context, () -> code));
		}
	}

}
