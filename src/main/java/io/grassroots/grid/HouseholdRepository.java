package io.grassroots.grid;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface HouseholdRepository extends ListCrudRepository<Household, HouseholdId> {

	List<Household> findByGridOrderByAddressAscUnitAscRoomAsc(GridId grid);

}
