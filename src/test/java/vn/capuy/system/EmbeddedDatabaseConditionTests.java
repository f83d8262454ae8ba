package vn.capuy.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set (SPRING_DATASOURCE_URL), no embedded PostgreSQL
 * is started and the configured database is used.
 */
class EmbeddedDatabaseConditionTests {

	@Test
	void aConfiguredDatasourceUrlTurnsTheEmbeddedDatabaseOff() {
		new ApplicationContextRunner().withUserConfiguration(EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/capuy")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
				assertThat(context).doesNotHaveBean(javax.sql.DataSource.class);
			});
	}

}
