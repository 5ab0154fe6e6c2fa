\pset pager off
drop table if exists ci2_a, ci2_b;
create table ci2_a (like cases_case including defaults including constraints);
alter table ci2_a add primary key (id);
create table ci2_b (like ci2_a including defaults including constraints);
alter table ci2_b add primary key (id);
insert into ci2_a select * from cases_case order by reported_at desc limit 200000;
insert into ci2_b select * from ci2_a;
-- before (main): the 12 indexes of cases_case
create unique index ci2_a_tracking_code on ci2_a (tracking_code);
create unique index ci2_a_intake_key on ci2_a (intake_key) where intake_key is not null;
create index ci2_a_queue on ci2_a (status, due_at, reported_at desc, region, tier, extension_amount);
create index ci2_a_status_region on ci2_a (status, region) where status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK');
create index ci2_a_lead_queue on ci2_a (lead_department, status, due_at, reported_at desc) where lead_department is not null;
create index ci2_a_grid_queue on ci2_a (grid, status, due_at, reported_at desc) where grid is not null;
create index ci2_a_warn_at on ci2_a (warn_at) where warn_at is not null;
create index ci2_a_due_at on ci2_a (due_at) where due_at is not null;
create index ci2_a_merged_into on ci2_a (merged_into) where merged_into is not null;
create index ci2_a_category_place on ci2_a (category_standard, category_code, latitude, region, longitude, reported_at) include (id) where status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK');
create index ci2_a_extension_queue on ci2_a (status, region) where extension_amount is not null;
-- after (cases-35): 10
create unique index ci2_b_tracking_code on ci2_b (tracking_code);
create unique index ci2_b_intake_key on ci2_b (intake_key) where intake_key is not null;
create index ci2_b_queue on ci2_b (status, due_at, reported_at desc, region, tier, extension_amount);
create index ci2_b_status_region on ci2_b (status, region, extension_amount) where status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK');
create index ci2_b_lead_queue on ci2_b (lead_department, status, due_at, reported_at desc) where lead_department is not null;
create index ci2_b_grid_queue on ci2_b (grid, status, due_at, reported_at desc) where grid is not null;
create index ci2_b_warn_at on ci2_b (warn_at) where warn_at is not null;
create index ci2_b_merged_into on ci2_b (merged_into) where merged_into is not null;
create index ci2_b_category_place on ci2_b (category_standard, category_code, latitude, region, longitude, reported_at) include (id) where status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK');
alter table ci2_a set (fillfactor = 85); alter table ci2_b set (fillfactor = 85);
vacuum analyze ci2_a; vacuum analyze ci2_b;
select (select count(*) from pg_index where indrelid = 'ci2_a'::regclass) as a_indexes, (select count(*) from pg_index where indrelid = 'ci2_b'::regclass) as b_indexes;

create or replace procedure ci2_run_ci2_a(n int) language plpgsql as $$
declare i int; cid uuid; src record;
begin
  for i in 1..n loop
    cid := gen_random_uuid();
    select * into src from ci2_a where grid is not null and latitude is not null offset (i % 5000) limit 1;
    insert into ci2_a (id, tracking_code, channel, status, tier, title, description, category_standard, category_code, urgency, complex, region, grid, placement, longitude, latitude, anonymous, confidential, step, step_started_at, warn_at, due_at, step_span_seconds, step_unit, return_count, rework_count, extension_count, reopen_count, reported_at, version, assisted)
      values (cid, 'Z' || substr(md5(cid::text), 1, 13), src.channel, 'REPORTED', 'STREET', src.title, src.description, src.category_standard, src.category_code, src.urgency, src.complex, src.region, src.grid, src.placement, src.longitude, src.latitude, src.anonymous, src.confidential, 'ACCEPT', now(), now() + interval '1 hour', now() + interval '2 hours', 7200, 'HOURS', 0, 0, 0, 0, now(), 0, false);
    commit;
    update ci2_a set status = 'FILED', step = 'DISPATCH', warn_at = now() + interval '3 hours', due_at = now() + interval '4 hours', filed_at = now(), version = version + 1 where id = cid;
    commit;
    update ci2_a set status = 'DISPATCHED', lead_department = '7e4bdfc6-fccd-415d-b8ba-ab1c2b8d1221', step = 'CLAIM', warn_at = now() + interval '5 hours', due_at = now() + interval '6 hours', dispatched_at = now(), version = version + 1 where id = cid;
    commit;
    update ci2_a set status = 'IN_PROGRESS', step = 'HANDLE', warn_at = now() + interval '7 hours', due_at = now() + interval '8 hours', claimed_at = now(), version = version + 1 where id = cid;
    commit;
    update ci2_a set status = 'REPORTED_BACK', step = 'VERIFY', warn_at = now() + interval '9 hours', due_at = now() + interval '10 hours', reported_back_at = now(), version = version + 1 where id = cid;
    commit;
    update ci2_a set status = 'CLOSED', step = 'EVALUATE', warn_at = now() + interval '11 hours', due_at = now() + interval '12 hours', closed_at = now(), resolved_at_tier = 'DEPARTMENT', version = version + 1 where id = cid;
    commit;
    update ci2_a set status = 'EVALUATED', step = null, warn_at = null, due_at = null, rating = 'SATISFIED', resolved = true, evaluated_at = now(), version = version + 1 where id = cid;
    commit;
  end loop;
