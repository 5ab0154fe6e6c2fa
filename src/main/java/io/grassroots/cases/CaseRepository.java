package io.grassroots.cases;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The cases. The hot paths are hand-written: the intake's insert ({@link CaseInserts}) and the loads
 * ({@link CaseReads}, which also answers {@code findById}); a transition's update is {@link CaseRowUpdate}.
 */
interface CaseRepository extends ListCrudRepository<Case, CaseId>, CaseInserts, CaseReads {

	/** Answered by {@link CaseReadsImpl} (a fragment's method wins over the repository's own). */
	@Override
	Optional<Case> findById(CaseId id);

	@Query("select * from cases_case where intake_key = :key")
	Optional<Case> findByIntakeKey(String key);

}
