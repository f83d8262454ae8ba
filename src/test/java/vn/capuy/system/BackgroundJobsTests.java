package vn.capuy.system;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.capuy.Fixtures;
import vn.capuy.FullTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interrupted background jobs are swept by their free advisory lock, and scheduled work
 * runs once per slot however many callers (nodes) ask at once.
 */
@FullTest
class BackgroundJobsTests {

	@Autowired
	BackgroundJobs jobs;

	@Autowired
	ScheduledWork work;

	@Autowired
	JobSweeper sweeper;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	long job(String age) {
		return this.jdbc.sql("""
				INSERT INTO background_job (kind, status, total_units, started_by, started_at)
				VALUES ('TEST', 'RUNNING', 10, 'test', now() - CAST(:age AS interval)) RETURNING id
				""").param("age", age).query(Long.class).single();
	}

	String status(long job) {
		return this.jdbc.sql("SELECT status || '|' || coalesce(message, '') FROM background_job WHERE id = :id")
			.param("id", job)
			.query(String.class)
			.single();
	}

	@Test
	void aRunningJobWhoseLockNobodyHoldsIsMarkedFailedAsInterrupted() {
		long stale = job("2 minutes");
		long young = job("5 seconds");
		List<Long> swept = this.jobs.sweepInterrupted();
		assertThat(swept).contains(stale).doesNotContain(young);
		String interrupted = this.messages.getMessage("job.interrupted", null, Locale.forLanguageTag("vi"));
		assertThat(interrupted).startsWith("Bị gián đoạn");
		assertThat(status(stale)).isEqualTo("FAILED|" + interrupted);
		assertThat(status(young)).isEqualTo("RUNNING|");
		assertThat(this.jdbc.sql("SELECT finished_at IS NOT NULL FROM background_job WHERE id = :id")
			.param("id", stale)
			.query(Boolean.class)
			.single()).isTrue();
		// a second sweep finds nothing more to do with it
		assertThat(this.jobs.sweepInterrupted()).doesNotContain(stale, young);
	}

	@Test
	void aJobHoldingItsLockIsNotSweptHoweverOldAndIsSweptOnceItsHolderIsGone() throws Exception {
		long job = job("10 minutes");
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> run = pool.submit(() -> this.jobs.runHolding(job, () -> {
				started.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(this.jobs.locked(job)).isTrue();
			assertThat(this.jobs.sweepInterrupted()).doesNotContain(job);
			assertThat(status(job)).isEqualTo("RUNNING|");
			release.countDown();
			run.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		// the work ended without finishing the job (as a crash would): its lock is free
		// now
		assertThat(this.jobs.locked(job)).isFalse();
		assertThat(this.jobs.sweepInterrupted()).contains(job);
		assertThat(status(job)).startsWith("FAILED|Bị gián đoạn");
	}

	@Test
	void aJobSweptBeforeItsThreadStartedIsNotRun() {
		long job = job("10 minutes");
		assertThat(this.jobs.sweepInterrupted()).contains(job);
		AtomicInteger runs = new AtomicInteger();
		this.jobs.runHolding(job, runs::incrementAndGet);
		assertThat(runs.get()).isZero();
		assertThat(this.jobs.locked(job)).isFalse();
	}

	@Test
	void twoConcurrentCallersForOneSlotRunTheTaskOnce() throws Exception {
		String task = "test-" + Fixtures.next();
		Instant slot = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		AtomicInteger runs = new AtomicInteger();
		int callers = 4;
		CyclicBarrier barrier = new CyclicBarrier(callers);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		List<Future<Boolean>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < callers; i++) {
				answers.add(pool.submit(() -> {
					barrier.await(30, TimeUnit.SECONDS);
					return this.work.runOnce(task, slot, () -> {
						runs.incrementAndGet();
						try {
							Thread.sleep(300);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					});
				}));
			}
			int ran = 0;
			for (Future<Boolean> f : answers) {
				ran += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(ran).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(runs.get()).isEqualTo(1);
		// a later caller for the same slot skips it; the next slot runs
		assertThat(this.work.runOnce(task, slot, runs::incrementAndGet)).isFalse();
		assertThat(this.work.runOnce(task, slot.plus(Duration.ofMinutes(1)), runs::incrementAndGet)).isTrue();
		assertThat(runs.get()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM scheduled_run WHERE task = :t AND slot = :s")
			.param("t", task)
			.param("s", java.sql.Timestamp.from(slot))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFailedTaskRecordsNoSlotAndCanRunAgain() {
		String task = "test-" + Fixtures.next();
		Instant slot = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		try {
			this.work.runOnce(task, slot, () -> {
				throw new IllegalStateException("boom");
			});
		}
		catch (IllegalStateException expected) {
			// the task's failure reaches the caller
		}
		AtomicInteger runs = new AtomicInteger();
		assertThat(this.work.runOnce(task, slot, runs::incrementAndGet)).isTrue();
		assertThat(runs.get()).isEqualTo(1);
	}

	void ran(String task, String age) {
		this.jdbc.sql("""
				INSERT INTO scheduled_run (task, slot, node, ran_at)
				VALUES (:t, now() - CAST(:age AS interval), 'test', now() - CAST(:age AS interval))
				""").param("t", task).param("age", age).update();
	}

	long runs(String task) {
		return this.jdbc.sql("SELECT count(*) FROM scheduled_run WHERE task = :t")
			.param("t", task)
			.query(Long.class)
			.single();
	}

	@Test
	void theScheduledSweepPrunesRunsOlderThanTheRetentionOncePerSlot() {
		String old = "test-old-" + Fixtures.next();
		String recent = "test-recent-" + Fixtures.next();
		ran(old, "31 days");
		ran(old, "400 days");
		ran(recent, "29 days");
		ran(recent, "1 hour");
		// a slot of the sweep no one has run yet (a day ago, to the millisecond)
		Instant slot = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
		assertThat(this.sweeper.sweep(slot)).isTrue();
		assertThat(runs(old)).as("runs older than 30 days").isZero();
		assertThat(runs(recent)).as("runs within 30 days").isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM scheduled_run WHERE task = :t AND slot = :s")
			.param("t", JobSweeper.TASK)
			.param("s", java.sql.Timestamp.from(slot))
			.query(Long.class)
			.single()).as("the sweep's own slot is recorded").isEqualTo(1);
		// the same slot again (another node, later): skipped, so nothing is pruned by it
		ran(old, "45 days");
		assertThat(this.sweeper.sweep(slot)).isFalse();
		assertThat(runs(old)).isEqualTo(1);
		// the next slot prunes it
		assertThat(this.sweeper.sweep(slot.plusMillis(1))).isTrue();
		assertThat(runs(old)).isZero();
	}

	@Test
	void slotsAreWholeIntervalsFromTheEpoch() {
		Duration minute = Duration.ofMinutes(1);
		assertThat(ScheduledWork.slot(Instant.parse("2026-11-29T08:15:42.5Z"), minute))
			.isEqualTo(Instant.parse("2026-11-29T08:15:00Z"));
		assertThat(ScheduledWork.slot(Instant.parse("2026-11-29T08:15:00Z"), Duration.ofSeconds(5)))
			.isEqualTo(Instant.parse("2026-11-29T08:15:00Z"));
	}

}