end $$;

create or replace procedure ci2_run_ci2_b(n int) language plpgsql as $$
declare i int; cid uuid; src record;
begin
  for i in 1..n loop
    cid := gen_random_uuid();
    select * into src from ci2_b where grid is not null and latitude is not null offset (i % 5000) limit 1;
    insert into ci2_b (id, tracking_code, channel, status, tier, title, description, category_standard, category_code, urgency, complex, region, grid, placement, longitude, latitude, anonymous, confidential, step, step_started_at, warn_at, due_at, step_span_seconds, step_unit, return_count, rework_count, extension_count, reopen_count, reported_at, version, assisted)
      values (cid, 'Z' || substr(md5(cid::text), 1, 13), src.channel, 'REPORTED', 'STREET', src.title, src.description, src.category_standard, src.category_code, src.urgency, src.complex, src.region, src.grid, src.placement, src.longitude, src.latitude, src.anonymous, src.confidential, 'ACCEPT', now(), now() + interval '1 hour', now() + interval '2 hours', 7200, 'HOURS', 0, 0, 0, 0, now(), 0, false);
    commit;
    update ci2_b set status = 'FILED', step = 'DISPATCH', warn_at = now() + interval '3 hours', due_at = now() + interval '4 hours', filed_at = now(), version = version + 1 where id = cid;
    commit;
    update ci2_b set status = 'DISPATCHED', lead_department = '7e4bdfc6-fccd-415d-b8ba-ab1c2b8d1221', step = 'CLAIM', warn_at = now() + interval '5 hours', due_at = now() + interval '6 hours', dispatched_at = now(), version = version + 1 where id = cid;
    commit;
    update ci2_b set status = 'IN_PROGRESS', step = 'HANDLE', warn_at = now() + interval '7 hours', due_at = now() + interval '8 hours', claimed_at = now(), version = version + 1 where id = cid;
    commit;
    update ci2_b set status = 'REPORTED_BACK', step = 'VERIFY', warn_at = now() + interval '9 hours', due_at = now() + interval '10 hours', reported_back_at = now(), version = version + 1 where id = cid;
    commit;
    update ci2_b set status = 'CLOSED', step = 'EVALUATE', warn_at = now() + interval '11 hours', due_at = now() + interval '12 hours', closed_at = now(), resolved_at_tier = 'DEPARTMENT', version = version + 1 where id = cid;
    commit;
    update ci2_b set status = 'EVALUATED', step = null, warn_at = null, due_at = null, rating = 'SATISFIED', resolved = true, evaluated_at = now(), version = version + 1 where id = cid;
    commit;
  end loop;
end $$;

create or replace function ci2_cpu() returns bigint language sql as $$
  select (split_part(f, ' ', 12)::bigint + split_part(f, ' ', 13)::bigint) from (select split_part(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), ') ', 2) as f) s $$;
\pset pager off
set synchronous_commit = off;
select ci2_cpu() as c0, clock_timestamp() as t0 \gset
call ci2_run_:t(:n);
select :'t' as variant, :n as lifecycles, (ci2_cpu() - :c0) * 10.0 / :n as backend_cpu_ms_per_lifecycle, extract(epoch from clock_timestamp() - :'t0') * 1000 / :n as wall_ms_per_lifecycle;
