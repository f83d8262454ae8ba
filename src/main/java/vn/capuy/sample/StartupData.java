package vn.capuy.sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.capuy.identity.CurrentUser;
import vn.capuy.identity.Role;
import vn.capuy.identity.Users;
import vn.capuy.membership.ReferenceData;
import vn.capuy.system.SampleExtension;

/**
 * Start-up work after the application is ready: the catalogues, then the sample committee
 * on first start with an empty database (unless turned off), then the first administrator
 * when there is no user. The health check says {@code DOWN} until this is done, so nobody
 * sees a half-loaded system.
 */
@Component
class StartupData implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(StartupData.class);

	private final ReferenceData referenceData;

	private final SampleCommittee sample;

	private final Users users;

	private final JdbcClient jdbc;

	private final Environment env;

	private final AtomicReference<String> state = new AtomicReference<>("STARTING");

	private final AtomicInteger percent = new AtomicInteger();

	private final List<SampleExtension> extensions;

	private final TransactionTemplate transactions;

	StartupData(ReferenceData referenceData, SampleCommittee sample, Users users, JdbcClient jdbc, Environment env,
			List<SampleExtension> extensions, TransactionTemplate transactions) {
		this.extensions = extensions.stream()
			.sorted(java.util.Comparator.comparingInt(SampleExtension::order))
			.toList();
		this.transactions = transactions;
		this.referenceData = referenceData;
		this.sample = sample;
		this.users = users;
		this.jdbc = jdbc;
		this.env = env;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		Thread worker = new Thread(this::run, "startup-data");
		worker.setDaemon(true);
		worker.start();
	}

	void run() {
		try {
			this.referenceData.seed();
			// the data generator fills the database itself: no sample on top of it
			boolean sampleEnabled = this.env.getProperty("capuy.sample.enabled", Boolean.class, true)
					&& !this.env.containsProperty("capuy.generate");
			boolean empty = this.jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM organization)")
				.query(Boolean.class)
				.single();
			if (sampleEnabled && empty) {
				this.state.set("LOADING_SAMPLE");
				long start = System.nanoTime();
				log.info("Loading the sample committee (first start, empty database)...");
				this.sample.load((p) -> {
					this.percent.set(p);
					log.info("Sample committee: {}%", p);
				});
				for (SampleExtension extension : this.extensions) {
					long t = System.nanoTime();
					this.transactions.executeWithoutResult((status) -> extension.load());
					log.info("Sample {} loaded in {} ms", extension.name(), (System.nanoTime() - t) / 1_000_000);
				}
				log.info("Sample committee loaded in {} ms; sample accounts use the password 'demo' (see README)",
						(System.nanoTime() - start) / 1_000_000);
			}
			firstAdministrator();
			this.state.set("READY");
		}
		catch (RuntimeException | LinkageError ex) {
			// a class that cannot be loaded (a jar replaced under a running process) ends
			// the
			// loading too: say FAILED rather than loading for ever
			log.error("Start-up data failed; the system stays DOWN", ex);
			this.state.set("FAILED");
		}
	}

	private void firstAdministrator() {
		if (this.users.anyUser()) {
			return;
		}
		String password = this.env.getProperty("CAPUY_ADMIN_PASSWORD", this.env.getProperty("capuy.admin-password"));
		if (password == null || password.isBlank()) {
			log.warn("No user exists and CAPUY_ADMIN_PASSWORD is not set: open /setup to choose the administrator's "
					+ "password");
			return;
		}
		createAdministrator(password);
		log.info("Administrator 'admin' created from CAPUY_ADMIN_PASSWORD");
	}

	/** Creates the first administrator; refused once any user exists. */
	boolean createAdministrator(String password) {
		synchronized (this) {
			if (this.users.anyUser()) {
				return false;
			}
			this.users.create("admin", password, "Quản trị hệ thống", "NONE",
					List.of(new Users.Grant(Role.ADMINISTRATOR, null, java.time.LocalDate.of(2000, 1, 1), null)),
					CurrentUser.system().username());
			return true;
		}
	}

	boolean ready() {
		return "READY".equals(this.state.get());
	}

	@Override
	public Health health() {
		if (ready()) {
			return Health.up().build();
		}
		return Health.down().withDetail("startup", this.state.get()).withDetail("percent", this.percent.get()).build();
	}

}
