package io.grassroots.bench.start.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start bench's baseline: the product's platform (Spring Boot with webmvc, security, actuator, data-jdbc, Flyway,
 * embedded H2 in ./data, jte) with one table, one repository, one page and one API endpoint, and nothing else.
 */
@SpringBootApplication
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

}
