package vn.capuy.rulebook;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.capuy.identity.AuditLog;
import vn.capuy.system.Csv;

/**
 * Loads the announced holiday schedules 2019–2026
 * ({@code reference/holidays-announced.csv}) into {@code calendar_day} at start-up when
 * the table is empty.
 * <p>
 * A start-up seeder rather than a Flyway Java migration: it reuses {@link Csv} and the
 * module's own store, keeps the reference file the single copy of the data, and re-seeds
 * a fresh database; an advisory lock keeps two nodes starting together from seeding
 * twice. Once the table has rows (even closed ones) it is never touched again, so an
 * administrator's corrections are not overwritten.
 */
@Component
@Order(10)
class AnnouncedDaysSeeder implements ApplicationRunner {

	static final String RESOURCE = "reference/holidays-announced.csv";

	static final String ACTOR = "system:" + RESOURCE;

	private static final Logger log = LoggerFactory.getLogger(AnnouncedDaysSeeder.class);

	private final CalendarStore store;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final WorkingDayCalendar calendar;

	AnnouncedDaysSeeder(CalendarStore store, AuditLog audit, TransactionTemplate transaction,
			WorkingDayCalendar calendar) {
		this.store = store;
		this.audit = audit;
		this.transaction = transaction;
		this.calendar = calendar;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer seeded = this.transaction.execute((status) -> seed());
		if (seeded != null && seeded > 0) {
			this.calendar.evict();
			log.info("Seeded {} announced calendar days from {}", seeded, RESOURCE);
		}
	}

	/**
	 * Seeds when the table is empty; returns the number of rows inserted. Runs in the
	 * caller's transaction.
	 */
	int seed() {
		this.store.lockForSeeding();
		if (this.store.countDays() > 0) {
			return 0;
		}
		List<Map<String, String>> rows = Csv.readResource(RESOURCE);
		for (Map<String, String> row : rows) {
			this.store.insert(LocalDate.parse(row.get("date")), AnnouncedDay.Kind.valueOf(row.get("kind")),
					row.get("holiday"), row.get("source_document"), confidence(row.get("confidence")),
					row.get("confidence"), row.get("note"), ACTOR);
		}
		this.audit.record(ACTOR, "SEED", "calendar_day", null, null, Map.of("rows", rows.size()));
		return rows.size();
	}

	/** The V/P/M code of a confidence phrase of the reference tables. */
	static String confidence(String phrase) {
		String text = (phrase == null) ? "" : phrase.strip().toLowerCase();
		if (text.startsWith("verified")) {
			return "V";
		}
		if (text.startsWith("derived") || text.startsWith("computed") || text.startsWith("single")) {
			return "P";
		}
		return "M";
	}

}
