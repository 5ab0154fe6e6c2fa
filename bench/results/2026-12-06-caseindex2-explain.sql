\pset pager off
\timing off
-- parameters taken from the city: the street with most cases, its largest community, the department with most orders,
-- the grid with most cases, a case with merged cases, the newest open case with a point (its category and place)
select substr(region, 1, 9) || '000' as street from cases_case group by 1 order by count(*) desc limit 1 \gset
select region as community from cases_case where region like substr(:'street', 1, 9) || '%' and region <> :'street' group by 1 order by count(*) desc limit 1 \gset
select lead_department as dept from cases_case where lead_department is not null group by 1 order by count(*) desc limit 1 \gset
select grid from cases_case where grid is not null group by 1 order by count(*) desc limit 1 \gset
select merged_into from cases_case where merged_into is not null limit 1 \gset
select id as case_id, tracking_code from cases_case order by reported_at desc limit 1 \gset
select category_standard as std, category_code as code, latitude as lat, longitude as lng, region as dup_region, reported_at as dup_at from cases_case where latitude is not null and status = 'REPORTED' and category_standard is not null order by reported_at desc limit 1 \gset
select max(warn_at) - interval '1 minute' as sweep_after from cases_case where warn_at < now() + interval '1 day' \gset
select max(due_at) - interval '1 minute' as red_after from cases_case where due_at < now() + interval '1 day' \gset
select status, count(*) as cases, count(warn_at) as with_warn_at, count(due_at) as with_due_at, count(extension_amount) as pending_extension, count(merged_into) as merged_into from cases_case group by status order by 1;
\echo street :street community :community dept :dept grid :grid merged_into :merged_into case :case_id code :tracking_code dup :std :code :lat :lng :dup_region :dup_at
select relname, pg_size_pretty(pg_relation_size(indexrelid)) as size, pg_relation_size(indexrelid) as bytes from pg_stat_user_indexes where relname = 'cases_case' order by indexrelname;
select indexrelname, pg_size_pretty(pg_relation_size(indexrelid)) as size from pg_stat_user_indexes where relname = 'cases_case' order by indexrelname;
select pg_size_pretty(sum(pg_relation_size(indexrelid))) as all_indexes_of_cases_case from pg_stat_user_indexes where relname = 'cases_case';

