package io.grassroots.cases;

import java.util.List;
import java.util.Optional;

/**
 * The loads of a case as hand-written queries mapped by {@link CaseColumns#read}: the transitions' hot path. Spring
 * Data JDBC's generic mapping of the aggregate's 53 columns (reflection, property paths, conversions) was the largest
 * share of a transition's Java time (bench/lifecycle). {@link #findById} replaces the repository's own.
 */
interface CaseReads {

	Optional<Case> findById(CaseId id);

	Optional<Case> findByTrackingCode(String code);

	/** The cases merged into the given one, oldest first. */
	List<Case> findMergedInto(CaseId into);

	/** A case with its assisting departments ({@code cases_assist}), read in one statement for a transition. */
	Optional<Loaded> findWithAssists(CaseId id);

	/** A case and its assisting departments, ordered by department. */
	record Loaded(Case subject, List<AssistStore.Part> assists) {
	}

}
