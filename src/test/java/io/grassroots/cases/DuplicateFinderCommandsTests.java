package io.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

/**
 * The intake writer's multi-statement read commands (cases-25, cases-30), built once per kind instead of per batch:
 * each holds the statements its batch needs, in the order the results are read, under a generic plan.
 */
class DuplicateFinderCommandsTests {

	@Test
	void eachCommandHoldsTheStatementsItsBatchNeedsInOrderBetweenTheSettingAndItsResetOrTheCommit() {
		for (var keys : new boolean[] { false, true }) {
			for (var reads : new boolean[] { false, true }) {
				for (var alone : new boolean[] { false, true }) {
					var expected = new ArrayList<String>();
					if (alone) {
						expected.add("begin");
					}
					expected.add("set local plan_cache_mode = force_generic_plan");
					if (keys && reads) {
						expected.add(DuplicateFinder.BATCH_WITH_KEYS); // one statement for both (cases-37)
					}
					else if (keys) {
						expected.add(DuplicateFinder.KEYS);
					}
					else if (reads) {
						expected.add(DuplicateFinder.BATCH);
					}
					// in a transaction of its own the commit ends the setting; in the caller's it is reset
					expected.add(alone ? "commit" : "set local plan_cache_mode to default");
					assertThat(DuplicateFinder.command(keys, reads, alone).split(";\n"))
						.as("keys %s, reads %s, alone %s", keys, reads, alone)
						.containsExactlyElementsOf(expected);
				}
			}
		}
	}

	@Test
	void aReportReadAloneIsOneStatementOfScalarParametersBetweenTheSettingAndItsResetOrTheCommit() {
		var now = java.time.Instant.parse("2026-12-06T12:00:00Z");
		var category = new CategoryKey("CJT214", "E0303");
		var kinds = java.util.List.of(
				new DuplicateFinder.Query(category, 87.3, 44.0, io.grassroots.shared.RegionCode.of("652301001000"), now),
				new DuplicateFinder.Query(category, 87.3, 44.0, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(category, null, null, CaseTesting.WEST_STREET, now));
		var statements = new java.util.HashSet<String>();
		for (var q : kinds) {
			for (var key : new boolean[] { false, true }) {
				for (var alone : new boolean[] { false, true }) {
					var parts = DuplicateFinder.oneCommand(q, key, alone).split(";\n");
					assertThat(parts).as("%s, key %s, alone %s", q, key, alone)
						.hasSize(alone ? 4 : 3)
						.startsWith(alone ? new String[] { "begin", "set local plan_cache_mode = force_generic_plan" }
								: new String[] { "set local plan_cache_mode = force_generic_plan" })
						.endsWith(alone ? "commit" : "set local plan_cache_mode to default");
					var statement = parts[alone ? 2 : 1];
					assertThat(statement).doesNotContain("[]", "unnest", "lateral")
						.doesNotContainPattern("(?<!:):\\w")
						.contains(key ? "intake_key = ?::text" : "select 1::int8 as n");
					statements.add(statement);
				}
			}
		}
		assertThat(statements).as("one statement per kind, with a key or without").hasSize(6);
	}

}
