-- The monthly counters get a slot in their key (decision evaluation-01): a case event increments the row of its
-- month, place, department and slot = hash of the case id mod 8, so that concurrent transitions of different cases
-- mostly update different rows instead of queueing on one row's lock until the other's commit is flushed. Readers
-- sum over the slots (the indicators already sum over regions). The rows counted so far keep their counts in slot 0.
-- A new table, copied and renamed, because H2 and PostgreSQL name (and drop) a primary key differently.
drop view report_case_month;
create table evaluation_month_tally_slotted (
    tally_month        varchar(7)   not null,
    region             varchar(12)  not null,
    department         uuid         not null,
    dispatched         integer      not null,
    returned           integer      not null,
    claimed_on_time    integer      not null,
    reworked           integer      not null,
    extended           integer      not null,
    closed             integer      not null,
    closed_grid        integer      not null,
    closed_community   integer      not null,
    closed_department  integer      not null,
    rated              integer      not null,
    resolved           integer      not null,
    satisfied          integer      not null,
    slot               smallint     default 0 not null,
    primary key (tally_month, region, department, slot)
);
insert into evaluation_month_tally_slotted (tally_month, region, department, dispatched, returned, claimed_on_time,
    reworked, extended, closed, closed_grid, closed_community, closed_department, rated, resolved, satisfied, slot)
select tally_month, region, department, dispatched, returned, claimed_on_time, reworked, extended, closed, closed_grid,
    closed_community, closed_department, rated, resolved, satisfied, 0
from evaluation_month_tally;
drop table evaluation_month_tally;
alter table evaluation_month_tally_slotted rename to evaluation_month_tally;
create index evaluation_month_tally_department on evaluation_month_tally (department, tally_month);

-- Reporting reads the view (STYLE: report_* views in the owning module's migrations); sum over slot for a place.
create view report_case_month as select * from evaluation_month_tally;
