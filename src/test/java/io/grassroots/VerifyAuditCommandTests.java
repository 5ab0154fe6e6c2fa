package io.grassroots;

import io.grassroots.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --verify-audit} starts the application without a web server, verifies the history of the test database
 * and returns 0 when every chain is intact. (Broken chains and exit code 1: {@code AuditTrailTests}.)
 */
@Tag("database")
@ExtendWith({ TestDatabase.Availability.class, OutputCaptureExtension.class })
class VerifyAuditCommandTests {

	@Test
	void verifyAuditRunsAsACommandAndExitsWithZeroWhenEveryChainIsIntact(CapturedOutput output) {
		assertThat(GrassrootsApplication.runCommand("--verify-audit")).isZero();
		assertThat(output.getOut()).containsPattern("Audit trail intact: \\d+ entries in \\d+ streams verified");
	}

}
