package vn.capuy;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules keep to their declared dependencies; their documentation is written into
 * {@code docs/modules}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CapuyApplication.class);

	@Test
	void modulesKeepToTheirAllowedDependencies() {
		this.modules.verify();
	}

	@Test
	void everyBusinessAreaIsAModule() {
		assertThat(this.modules.stream().map((m) -> m.getIdentifier().toString())).contains("organization",
				"membership", "identity", "rulebook", "report", "system", "sample");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
