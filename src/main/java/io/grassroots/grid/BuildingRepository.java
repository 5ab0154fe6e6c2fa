package io.grassroots.grid;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface BuildingRepository extends ListCrudRepository<Building, java.util.UUID> {

	List<Building> findByGridOrderByName(GridId grid);

	Optional<Building> findByGridAndName(GridId grid, String name);

}
