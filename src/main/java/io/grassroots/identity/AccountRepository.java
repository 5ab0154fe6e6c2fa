package io.grassroots.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, AccountId> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	@Query("""
			select * from identity_account
			where scope_region >= :from and scope_region < :to
			and (username like :pattern or display_name like :pattern)
			order by scope_region, username limit :limit""")
	List<Account> findInRegion(String from, String to, String pattern, int limit);

	@Query("""
			select * from identity_account where scope_department = :department
			and (username like :pattern or display_name like :pattern)
			order by username limit :limit""")
	List<Account> findInDepartment(UUID department, String pattern, int limit);

	@Query("""
			select * from identity_account where scope_grid = :grid
			and (username like :pattern or display_name like :pattern)
			order by username limit :limit""")
	List<Account> findInGrid(UUID grid, String pattern, int limit);

}
