package io.grassroots.shared;

import java.util.Map;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Background jobs keep their progress and result in the database, and say why they failed without leaking how. */
@IntegrationTest
class JobsTests {

	@Autowired
	Jobs jobs;

	@Test
	void aFinishedJobKeepsItsResult() {
		var id = jobs.runNow("test", "tester", "/test/{id}", progress -> {
			progress.total(3);
			progress.advance(2);
			progress.reached(3);
			return Map.of("answer", 42);
		});
		var job = jobs.find(id).orElseThrow();
		assertThat(job.state()).isEqualTo(Jobs.JobState.SUCCEEDED);
		assertThat(job.percent()).isEqualTo(100);
		assertThat(job.resultPath()).isEqualTo("/test/" + id);
		assertThat(jobs.result(id, Map.class)).get().isEqualTo(Map.of("answer", 42));
	}

	@Test
	void aFailedJobTellsWhyAsAMessageKeyAndNeverTheExceptionText() {
		var unexpected = jobs.runNow("test", "tester", "/test/{id}", progress -> {
			throw new IllegalStateException("duplicate key value violates unique constraint, SQL [insert …]");
		});
		assertThat(jobs.find(unexpected).orElseThrow()).extracting(Jobs.JobStatus::state, Jobs.JobStatus::failure)
			.containsExactly(Jobs.JobState.FAILED, "job.failedUnexpectedly");
		var refused = jobs.runNow("test", "tester", "/test/{id}", progress -> {
			throw new ForbiddenException("problem.outsideScope");
		});
		assertThat(jobs.find(refused).orElseThrow().failure()).isEqualTo("problem.outsideScope");
	}

}
