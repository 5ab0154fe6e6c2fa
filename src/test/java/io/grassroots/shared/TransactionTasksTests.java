package io.grassroots.shared;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionTasksTests {

	private final DataSourceTransactionManager manager = new DataSourceTransactionManager(
			new DriverManagerDataSource("jdbc:h2:mem:tasks;DB_CLOSE_DELAY=-1", "sa", ""));

	private final TransactionTemplate transactions = new TransactionTemplate(manager);

	private final List<String> done = new ArrayList<>();

	@Test
	void tasksRunAfterTheCommitInTheOrderGivenFromOneSynchronization() {
		transactions.executeWithoutResult(status -> {
			TransactionTasks.afterCommit(() -> done.add("first"));
			TransactionTasks.afterCommit(() -> done.add("second"));
			assertThat(TransactionTasks.beforeCommit(() -> done.add("before"))).isTrue();
			assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);
			assertThat(done).isEmpty();
		});

		assertThat(done).containsExactly("before", "first", "second");
	}

	@Test
	void aRolledBackTransactionRunsNeitherItsCallsNorItsTasks() {
		transactions.executeWithoutResult(status -> {
			TransactionTasks.beforeCommit(() -> done.add("before"));
			TransactionTasks.afterCommit(() -> done.add("after"));
			status.setRollbackOnly();
		});

		assertThat(done).isEmpty();
	}

	@Test
	void withoutATransactionATaskRunsAtOnceAndACallIsLeftToTheCaller() {
		TransactionTasks.afterCommit(() -> done.add("after"));

		assertThat(TransactionTasks.beforeCommit(() -> done.add("before"))).isFalse();
		assertThat(done).containsExactly("after");
	}

	@Test
	void aTransactionStartedInsideKeepsItsTasksApartFromTheOuterOnes() {
		var inner = new TransactionTemplate(manager);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		transactions.executeWithoutResult(outer -> {
			TransactionTasks.afterCommit(() -> done.add("outer"));
			inner.executeWithoutResult(status -> TransactionTasks.afterCommit(() -> done.add("inner")));
			assertThat(done).containsExactly("inner");
			TransactionTasks.afterCommit(() -> done.add("outer again"));
		});

		assertThat(done).containsExactly("inner", "outer", "outer again");
	}

	@Test
	void aCallQueuedByACallRunsBeforeTheCommitToo() {
		transactions.executeWithoutResult(status -> TransactionTasks.beforeCommit(() -> {
			done.add("call");
			TransactionTasks.beforeCommit(() -> done.add("queued by the call"));
		}));

		assertThat(done).containsExactly("call", "queued by the call");
	}

	@Test
	void aScopeWithoutATransactionInsideOneQueuesTasksButNoCallsAndTheOuterKeepsItsOwn() {
		var without = new TransactionTemplate(manager);
		without.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		transactions.executeWithoutResult(outer -> {
			TransactionTasks.afterCommit(() -> done.add("outer"));
			without.executeWithoutResult(status -> {
				assertThat(TransactionTasks.beforeCommit(() -> done.add("call without a transaction"))).isFalse();
				TransactionTasks.afterCommit(() -> done.add("without"));
				assertThat(TransactionTasks.beforeCommit(() -> done.add("call after the task"))).isFalse();
				assertThat(done).isEmpty();
			});
			assertThat(done).containsExactly("without");
			assertThat(TransactionTasks.beforeCommit(() -> done.add("outer call"))).isTrue();
		});

		assertThat(done).containsExactly("without", "outer call", "outer");
	}

	@Test
	void nothingOfATransactionThatFailedIsLeftForTheNextOnTheSameThread() {
		try {
			transactions.executeWithoutResult(status -> {
				TransactionTasks.afterCommit(() -> done.add("after the failed one"));
				TransactionTasks.beforeCommit(() -> {
					throw new IllegalStateException("the call fails");
				});
			});
		}
		catch (IllegalStateException expected) {
			done.add("failed");
		}
		transactions.executeWithoutResult(status -> {
			assertThat(TransactionTasks.beforeCommit(() -> done.add("next call"))).isTrue();
			TransactionTasks.afterCommit(() -> done.add("next task"));
		});
		TransactionTasks.afterCommit(() -> done.add("outside"));

		assertThat(done).containsExactly("failed", "next call", "next task", "outside");
	}

}
