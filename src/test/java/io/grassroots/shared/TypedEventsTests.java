package io.grassroots.shared;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event published with its type resolved once per class reaches exactly the listeners Spring's own
 * {@code publishEvent(Object)} reaches: those of its class and of its supertypes, by method or by payload event type.
 */
class TypedEventsTests {

	interface Happened {
	}

	record Filed(String what) implements Happened {
	}

	record Closed(String what) implements Happened {
	}

	static class Listeners implements ApplicationListener<PayloadApplicationEvent<Filed>> {

		final List<String> heard = new ArrayList<>();

		@EventListener
		void on(Filed e) {
			heard.add("filed " + e.what());
		}

		@EventListener
		void on(Closed e) {
			heard.add("closed " + e.what());
		}

		@EventListener
		void onAny(Happened e) {
			heard.add("any " + e.getClass().getSimpleName());
		}

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<Filed> event) {
			heard.add("payload " + event.getPayload().what());
		}

	}

	@Test
	void aTypedEventReachesTheListenersSpringsOwnPublishingReaches() {
		try (var context = new AnnotationConfigApplicationContext(Listeners.class)) {
			var listeners = context.getBean(Listeners.class);
			context.publishEvent(new Filed("a"));
			context.publishEvent(new Closed("b"));
			var bySpring = List.copyOf(listeners.heard);
			listeners.heard.clear();

			TypedEvents.publish(context, new Filed("a"));
			TypedEvents.publish(context, new Closed("b"));
			TypedEvents.publish(context, new Filed("a"));

			assertThat(bySpring).containsExactlyInAnyOrder("filed a", "any Filed", "payload a", "closed b", "any Closed");
			assertThat(listeners.heard.subList(0, bySpring.size())).containsExactlyElementsOf(bySpring);
			assertThat(listeners.heard.subList(bySpring.size(), listeners.heard.size()))
				.containsExactlyElementsOf(bySpring.subList(0, 3));
		}
	}

}
