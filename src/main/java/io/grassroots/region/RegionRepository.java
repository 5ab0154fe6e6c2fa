package io.grassroots.region;

import java.util.List;

import io.grassroots.shared.RegionCode;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RegionRepository extends ListCrudRepository<Region, RegionCode> {

	@Query("""
			select * from region_region
			where code >= :from and code < :to and name like :pattern
			order by code limit :limit""")
	List<Region> search(String from, String to, String pattern, int limit);

	@Query("select count(*) from region_region where code >= :from and code < :to and level = :level")
	long countLevelIn(String from, String to, String level);

	@Query("select * from region_region where code >= :from and code < :to and level = :level order by code")
	List<Region> findLevelIn(String from, String to, String level);

}
