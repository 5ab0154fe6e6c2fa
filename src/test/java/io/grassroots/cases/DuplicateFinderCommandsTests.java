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

}
