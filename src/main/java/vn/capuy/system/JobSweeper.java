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
 * nodes, through {@link ScheduledWork}.
 */
@Component
class JobSweeper {

	static final String TASK = "jobs-sweep";

	private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);

	private final BackgroundJobs jobs;

	private final ScheduledWork work;

	private final TaskScheduler scheduler;

	private final Duration interval;

	JobSweeper(BackgroundJobs jobs, ScheduledWork work, TaskScheduler scheduler,
			@Value("${capuy.jobs.sweep-interval:1m}") Duration interval) {
		this.jobs = jobs;
		this.work = work;
		this.scheduler = scheduler;
		this.interval = interval;
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
		try {
			this.work.runOnce(TASK, this.interval, this.jobs::sweepInterrupted);
		}
		catch (RuntimeException ex) {
			// the database may be away (restart, network): the next slot tries again
			log.warn("The sweep of interrupted jobs failed: {}", ex.toString());
		}
	}

}
