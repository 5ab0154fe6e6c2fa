package io.grassroots.grid;

import java.util.List;
import java.util.Optional;

import io.grassroots.shared.RegionCode;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface GridRepository extends ListCrudRepository<Grid, GridId> {

	Optional<Grid> findByCode(String code);

	List<Grid> findByCommunityOrderByCode(RegionCode community);

	@Query("select max(code) from grid_grid where community = :community")
	Optional<String> highestCode(String community);

}
