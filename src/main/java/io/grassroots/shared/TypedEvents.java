package io.grassroots.shared;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

/**
 * Publishes a domain event (a plain object) as Spring publishes one — wrapped in a {@link PayloadApplicationEvent}
 * of the payload's class, to the same listeners, in the same order — with its type resolved once per event class
 * instead of on every publication: Spring's {@code publishEvent(Object)} resolves the payload's type and then the
 * generic {@code PayloadApplicationEvent<payload's class>} anew each time, about half of the publishing work of a
 * case transition (bench/RESULTS.md, lifecycle, 2026-12-05). The type is the one Spring would resolve, so listeners
 * are matched and cached as before.
 */
public final class TypedEvents {

	/** {@code PayloadApplicationEvent<C>} and {@code C} of each payload class C. */
	private static final ClassValue<Types> TYPES = new ClassValue<>() {
		@Override
		protected Types computeValue(Class<?> payload) {
			var type = ResolvableType.forClass(payload);
			return new Types(ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, type), type);
		}
	};

	private TypedEvents() {
	}

	/** Publishes {@code event} through {@code publisher}, which is also the event's source, as Spring's context is. */
	public static void publish(ApplicationEventPublisher publisher, Object event) {
		if (event instanceof ApplicationEvent) {
			publisher.publishEvent(event);
			return;
		}
		publisher.publishEvent(new Typed(publisher, event, TYPES.get(event.getClass())));
	}

	private record Types(ResolvableType event, ResolvableType payload) {
	}

	/** A payload event whose resolvable type was resolved for its class already. */
	private static final class Typed extends PayloadApplicationEvent<Object> {

		private final transient ResolvableType type;

		Typed(Object source, Object payload, Types types) {
			super(source, payload, types.payload());
			this.type = types.event();
		}

		@Override
		public ResolvableType getResolvableType() {
			return type;
		}

	}

}
