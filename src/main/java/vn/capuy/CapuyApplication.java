package vn.capuy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Cấp uỷ số: the leadership work of a party committee and its grassroots organisations.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CapuyApplication {

	public static void main(String[] args) {
		SpringApplication.run(CapuyApplication.class, args);
	}

}
