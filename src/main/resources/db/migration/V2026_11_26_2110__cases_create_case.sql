-- One row per case: what it is, where, who reported it, who has it, and the clock of its current step. The history
-- of every transition lives in the audit chain (stream case/<id>), not here.
create table cases_case (
    id                       uuid primary key,
    tracking_code            varchar(12)  not null,
    intake_key               varchar(64),
    channel                  varchar(24)  not null,
    status                   varchar(20)  not null,
    tier                     varchar(12)  not null,
    resolved_at_tier         varchar(12),
    title                    varchar(100) not null,
    description              varchar(2000) not null,
    category_standard        varchar(40),
    category_code            varchar(20),
    urgency                  varchar(12)  not null,
    complex                  boolean      not null,
    region                   varchar(12)  not null,
    grid                     uuid,
    placement                varchar(20)  not null,
    longitude                double precision,
    latitude                 double precision,
    address                  varchar(200),
    reporter_name            varchar(400),
    reporter_phone           varchar(400),
    reporter_phone_index     varchar(64),
    reporter_account         uuid,
    anonymous                boolean      not null,
    confidential             boolean      not null,
    suggested_department     uuid,
    lead_department          uuid,
    merged_into              uuid,
    suspected_duplicate      uuid,
    step                     varchar(12),
    step_started_at          timestamp with time zone,
    warn_at                  timestamp with time zone,
    due_at                   timestamp with time zone,
    step_span_seconds        bigint,
    step_unit                varchar(16),
    parked_at                timestamp with time zone,
    parked_remaining_seconds bigint,
    extension_amount         integer,
    extension_unit           varchar(16),
    return_count             integer      not null,
    rework_count             integer      not null,
    extension_count          integer      not null,
    reopen_count             integer      not null,
    rating                   varchar(24),
    resolved                 boolean,
    reported_at              timestamp with time zone not null,
    filed_at                 timestamp with time zone,
    dispatched_at            timestamp with time zone,
    claimed_at               timestamp with time zone,
    reported_back_at         timestamp with time zone,
    closed_at                timestamp with time zone,
    evaluated_at             timestamp with time zone,
    version                  bigint       not null,
    constraint cases_case_tracking_code unique (tracking_code),
    constraint cases_case_intake_key unique (intake_key)
);
-- Work queues: by state within a region subtree, a department's orders, a grid's cases.
create index cases_case_status_region on cases_case (status, region);
create index cases_case_lead_status on cases_case (lead_department, status);
create index cases_case_grid_status on cases_case (grid, status);
-- The deadline sweep: the next change of light of every running clock (null when no clock runs).
create index cases_case_warn_at on cases_case (warn_at);
create index cases_case_due_at on cases_case (due_at);
-- Likely duplicates: same category, reported recently.
create index cases_case_category_reported on cases_case (category_standard, category_code, reported_at);
create index cases_case_merged_into on cases_case (merged_into);

-- Assisting departments of a dispatched case, and when each reported its part.
create table cases_assist (
    case_id     uuid not null references cases_case (id),
    department  uuid not null,
    reported_at timestamp with time zone,
    primary key (case_id, department)
);
create index cases_assist_department on cases_assist (department);

-- Photos and other evidence, checked by content. Stored in the database (content) or in a directory (stored_path).
create table cases_attachment (
    id          uuid primary key,
    case_id     uuid         not null references cases_case (id),
    purpose     varchar(16)  not null,
    media_type  varchar(40)  not null,
    size_bytes  integer      not null,
    sha256      varchar(64)  not null,
    content     bytea,
    stored_path varchar(300),
    added_at    timestamp with time zone not null,
    added_by    varchar(64)  not null
);
create index cases_attachment_case on cases_attachment (case_id);
