package io.grassroots.cases;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings kept in memory are read again after the refresh time: a time limit or a category changed on another node
 * reaches this one (before, a node kept them until it restarted).
 */
class ReloadingTests {

	@Test
	void aChangeOnAnotherNodeIsSeenAfterTheRefreshTime() throws Exception {
		var database = new AtomicInteger(1);
		var reads = new AtomicInteger();
		var settings = new Reloading<>(Duration.ofMillis(200), () -> {
			reads.incrementAndGet();
			return database.get();
		});
		assertThat(settings.get()).isEqualTo(1);
		database.set(2);
		assertThat(settings.get()).as("kept in memory").isEqualTo(1);
		assertThat(reads).hasValue(1);
		Thread.sleep(250);
		assertThat(settings.get()).as("read again after the refresh time").isEqualTo(2);
	}

	@Test
	void theNodeThatMadeTheChangeSeesItAtOnce() {
		var database = new AtomicInteger(1);
		var settings = new Reloading<>(Duration.ofHours(1), database::get);
		assertThat(settings.get()).isEqualTo(1);
		database.set(2);
		settings.forget();
		assertThat(settings.get()).isEqualTo(2);
	}

}
