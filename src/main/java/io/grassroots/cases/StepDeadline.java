package io.grassroots.cases;

import java.time.Instant;

/**
 * The deadline of a case's current step as events carry it: the light turns yellow at {@code warnAt} and red at
 * {@code dueAt}.
 */
public record StepDeadline(Step step, Instant warnAt, Instant dueAt) {
}
