-- The standards of each management type: patrols, staffing, and visit intervals per household tag.
create table grid_standard (
    management_type  varchar(32) primary key,
    patrols_per_month integer    not null,
    staff_required   integer     not null,
    version          bigint      not null
);
create table grid_visit_interval (
    management_type varchar(32) not null references grid_standard (management_type),
    tag             varchar(32) not null,
    interval_days   integer     not null,
    primary key (management_type, tag)
);

-- Buildings and households of a grid. Phone and ID numbers are encrypted (AES-GCM) with a blind index for lookups.
create table grid_building (
    id        uuid primary key,
    grid      uuid         not null references grid_grid (id),
    community varchar(12)  not null,
    name      varchar(100) not null,
    address   varchar(200) not null,
    version   bigint       not null,
    constraint grid_building_name unique (grid, name)
);

create table grid_household (
    id              uuid primary key,
    grid            uuid         not null references grid_grid (id),
    community       varchar(12)  not null,
    building        uuid         references grid_building (id),
    address         varchar(200) not null,
    unit            varchar(20),
    room            varchar(20),
    head_name       varchar(100) not null,
    members         integer      not null,
    phone_sealed    varchar(200),
    phone_index     varchar(40),
    id_number_sealed varchar(200),
    id_number_index varchar(40),
    tags            varchar(200) not null,
    demo            boolean      not null,
    registered_at   timestamp with time zone not null,
    version         bigint       not null
);
create index grid_household_grid on grid_household (grid);
create index grid_household_community on grid_household (community);
create index grid_household_phone on grid_household (phone_index);
create index grid_household_id_number on grid_household (id_number_index);

-- Visits to households, with an optional photo kept in the database.
create table grid_photo (
    id           uuid primary key,
    content_type varchar(40) not null,
    content      bytea       not null,
    uploaded_at  timestamp with time zone not null
);

create table grid_visit (
    id            uuid primary key,
    household     uuid         not null references grid_household (id),
    grid          uuid         not null references grid_grid (id),
    community     varchar(12)  not null,
    visitor_id    varchar(64)  not null,
    visitor_name  varchar(100) not null,
    visited_at    timestamp with time zone not null,
    place         varchar(200),
    findings      text,
    reported      boolean      not null,
    photo         uuid         references grid_photo (id),
    version       bigint       not null
);
create index grid_visit_household on grid_visit (household, visited_at);
create index grid_visit_grid on grid_visit (grid, visited_at);

-- The standards of the source model as starting values; administrators change them in the console.
insert into grid_standard (management_type, patrols_per_month, staff_required, version) values
    ('ROUTINE', 4, 3, 0), ('GENERAL_PREVENTION', 8, 4, 0), ('KEY_ATTENTION', 15, 5, 0),
    ('CONCENTRATED_RECTIFICATION', 30, 6, 0);
insert into grid_visit_interval (management_type, tag, interval_days) values
    ('ROUTINE', 'ORDINARY', 182), ('ROUTINE', 'ELDERLY_ALONE', 30), ('ROUTINE', 'LOW_INCOME', 30),
    ('ROUTINE', 'DISABLED', 30), ('ROUTINE', 'KEY_PERSON', 7),
    ('GENERAL_PREVENTION', 'ORDINARY', 120), ('GENERAL_PREVENTION', 'ELDERLY_ALONE', 30),
    ('GENERAL_PREVENTION', 'LOW_INCOME', 30), ('GENERAL_PREVENTION', 'DISABLED', 30),
    ('GENERAL_PREVENTION', 'KEY_PERSON', 7),
    ('KEY_ATTENTION', 'ORDINARY', 90), ('KEY_ATTENTION', 'ELDERLY_ALONE', 14), ('KEY_ATTENTION', 'LOW_INCOME', 14),
    ('KEY_ATTENTION', 'DISABLED', 14), ('KEY_ATTENTION', 'KEY_PERSON', 7),
    ('CONCENTRATED_RECTIFICATION', 'ORDINARY', 30), ('CONCENTRATED_RECTIFICATION', 'ELDERLY_ALONE', 7),
    ('CONCENTRATED_RECTIFICATION', 'LOW_INCOME', 7), ('CONCENTRATED_RECTIFICATION', 'DISABLED', 7),
    ('CONCENTRATED_RECTIFICATION', 'KEY_PERSON', 3);
