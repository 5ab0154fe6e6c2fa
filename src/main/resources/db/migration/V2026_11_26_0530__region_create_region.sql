-- The administrative tree keyed by 12-digit statistical codes.
create table region_region (
    code    varchar(12)  primary key,
    name    varchar(100) not null,
    level   varchar(16)  not null,
    parent  varchar(12)  references region_region (code),
    version bigint       not null
);
create index region_region_parent on region_region (parent);

-- Functional departments, each serving a county (or another region).
create table region_department (
    id      uuid primary key,
    region  varchar(12)  not null references region_region (code),
    kind    varchar(32)  not null,
    name    varchar(100) not null,
    head    varchar(100),
    phone   varchar(200),
    active  boolean      not null,
    version bigint       not null,
    constraint region_department_name unique (region, name)
);
create index region_department_region on region_department (region);

-- Party organisations of streets (working committees) and communities (community party committees).
create table region_party_organisation (
    id           uuid primary key,
    region       varchar(12)  not null references region_region (code),
    level        varchar(32)  not null,
    name         varchar(100) not null,
    secretary    varchar(100),
    member_count integer      not null,
    version      bigint       not null,
    constraint region_party_organisation_name unique (region, name)
);
create index region_party_organisation_region on region_party_organisation (region);