\echo '== street workbench: NEW (REPORTED, tier STREET), first page'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.region >= :'street' and c.region < (substr(:'street',1,9)::bigint + 1)::text || '000' and c.status = 'REPORTED' and c.tier = 'STREET' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== street workbench: IN_PROGRESS'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.region >= :'street' and c.region < (substr(:'street',1,9)::bigint + 1)::text || '000' and c.status = 'IN_PROGRESS' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== street workbench: EXTENSIONS (IN_PROGRESS with a pending extension)'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.region >= :'street' and c.region < (substr(:'street',1,9)::bigint + 1)::text || '000' and c.status = 'IN_PROGRESS' and c.extension_amount is not null order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== street workbench: CLOSED_QUEUE, the EVALUATED branch'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.region >= :'street' and c.region < (substr(:'street',1,9)::bigint + 1)::text || '000' and c.status = 'EVALUATED' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== community queue (a community staff scope): REPORTED'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.region >= :'community' and c.region < (:'community'::bigint + 1)::text and c.status = 'REPORTED' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== community queue: EVALUATED'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.region >= :'community' and c.region < (:'community'::bigint + 1)::text and c.status = 'EVALUATED' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== community queue: COMMUNITY_HANDLING'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.region >= :'community' and c.region < (:'community'::bigint + 1)::text and c.status = 'COMMUNITY_HANDLING' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== department inbox: DISPATCHED (lead)'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.lead_department = :'dept' and c.status = 'DISPATCHED' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== department inbox: CLOSED (lead)'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.lead_department = :'dept' and c.status = 'CLOSED' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== grid worker queue: REPORTED'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.grid = :'grid' and (c.confidential = false) and c.status = 'REPORTED' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== grid worker queue: EVALUATED'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.grid = :'grid' and (c.confidential = false) and c.status = 'EVALUATED' order by c.due_at, c.reported_at desc, c.id limit 51;
\echo '== case page: by id, by tracking code, merged into it'
explain (analyze, buffers, costs off, timing off, summary off) select * from cases_case where id = :'case_id';
explain (analyze, buffers, costs off, timing off, summary off) select * from cases_case where tracking_code = :'tracking_code';
explain (analyze, buffers, costs off, timing off, summary off) select * from cases_case where merged_into = :'merged_into' order by reported_at;
\echo '== idempotency: keys seen before'
explain (analyze, buffers, costs off, timing off, summary off) select intake_key from cases_case where intake_key in ('k1', 'k2', 'k3');
\echo '== sweep: lightChanges over one minute'
explain (analyze, buffers, costs off, timing off, summary off) select id, 'YELLOW' as turns, warn_at as crossed_at from cases_case where warn_at > :'sweep_after' and warn_at <= timestamptz :'sweep_after' + interval '1 minute' and warn_at < due_at union all select id, 'RED', due_at from cases_case where due_at > :'sweep_after' and due_at <= timestamptz :'sweep_after' + interval '1 minute' order by crossed_at, id limit 2000;
\echo '== sweep: lightChanges as the product sends it after cases-35 (red lights by state from the queue index), over one minute of red'
explain (analyze, buffers, costs off, timing off, summary off) select id, 'YELLOW' as turns, warn_at as crossed_at from cases_case where warn_at > :'red_after' and warn_at <= timestamptz :'red_after' + interval '1 minute' and warn_at < due_at union all select id, 'RED', due_at from cases_case where status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK', 'CLOSED', 'EVALUATED', 'REJECTED', 'VOID', 'MERGED') and due_at > :'red_after' and due_at <= timestamptz :'red_after' + interval '1 minute' order by crossed_at, id limit 2000;
\echo '== sweep: lightChanges before cases-35, over the same minute of red'
explain (analyze, buffers, costs off, timing off, summary off) select id, 'YELLOW' as turns, warn_at as crossed_at from cases_case where warn_at > :'red_after' and warn_at <= timestamptz :'red_after' + interval '1 minute' and warn_at < due_at union all select id, 'RED', due_at from cases_case where due_at > :'red_after' and due_at <= timestamptz :'red_after' + interval '1 minute' order by crossed_at, id limit 2000;
\echo '== sweep: overdue after cases-35'
explain (analyze, buffers, costs off, timing off, summary off) select id from cases_case where status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK', 'CLOSED', 'EVALUATED', 'REJECTED', 'VOID', 'MERGED') and due_at <= now() order by due_at, id limit 500;
\echo '== sweep: overdue'
explain (analyze, buffers, costs off, timing off, summary off) select id from cases_case where due_at <= now() order by due_at, id limit 500;
\echo '== supervision board (lit) of the street'
explain (analyze, buffers, costs off, timing off, summary off) select c.id from cases_case c where c.region >= :'street' and c.region < (substr(:'street',1,9)::bigint + 1)::text || '000' and c.warn_at <= now() order by c.due_at, c.id limit 200;
\echo '== duplicate check at the newest open case with a point (box of about 300 m, window 72 h)'
explain (analyze, buffers, costs off, timing off, summary off) select id, longitude, latitude, region from (select id, longitude, latitude, region, reported_at from cases_case where category_standard = :'std' and category_code = :'code' and latitude between :lat - 0.003 and :lat + 0.003 and longitude between :lng - 0.004 and :lng + 0.004 and reported_at >= timestamptz :'dup_at' - interval '72 hours' and status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK') union all select id, longitude, latitude, region, reported_at from cases_case where category_standard = :'std' and category_code = :'code' and latitude is null and region = :'dup_region' and reported_at >= timestamptz :'dup_at' - interval '72 hours' and status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK')) near order by reported_at desc limit 200;
\echo '== duplicate check without a point, in the community'
explain (analyze, buffers, costs off, timing off, summary off) select id from cases_case where category_standard = :'std' and category_code = :'code' and region = :'dup_region' and reported_at >= timestamptz :'dup_at' - interval '72 hours' and status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK') order by reported_at desc limit 200;
\echo '== generic plans (as pgjdbc runs a statement after 5 executions): lead queue, warn_at range, duplicate box'
set plan_cache_mode = force_generic_plan;
prepare q1(uuid, text) as select c.id from cases_case c where c.lead_department = $1 and c.status = $2 order by c.due_at, c.reported_at desc, c.id limit 51;
explain (costs off) execute q1(:'dept', 'DISPATCHED');
prepare q2(timestamptz, timestamptz) as select id from cases_case where warn_at > $1 and warn_at <= $2 and warn_at < due_at;
explain (costs off) execute q2(:'sweep_after', :'sweep_after');
prepare q3(text, text, float8, float8, float8, float8, timestamptz) as select id from cases_case where category_standard = $1 and category_code = $2 and latitude between $3 and $4 and longitude between $5 and $6 and reported_at >= $7 and status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK');
explain (costs off) execute q3(:'std', :'code', 43.9, 44.0, 87.2, 87.3, :'dup_at');
prepare q4(uuid, text) as select c.id from cases_case c where c.grid = $1 and c.status = $2 order by c.due_at, c.reported_at desc, c.id limit 51;
explain (costs off) execute q4(:'grid', 'REPORTED');
prepare q5(text, text) as select intake_key from cases_case where intake_key in ($1, $2);
explain (costs off) execute q5('a', 'b');
prepare q6(text, text, text) as select c.id from cases_case c where c.region >= $1 and c.region < $2 and c.status = $3 and c.extension_amount is not null order by c.due_at, c.reported_at desc, c.id limit 51;
explain (costs off) execute q6(:'street', '999', 'IN_PROGRESS');
prepare q7(timestamptz, timestamptz) as select id from cases_case where status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK', 'CLOSED', 'EVALUATED', 'REJECTED', 'VOID', 'MERGED') and due_at > $1 and due_at <= $2;
explain (costs off) execute q7(:'red_after', :'red_after');
prepare q8(text, text, text) as select c.id from cases_case c where c.region >= $1 and c.region < $2 and c.status = $3 order by c.due_at, c.reported_at desc, c.id limit 51;
explain (costs off) execute q8(:'community', '999', 'IN_PROGRESS');
reset plan_cache_mode;
\echo '== custom plans of a prepared statement (auto), the extension tab after 6 executions'
prepare q9(text, text, text) as select c.id from cases_case c where c.region >= $1 and c.region < $2 and c.status = $3 and c.extension_amount is not null order by c.due_at, c.reported_at desc, c.id limit 51;
execute q9(:'street', '999', 'IN_PROGRESS'); execute q9(:'street', '999', 'IN_PROGRESS'); execute q9(:'street', '999', 'IN_PROGRESS'); execute q9(:'street', '999', 'IN_PROGRESS'); execute q9(:'street', '999', 'IN_PROGRESS'); execute q9(:'street', '999', 'IN_PROGRESS');
explain (analyze, buffers, costs off, timing off, summary off) execute q9(:'street', '999', 'IN_PROGRESS');
select indexrelname, pg_relation_size(indexrelid) as bytes from pg_stat_user_indexes where relname = 'cases_case' order by 1;
select pg_size_pretty(sum(pg_relation_size(indexrelid))) as all_indexes, sum(pg_relation_size(indexrelid)) / (select count(*) from cases_case) as index_bytes_per_case from pg_stat_user_indexes where relname = 'cases_case';
