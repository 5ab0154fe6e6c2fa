-- Evaluation (在线评议). One row per evaluated case, written in the transaction of the evaluation (CaseEvaluated):
-- the rating, whether resolved, who gave it; deleted when a supervisor reopens the case. The board's "may be
-- reopened" list reads the unsatisfactory rows within a region range.
create table evaluation_case (
    case_id       uuid primary key,
    region        varchar(12)  not null,
    department    uuid,
    rating        varchar(24)  not null,
    resolved      boolean,
    source        varchar(12)  not null,
    unsatisfactory boolean     not null,
    evaluated_at  timestamp with time zone not null
);
create index evaluation_case_open_complaints on evaluation_case (unsatisfactory, region);

-- The street's rating of the department that handled a closed case (1-5), once per case.
create table evaluation_department_rating (
    case_id     uuid primary key,
    department  uuid         not null,
    region      varchar(12)  not null,
    score       integer      not null,
    note        varchar(500),
    rated_at    timestamp with time zone not null,
    rated_by    varchar(64)  not null,
    rated_by_name varchar(100) not null
);
create index evaluation_department_rating_department on evaluation_department_rating (department, rated_at);
