\pset pager off
\pset tuples_only on
\o /tmp/caseindex/pid.txt
select pg_backend_pid();
\o
\pset tuples_only off
-- WAL and buffers of 2,000 case rows in one statement (rolled back): exact for this statement, whatever else the server does
create temp table batch as select c.* from cases_case c, generate_series(1, 2000)
  where c.id = (select id from cases_case where status = 'REPORTED' and latitude is not null and step is not null order by reported_at desc limit 1);
update batch set id = gen_random_uuid(), tracking_code = substr(md5(random()::text), 1, 10), intake_key = md5(random()::text) || md5(random()::text), reported_at = now();
begin;
explain (analyze, buffers, wal, costs off, timing off, summary off) insert into cases_case select * from batch;
rollback;
-- backend CPU of 5,000 single-row inserts, each committed (as the raw baseline and the writer commit)
\! echo "cpu_before $(awk '{print $14+$15}' /proc/$(tr -d ' \\n' < /tmp/caseindex/pid.txt)/stat)"
do $$
declare src cases_case%rowtype;
begin
  select * into src from cases_case where status = 'REPORTED' and latitude is not null and step is not null order by reported_at desc limit 1;
  for i in 1..5000 loop
    src.id := gen_random_uuid(); src.tracking_code := substr(md5(random()::text), 1, 10);
    src.intake_key := md5(random()::text) || md5(random()::text); src.reported_at := now();
    src.lead_department := null; src.merged_into := null; src.extension_amount := null;
    insert into cases_case values (src.*);
    commit;
  end loop;
end $$;
\! echo "cpu_after $(awk '{print $14+$15}' /proc/$(tr -d ' \\n' < /tmp/caseindex/pid.txt)/stat)"
delete from cases_case where reported_at > now() - interval '10 minutes' and intake_key ~ '^[0-9a-f]{64}$';
vacuum cases_case;
