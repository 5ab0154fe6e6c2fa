package io.grassroots.shared;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionalListenersTests {

	private AnnotationConfigApplicationContext context;

	private Recorder recorder;

	private TransactionTemplate transactions;

	@BeforeEach
	void start() {
		Prototype.created.clear();
		context = new AnnotationConfigApplicationContext(Setup.class);
		recorder = context.getBean(Recorder.class);
		transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
	}

	@AfterEach
	void stop() {
		context.close();
	}

	@Test
	void aListenerGetsTheEventItselfBeforeCommitInsideTheTransaction() {
		var ping = new Ping(1);
		transactions.executeWithoutResult(status -> {
			context.publishEvent(ping);
			assertThat(recorder.calls).isEmpty();
		});

		assertThat(recorder.calls).containsExactlyInAnyOrder("ping 1 in transaction", "any ping 1 in transaction");
		assertThat(recorder.pings).singleElement().isSameAs(ping);
	}

	@Test
	void aTransactionsListenerCallsShareOneSynchronizationAndRunInTheOrderPublished() {
		transactions.executeWithoutResult(status -> {
			context.publishEvent(new Pong(1));
			context.publishEvent(new Pong(2));
			context.publishEvent(new Pong(3));
			assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);
		});

		assertThat(recorder.calls).containsExactly("any pong 1 in transaction", "any pong 2 in transaction",
				"any pong 3 in transaction");
	}

	@Test
	void anEventPublishedByABeforeCommitListenerReachesItsListenersBeforeTheCommit() {
		transactions.executeWithoutResult(status -> context.publishEvent(new Pong(Recorder.ECHOED)));

		assertThat(recorder.calls).containsExactly("any pong " + Recorder.ECHOED + " in transaction",
				"ping " + (Recorder.ECHOED + 1) + " in transaction", "any ping " + (Recorder.ECHOED + 1) + " in transaction");
	}

	@Test
	void aRolledBackTransactionRunsNoListener() {
		transactions.executeWithoutResult(status -> {
			context.publishEvent(new Ping(1));
			status.setRollbackOnly();
		});

		assertThat(recorder.calls).isEmpty();
	}

	@Test
	void withoutATransactionAListenerWithFallbackRunsAtOnceAndOneWithoutDoesNot() {
		context.publishEvent(new Ping(2));

		assertThat(recorder.calls).containsExactly("any ping 2 outside");
	}

	@Test
	void anEventReachesOnlyTheListenersOfItsTypeOrASupertype() {
		transactions.executeWithoutResult(status -> context.publishEvent(new Pong(3)));

		assertThat(recorder.calls).containsExactly("any pong 3 in transaction");
	}

	@Test
	void aConditionIsStillEvaluated() {
		transactions.executeWithoutResult(status -> {
			context.publishEvent(new Ping(5));
			context.publishEvent(new Ping(50));
		});

		assertThat(recorder.large).containsExactly(50);
	}

	@Test
	void aPrototypeListenerGetsANewBeanForEveryEvent() {
		transactions.executeWithoutResult(status -> {
			context.publishEvent(new Ping(1));
			context.publishEvent(new Ping(2));
		});

		assertThat(Prototype.created).hasSize(2);
	}

	@Test
	void theProductsOwnListenersAreAdaptedHereAndOthersBySpring() throws Exception {
		var factory = context.getBean(TransactionalListeners.class);
		var own = Recorder.class.getDeclaredMethod("on", Ping.class);

		assertThat(factory.supportsMethod(own)).isTrue();
		assertThat(factory.createApplicationListener("recorder", Recorder.class, own))
			.isInstanceOf(TransactionalListeners.Adapter.class);
		assertThat(factory.createApplicationListener("prototype", Prototype.class,
				Prototype.class.getDeclaredMethod("on", Ping.class)))
			.isNotInstanceOf(TransactionalListeners.Adapter.class);
		assertThat(factory.supportsMethod(Object.class.getDeclaredMethod("toString"))).isFalse();
	}

	@Test
	void anUnorderedListenerRunsBeforeTheFlushOfTheTransactionsPendingWrites() throws Exception {
		var factory = context.getBean(TransactionalListeners.class);
		var listener = (TransactionalListeners.Adapter) factory.createApplicationListener("recorder", Recorder.class,
				Recorder.class.getDeclaredMethod("on", Ping.class));

		assertThat(listener.getOrder()).isLessThan(PendingWrites.ORDER);
	}

	interface Signal {

		int value();

	}

	record Ping(int value) implements Signal {
	}

	record Pong(int value) implements Signal {
	}

	static class Recorder {

		final List<String> calls = new ArrayList<>();

		final List<Ping> pings = new ArrayList<>();

		final List<Integer> large = new ArrayList<>();

		/** A pong of this value is answered with the next value's ping, published by the listener. */
		static final int ECHOED = 7;

		private final ApplicationEventPublisher events;

		Recorder(ApplicationEventPublisher events) {
			this.events = events;
		}

		@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
		void on(Ping ping) {
			pings.add(ping);
			calls.add("ping " + ping.value() + where());
		}

		@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
		void onAny(Signal signal) {
			calls.add("any " + (signal instanceof Ping ? "ping " : "pong ") + signal.value() + where());
			if (signal instanceof Pong && signal.value() == ECHOED) {
				events.publishEvent(new Ping(ECHOED + 1));
			}
		}

		@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, condition = "#ping.value() > 10")
		void onLarge(Ping ping) {
			large.add(ping.value());
		}

		private static String where() {
			return TransactionSynchronizationManager.isActualTransactionActive() ? " in transaction" : " outside";
		}

	}

	static class Prototype {

		static final List<Prototype> created = new ArrayList<>();

		Prototype() {
			created.add(this);
		}

		@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
		void on(Ping ping) {
			// nothing: what counts is how many beans were made
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class Setup {

		@Bean
		DataSource dataSource() {
			return new DriverManagerDataSource("jdbc:h2:mem:listeners;DB_CLOSE_DELAY=-1", "sa", "");
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		static TransactionalListeners transactionalListeners() {
			return new TransactionalListeners();
		}

		@Bean
		Recorder recorder(ApplicationEventPublisher events) {
			return new Recorder(events);
		}

		@Bean
		@Scope("prototype")
		Prototype prototype() {
			return new Prototype();
		}

	}

}
