package vn.capuy.system;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sweeps interrupted background jobs at start-up (on every node: the sweep is idempotent)
 * and every {@code capuy.jobs.sweep-interval} (default one minute) once per slot across
 * nodes, through {@link ScheduledWork}. The scheduled sweep also prunes the record of
 * scheduled runs older than {@code capuy.jobs.scheduled-run-retention} (default 30 days),
 * in the same transaction, under the same slot lock.
 */
@Component
class JobSweeper {

	static final String TASK = "jobs-sweep";

	private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);

	private final BackgroundJobs jobs;

	private final ScheduledWork work;

	private final TaskScheduler scheduler;

	private final Duration interval;

	private final Duration retention;

	JobSweeper(BackgroundJobs jobs, ScheduledWork work, TaskScheduler scheduler,
			@Value("${capuy.jobs.sweep-interval:1m}") Duration interval,
			@Value("${capuy.jobs.scheduled-run-retention:30d}") Duration retention) {
		this.jobs = jobs;
		this.work = work;
		this.scheduler = scheduler;
		this.interval = interval;
		this.retention = retention;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		try {
			this.jobs.sweepInterrupted();
		}
		catch (RuntimeException ex) {
			log.warn("The start-up sweep of interrupted jobs failed: {}", ex.toString());
		}
		this.scheduler.scheduleAtFixedRate(this::sweep, Instant.now().plus(this.interval), this.interval);
		log.info("Interrupted jobs are swept every {} (once per slot across nodes)", this.interval);
	}

	void sweep() {
		sweep(ScheduledWork.slot(Instant.now(), this.interval));
	}

	/**
	 * The sweep of one slot: interrupted jobs marked, old scheduled runs pruned; answers
	 * whether this call ran it (false: another node or an earlier call did, or it
	 * failed).
	 */
	boolean sweep(Instant slot) {
		try {
			return this.work.runOnce(TASK, slot, () -> {
				this.jobs.sweepInterrupted();
				this.work.prune(this.retention);
			});
		}
		catch (RuntimeException ex) {
			// the database may be away (restart, network): the next slot tries again
			log.warn("The sweep of interrupted jobs failed: {}", ex.toString());
			return false;
		}
	}

}
