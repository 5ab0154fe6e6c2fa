package io.grassroots.region;

import java.util.Collection;
import java.util.List;

import io.grassroots.shared.RegionCode;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PartyOrganisationRepository extends ListCrudRepository<PartyOrganisation, PartyOrganisationId> {

	@Query("select * from region_party_organisation where region >= :from and region < :to order by region, name")
	List<PartyOrganisation> findInSubtree(String from, String to);

	@Query("""
			select * from region_party_organisation
			where region >= :from and region < :to and name like :pattern
			order by region, name limit :limit""")
	List<PartyOrganisation> search(String from, String to, String pattern, int limit);

	List<PartyOrganisation> findByRegionInOrderByRegionAscNameAsc(Collection<RegionCode> regions);

	boolean existsByRegionAndName(RegionCode region, String name);

}
