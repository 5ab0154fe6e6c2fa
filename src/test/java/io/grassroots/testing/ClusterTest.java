package io.grassroots.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that runs real nodes ({@link ServerProcess}) on databases of its own ({@link PostgresServer}): only in the
 * {@code postgres} surefire execution (tag {@code database}; skipped, or failed when
 * {@code GRASSROOTS_TEST_POSTGRES=required}, when the server does not answer), never on H2. Tagged {@code cluster}
 * too, for filters in IDEs; from Maven: {@code ./mvnw -B test-compile surefire:test@postgres
 * -Dtest='io/grassroots/cluster/*Tests'}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@Tag("cluster")
@ExtendWith(ClusterTest.OnPostgres.class)
public @interface ClusterTest {

	/** Enabled in the PostgreSQL run only. */
	class OnPostgres implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return TestDatabase.postgres() ? ConditionEvaluationResult.enabled("PostgreSQL run")
					: ConditionEvaluationResult.disabled("Runs real nodes on PostgreSQL: only in the postgres execution");
		}

	}

}
