-- Work queues (CaseQueries.list) read each state in the queue's order (most urgent first) and stop after one page:
-- a street's queue filters region, tier and pending extension inside the index, without visiting the rows it does
-- not show; a department's orders come in that order from the department's own slice. The lead index replaces
-- (lead_department, status), which is its prefix.
create index cases_case_queue on cases_case (status, due_at, reported_at desc, region, tier, extension_amount);
create index cases_case_lead_queue on cases_case (lead_department, status, due_at, reported_at desc);
drop index cases_case_lead_status;
