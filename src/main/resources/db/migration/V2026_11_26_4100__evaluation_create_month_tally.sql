-- The indicators' read model: counters per month, place (the case's community or street) and department, each
-- incremented by one UPDATE in the transaction of the case event that counts (a new month's row is inserted first).
-- Indicators by street, community or department are sums over a region range of this table; the case table is never
-- scanned. department is the zero UUID for events without a department.
create table evaluation_month_tally (
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
    primary key (tally_month, region, department)
);
create index evaluation_month_tally_department on evaluation_month_tally (department, tally_month);

-- Reporting reads the view (STYLE: report_* views in the owning module's migrations).
create view report_case_month as select * from evaluation_month_tally;
