-- A department's inbox reads the cases it assists on (协办) in the queue's order and stops after one page, like the
-- orders it leads (cases_case_lead_queue): each assist row keeps a copy of what the queue needs of its case — the
-- state, the deadline of the current step and when the case was reported — written in the transaction of every
-- change of the case (AssistStore.assign on dispatch, AssistStore.follow after each saved transition). Before, the
-- inbox joined every assist row of the department to its case to learn the state (3,290 look-ups for one
-- department of the 10,000,000-case city).
alter table cases_assist add column case_status varchar(20);
alter table cases_assist add column case_due_at timestamp with time zone;
alter table cases_assist add column case_reported_at timestamp with time zone;
update cases_assist a set (case_status, case_due_at, case_reported_at) =
    (select c.status, c.due_at, c.reported_at from cases_case c where c.id = a.case_id);
alter table cases_assist alter column case_status set not null;
alter table cases_assist alter column case_reported_at set not null;
create index cases_assist_queue on cases_assist (department, case_status, case_due_at, case_reported_at desc);
-- The queue index starts with the department: it serves what the old index did.
drop index cases_assist_department;

-- Whether a case has ever had assisting departments: a saved transition copies the case's state to cases_assist
-- only then, so the common loop (no assistants) spends no statement on it. Cases from before this migration have
-- null (not known: they are followed, the update finds no rows for those without assistants); new cases start false.
alter table cases_case add column assisted boolean;
alter table cases_case alter column assisted set default false;
