-- Category standards (versioned data): the city-management parts and events set, the social-governance matters
-- tree, and any later standard loaded beside them. A category is keyed by (standard, code); a code's ancestors are
-- its prefixes (P01 → P0101, 01 → 0101 → 010101).
create table cases_category_standard (
    code      varchar(40)  primary key,
    title     varchar(200) not null,
    loaded_at timestamp with time zone not null
);

create table cases_category (
    standard        varchar(40)  not null references cases_category_standard (code),
    code            varchar(20)  not null,
    parent          varchar(20),
    depth           integer      not null,
    name            varchar(100) not null,
    department_kind varchar(32),
    active          boolean      not null,
    primary key (standard, code)
);
create index cases_category_parent on cases_category (standard, parent);

-- The time-limit table: category (a code applies to everything below it) × urgency × condition → limit per step.
-- Empty columns match everything; the most specific row wins.
create table cases_time_limit (
    id                uuid primary key,
    category_standard varchar(40),
    category_code     varchar(20),
    urgency           varchar(16),
    limit_condition   varchar(16),
    step              varchar(16) not null,
    amount            integer     not null,
    unit              varchar(16) not null,
    version           bigint      not null
);

insert into cases_time_limit (id, step, urgency, amount, unit, version) values
    ('00000000-0000-4000-8000-000000000101', 'DISPATCH', 'NORMAL', 30, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000102', 'DISPATCH', 'URGENT', 10, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000201', 'CLAIM', 'NORMAL', 1, 'WORKING_HOURS', 0),
    ('00000000-0000-4000-8000-000000000202', 'CLAIM', 'URGENT', 30, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000301', 'HANDLE', 'NORMAL', 7, 'WORKING_DAYS', 0),
    ('00000000-0000-4000-8000-000000000302', 'HANDLE', 'URGENT', 120, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000401', 'VERIFY', null, 1, 'WORKING_HOURS', 0),
    ('00000000-0000-4000-8000-000000000501', 'EVALUATE', null, 10080, 'MINUTES', 0);
insert into cases_time_limit (id, step, urgency, limit_condition, amount, unit, version) values
    ('00000000-0000-4000-8000-000000000303', 'HANDLE', 'NORMAL', 'COMPLEX', 15, 'WORKING_DAYS', 0),
    ('00000000-0000-4000-8000-000000000402', 'VERIFY', null, 'RURAL', 2, 'WORKING_HOURS', 0);
-- Water, power, gas and heating: 24 hours.
insert into cases_time_limit (id, category_standard, category_code, step, urgency, amount, unit, version) values
    ('00000000-0000-4000-8000-000000000311', 'CJT214', 'E0402', 'HANDLE', 'NORMAL', 1440, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000312', 'CJT214', 'E0403', 'HANDLE', 'NORMAL', 1440, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000313', 'CJT214', 'E0405', 'HANDLE', 'NORMAL', 1440, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000314', 'CJT214', 'E0408', 'HANDLE', 'NORMAL', 1440, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000315', 'MATTERS', '010101', 'HANDLE', 'NORMAL', 1440, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000316', 'MATTERS', '010103', 'HANDLE', 'NORMAL', 1440, 'MINUTES', 0),
    ('00000000-0000-4000-8000-000000000317', 'MATTERS', '010104', 'HANDLE', 'NORMAL', 1440, 'MINUTES', 0);
