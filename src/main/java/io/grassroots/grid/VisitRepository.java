package io.grassroots.grid;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface VisitRepository extends ListCrudRepository<HouseholdVisit, UUID> {

	List<HouseholdVisit> findTop20ByHouseholdOrderByVisitedAtDesc(HouseholdId household);

}
