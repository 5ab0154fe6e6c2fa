package io.grassroots.region;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DepartmentRepository extends ListCrudRepository<Department, DepartmentId> {

	@Query("select * from region_department where region >= :from and region < :to order by region, kind, name")
	List<Department> findInSubtree(String from, String to);

	/**
	 * The active departments of a place and of every region above it (following the parent links, as
	 * {@link Regions#path} does), from the top region down, each region's by kind and name: one query.
	 */
	@Query("""
			with recursive path (code, parent, depth) as (
			    select code, parent, 0 from region_region where code = :place
			    union all
			    select r.code, r.parent, p.depth + 1 from region_region r join path p on r.code = p.parent
			    where p.depth < 12)
			select d.* from region_department d join path p on p.code = d.region
			where d.active order by p.depth desc, d.kind, d.name""")
	List<Department> findActiveServing(String place);

	/** A department and the other departments of its region (a county's departments): one query. */
	@Query("""
			select * from region_department
			where region = (select d.region from region_department d where d.id = :id)""")
	List<Department> findWithTheirRegionsOthers(UUID id);

	Optional<Department> findFirstByRegionAndKindAndActiveTrue(RegionCode region, DepartmentKind kind);

	boolean existsByRegionAndName(RegionCode region, String name);

}
