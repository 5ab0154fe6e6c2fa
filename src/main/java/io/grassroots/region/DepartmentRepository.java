package io.grassroots.region;

import java.util.List;
import java.util.Optional;

import io.grassroots.shared.RegionCode;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DepartmentRepository extends ListCrudRepository<Department, DepartmentId> {

	@Query("select * from region_department where region >= :from and region < :to order by region, kind, name")
	List<Department> findInSubtree(String from, String to);

	List<Department> findByRegionOrderByKindAscNameAsc(RegionCode region);

	Optional<Department> findFirstByRegionAndKindAndActiveTrue(RegionCode region, DepartmentKind kind);

	boolean existsByRegionAndName(RegionCode region, String name);

}
