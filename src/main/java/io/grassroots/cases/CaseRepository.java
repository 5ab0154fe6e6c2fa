package io.grassroots.cases;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CaseRepository extends ListCrudRepository<Case, CaseId>, CaseInserts {

	@Query("select * from cases_case where intake_key = :key")
	Optional<Case> findByIntakeKey(String key);

	@Query("select * from cases_case where tracking_code = :code")
	Optional<Case> findByTrackingCode(String code);

	@Query("select * from cases_case where merged_into = :into order by reported_at")
	List<Case> findMergedInto(CaseId into);

}
