-- Notifications. In-app notices are rows an audience reads (a department, a grid, or the staff of a region with
-- given roles), written in the transaction of the event they tell about. Webhook deliveries (SMS and messaging
-- providers) go through the outbox: written in the same transaction, claimed by a dispatcher, sent, marked.

create table notification_notice (
    id          uuid primary key,
    audience    varchar(12)  not null,
    department  uuid,
    grid        uuid,
    region      varchar(12),
    roles       varchar(100),
    kind        varchar(24)  not null,
    case_id     uuid,
    subject_id  uuid,
    created_at  timestamp with time zone not null
);
create index notification_notice_department on notification_notice (department, created_at);
create index notification_notice_grid on notification_notice (grid, created_at);
create index notification_notice_region on notification_notice (region, created_at);

-- When each account last opened its notices (the badge counts what came after).
create table notification_seen (
    account  uuid primary key,
    seen_at  timestamp with time zone not null
);

-- once_key: one delivery per event (kind and case and the event's instant). next_attempt_at doubles as the claim's
-- lease: a dispatcher that claims a row moves it forward; a dispatcher that died leaves it to be claimed again.
create table notification_outbox (
    id               uuid primary key,
    once_key         varchar(120) not null,
    kind             varchar(24)  not null,
    case_id          uuid,
    created_at       timestamp with time zone not null,
    state            varchar(12)  not null,
    attempts         integer      not null,
    next_attempt_at  timestamp with time zone not null,
    claim            uuid,
    sent_at          timestamp with time zone,
    last_error       varchar(300),
    version          bigint       not null,
    constraint notification_outbox_once unique (once_key)
);
create index notification_outbox_due on notification_outbox (state, next_attempt_at);
