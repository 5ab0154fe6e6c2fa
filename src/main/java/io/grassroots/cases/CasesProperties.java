package io.grassroots.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the case module.
 *
 * @param unplacedRegion where public reports that name no community wait for the dispatcher (a street or county)
 * @param yellowAt the share of a limit after which the light turns yellow
 * @param duplicateDistanceMeters how close two reports of the same category must be to count as likely duplicates
 * @param duplicateWindow how far back likely duplicates are looked for
 * @param attachmentDirectory where photos are kept; empty keeps them in the database
 * @param attachmentMaxBytes the largest photo accepted
 * @param attachmentMaxFiles the most photos accepted with one action
 * @param publicIntakePerMinute how many public reports one address may send per minute
 * @param publicIntakeMaxBytes the largest public request accepted (JSON or form with photos)
 * @param settingsRefresh how long this node keeps the time-limit table and the categories in memory: a change made on
 *        another node is seen here after this long at most (at once on the node that made it)
 * @param intakeQueue how many reports may wait for the intake writer; more are refused with 503 and Retry-After
 * @param intakeBatch the most reports the intake writer commits in one transaction
 * @param intakeReadsInBatch whether the intake writer reads the likely duplicates of a whole batch in one statement
 *        (decision cases-23); {@code false}: each request reads its own before its report is queued (cases-16)
 * @param intakeReadsAhead whether, with reads in batch, the next batch's reads are made while the batch before it is
 *        written and committed (decision cases-30: two writer threads, one writing, one reading the next batch); on by
 *        default since two paired quiet runs of 2026-12-05 evening (ours / raw at 32 clients 0.46 / 0.41 against 0.39 /
 *        0.38 off, p99 at half the peak 42 ms against 51 / 74 ms); {@code false}: one writer thread, the reads in the
 *        batch's transaction
 * @param intakeGather the longest a writer thread waits for more reports before it writes a small batch, counted from
 *        its oldest report's arrival (decision cases-12, amended 2026-12-06): only while reports arrive more often than
 *        once in this time and the previous batch's cycle was shorter than it, so a lone report at a low rate is
 *        written at once, and at a steady high rate each case shares its batch's commit and commands with more others;
 *        {@code 0} (the default until a quiet host has measured it, bench/RESULTS.md § intake, 2026-12-06 midday
 *        (stalls9)) switches it off: no timer, as before. A bound at or below the batch cycle at the rate meant
 *        never waits (at the 2026-12-07 quiet half-peak a batch held 4.2 ms of arrivals): {@code 8ms} is the value
 *        proposed for that measurement
 */
@ConfigurationProperties("grassroots.cases")
public record CasesProperties(@DefaultValue("652301001000") String unplacedRegion, @DefaultValue("0.8") double yellowAt,
		@DefaultValue("150") double duplicateDistanceMeters, @DefaultValue("72h") Duration duplicateWindow,
		@DefaultValue("") String attachmentDirectory, @DefaultValue("5242880") int attachmentMaxBytes,
		@DefaultValue("6") int attachmentMaxFiles, @DefaultValue("10") int publicIntakePerMinute,
		@DefaultValue("16777216") long publicIntakeMaxBytes, @DefaultValue("1m") Duration settingsRefresh,
		@DefaultValue("1000") int intakeQueue, @DefaultValue("100") int intakeBatch,
		@DefaultValue("true") boolean intakeReadsInBatch, @DefaultValue("true") boolean intakeReadsAhead,
		@DefaultValue("0ms") Duration intakeGather) {
}
