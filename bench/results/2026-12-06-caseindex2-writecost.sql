\pset pager off
\timing off
-- Write cost of 2,000 intakes and their six transitions on the city's cases_case, each as one set-based statement in
-- one transaction that is rolled back: EXPLAIN (ANALYZE, BUFFERS, WAL) counts exactly this statement's WAL records,
-- full-page images and bytes and its buffers, whatever else the server writes.
select count(*) as indexes from pg_index where indrelid = 'cases_case'::regclass;
begin;
create temp table ci2_ids on commit drop as
  select id as src, gen_random_uuid() as id, 'CI2' || lpad(row_number() over ()::text, 11, '0') as code
  from (select id from cases_case where grid is not null and latitude is not null and category_standard is not null order by reported_at desc limit 2000) s;
\echo '== 2,000 intakes (REPORTED, clock running, in a grid, with a point)'
explain (analyze, buffers, wal, costs off, timing off, summary off)
insert into cases_case (id, tracking_code, intake_key, channel, status, tier, resolved_at_tier, title, description, category_standard, category_code, urgency, complex, region, grid, placement, longitude, latitude, address, reporter_name, reporter_phone, reporter_phone_index, reporter_account, anonymous, confidential, suggested_department, lead_department, merged_into, suspected_duplicate, step, step_started_at, warn_at, due_at, step_span_seconds, step_unit, parked_at, parked_remaining_seconds, extension_amount, extension_unit, return_count, rework_count, extension_count, reopen_count, rating, resolved, reported_at, filed_at, dispatched_at, claimed_at, reported_back_at, closed_at, evaluated_at, version, assisted)
select i.id, i.code, null, c.channel, 'REPORTED', 'STREET', null, c.title, c.description, c.category_standard, c.category_code, c.urgency, c.complex, c.region, c.grid, c.placement, c.longitude, c.latitude, c.address, c.reporter_name, c.reporter_phone, c.reporter_phone_index, null, c.anonymous, c.confidential, null, null, null, null, 'ACCEPT', now(), now() + interval '1 hour', now() + interval '2 hours', 7200, 'HOURS', null, null, null, null, 0, 0, 0, 0, null, null, now(), null, null, null, null, null, null, 0, false
from ci2_ids i join cases_case c on c.id = i.src;
\echo '== file'
explain (analyze, buffers, wal, costs off, timing off, summary off)
update cases_case set status = 'FILED', step = 'DISPATCH', step_started_at = now(), warn_at = now() + interval '3 hours', due_at = now() + interval '4 hours', filed_at = now(), version = version + 1 where id in (select id from ci2_ids);
\echo '== dispatch'
explain (analyze, buffers, wal, costs off, timing off, summary off)
update cases_case set status = 'DISPATCHED', lead_department = '7e4bdfc6-fccd-415d-b8ba-ab1c2b8d1221', step = 'CLAIM', step_started_at = now(), warn_at = now() + interval '5 hours', due_at = now() + interval '6 hours', dispatched_at = now(), version = version + 1 where id in (select id from ci2_ids);
\echo '== claim'
explain (analyze, buffers, wal, costs off, timing off, summary off)
update cases_case set status = 'IN_PROGRESS', step = 'HANDLE', step_started_at = now(), warn_at = now() + interval '7 hours', due_at = now() + interval '8 hours', claimed_at = now(), version = version + 1 where id in (select id from ci2_ids);
\echo '== report back'
explain (analyze, buffers, wal, costs off, timing off, summary off)
update cases_case set status = 'REPORTED_BACK', step = 'VERIFY', step_started_at = now(), warn_at = now() + interval '9 hours', due_at = now() + interval '10 hours', reported_back_at = now(), version = version + 1 where id in (select id from ci2_ids);
\echo '== verify (closes; the evaluation clock runs)'
explain (analyze, buffers, wal, costs off, timing off, summary off)
update cases_case set status = 'CLOSED', step = 'EVALUATE', step_started_at = now(), warn_at = now() + interval '11 hours', due_at = now() + interval '12 hours', closed_at = now(), resolved_at_tier = 'DEPARTMENT', version = version + 1 where id in (select id from ci2_ids);
\echo '== evaluate'
explain (analyze, buffers, wal, costs off, timing off, summary off)
update cases_case set status = 'EVALUATED', step = null, step_started_at = null, warn_at = null, due_at = null, step_span_seconds = null, step_unit = null, rating = 'SATISFIED', resolved = true, evaluated_at = now(), version = version + 1 where id in (select id from ci2_ids);
rollback;
