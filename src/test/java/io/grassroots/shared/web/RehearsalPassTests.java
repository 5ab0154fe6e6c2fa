package io.grassroots.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rehearsal's pass admits its own header only, and nothing once the rehearsal is over (decision 0039). */
class RehearsalPassTests {

	@Test
	void anOpenPassAdmitsItsOwnSecretWithTheRoleAskedFor() {
		var pass = new RehearsalPass("s3cret");
		assertThat(pass.admits(pass.header("DISPATCHER"))).contains("DISPATCHER");
		assertThat(pass.admits("Rehearsal s3cret.DEPARTMENT_HANDLER")).contains("DEPARTMENT_HANDLER");
	}

	@Test
	void anyOtherHeaderIsNotAdmitted() {
		var pass = new RehearsalPass("s3cret");
		assertThat(pass.admits(null)).isEmpty();
		assertThat(pass.admits("Rehearsal wrong.DISPATCHER")).isEmpty();
		assertThat(pass.admits("Rehearsal s3cre.DISPATCHER")).isEmpty();
		assertThat(pass.admits("Rehearsal s3cret")).isEmpty();
		assertThat(pass.admits("Bearer s3cret.DISPATCHER")).isEmpty();
	}

	@Test
	void aClosedPassAdmitsNothing() {
		var pass = new RehearsalPass("s3cret");
		var header = pass.header("DISPATCHER");
		pass.close();
		assertThat(pass.open()).isFalse();
		assertThat(pass.admits(header)).isEmpty();
	}

	@Test
	void eachNodeMakesASecretOfItsOwn() {
		assertThat(new RehearsalPass().header("DISPATCHER")).isNotEqualTo(new RehearsalPass().header("DISPATCHER"));
	}

}
