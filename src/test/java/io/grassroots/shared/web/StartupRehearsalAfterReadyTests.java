package io.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * With {@code grassroots.pages.rehearse-after-ready} (the embedded demo's setting, decision 0036) the node reports
 * ready first and rehearses its work pages afterwards, on a thread of their own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "grassroots.pages.rehearsals=3",
		"grassroots.pages.rehearsal-reads=1", "grassroots.pages.rehearse-after-ready=true" })
@Tag("database")
class StartupRehearsalAfterReadyTests {

	@Autowired
	Watching watching;

	@Test
	void theEmbeddedNodeRehearsesItsPagesOnAThreadOfTheirOwnOnceItAcceptsTraffic() throws Exception {
		var rehearsed = watching.rehearsed.get(60, TimeUnit.SECONDS);
		assertThat(rehearsed).isEqualTo(new PagesRehearsed(3, true));
		assertThat(watching.rounds).hasSize(3)
			.allSatisfy(round -> assertThat(round).isEqualTo(StartupRehearsal.THREAD + " " + ReadinessState.ACCEPTING_TRAFFIC));
		assertThat(watching.reads).containsExactly(StartupRehearsal.THREAD);
	}

	/** Notes each round's thread and the node's readiness during it, and the event that ends the rounds. */
	static final class Watching implements PageRehearsal {

		final ApplicationAvailability availability;

		final List<String> rounds = new CopyOnWriteArrayList<>();

		final List<String> reads = new CopyOnWriteArrayList<>();

		final CompletableFuture<PagesRehearsed> rehearsed = new CompletableFuture<>();

		Watching(ApplicationAvailability availability) {
			this.availability = availability;
		}

		@Override
		public void rehearse(Stage stage) {
			if (stage instanceof StartupRehearsal.Stage) {
				rounds.add(Thread.currentThread().getName() + " " + availability.getReadinessState());
			}
		}

		@Override
		public void rehearseReads(Stage stage) {
			if (stage instanceof StartupRehearsal.Stage) {
				reads.add(Thread.currentThread().getName());
			}
		}

		@EventListener
		void rehearsed(PagesRehearsed event) {
			rehearsed.complete(event);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Watch {

		@Bean
		Watching watching(ApplicationAvailability availability) {
			return new Watching(availability);
		}

	}

}
