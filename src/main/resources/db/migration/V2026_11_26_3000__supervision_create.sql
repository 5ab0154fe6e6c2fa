-- Supervision (在线督办). Each automatic action has a unique key on the deadline it is about, so that two sweeps
-- racing on several nodes issue it once: the loser's insert does nothing.

-- How far each sweep has read the light changes of the cases (its watermark).
create table supervision_sweep (
    name       varchar(40) primary key,
    watermark  timestamp with time zone not null,
    swept_at   timestamp with time zone not null
);

-- 催办: reminders. Automatic ones are unique per case, step, deadline and light; manual ones have no deadline.
create table supervision_reminder (
    id            uuid primary key,
    case_id       uuid         not null,
    step          varchar(12),
    deadline      timestamp with time zone,
    light         varchar(8),
    audience      varchar(12)  not null,
    department    uuid,
    region        varchar(12)  not null,
    grid          uuid,
    automatic     boolean      not null,
    note          varchar(500),
    sent_at       timestamp with time zone not null,
    sent_by       varchar(64)  not null,
    sent_by_name  varchar(100) not null,
    constraint supervision_reminder_once unique (case_id, step, deadline, light)
);
create index supervision_reminder_department on supervision_reminder (department, sent_at);
create index supervision_reminder_region on supervision_reminder (region, sent_at);

-- 督办单: one supervision order per case deadline (automatic at red, or by hand).
create table supervision_order (
    id               uuid primary key,
    case_id          uuid         not null,
    step             varchar(12),
    deadline         timestamp with time zone,
    department       uuid         not null,
    region           varchar(12)  not null,
    due_at           timestamp with time zone not null,
    state            varchar(12)  not null,
    automatic        boolean      not null,
    note             varchar(500),
    issued_at        timestamp with time zone not null,
    issued_by        varchar(64)  not null,
    issued_by_name   varchar(100) not null,
    answer           varchar(1000),
    answered_at      timestamp with time zone,
    answered_by_name varchar(100),
    closed_at        timestamp with time zone,
    version          bigint       not null,
    constraint supervision_order_once unique (case_id, step, deadline)
);
create index supervision_order_department on supervision_order (department, state);
create index supervision_order_region on supervision_order (region, state);

-- 黄牌 / 红牌. once_key makes automatic cards unique (a case deadline, an order, the n-th yellow card of a month).
create table supervision_card (
    id             uuid primary key,
    kind           varchar(12)  not null,
    reason         varchar(24)  not null,
    department     uuid         not null,
    region         varchar(12)  not null,
    case_id        uuid,
    order_id       uuid,
    card_month     varchar(7)   not null,
    note           varchar(500),
    issued_at      timestamp with time zone not null,
    issued_by      varchar(64)  not null,
    issued_by_name varchar(100) not null,
    once_key       varchar(120),
    constraint supervision_card_once unique (once_key)
);
create index supervision_card_department on supervision_card (department, card_month);
create index supervision_card_region on supervision_card (region, issued_at);

-- The yellow cards of a department in a month, counted under the row's lock so that racing sweeps agree on the n-th.
create table supervision_card_tally (
    department    uuid        not null,
    card_month    varchar(7)  not null,
    yellow_cards  integer     not null,
    primary key (department, card_month)
);

-- Checks that fall due later: a yellow card when a case is still red a working day after its deadline, a red card
-- when a supervision order ran out. Read by the sweep with the same watermark (an index range scan on fire_at).
-- once_key: card:<case>:<step>:<deadline> or order:<order id>.
create table supervision_timer (
    id          uuid primary key,
    kind        varchar(16)  not null,
    case_id     uuid         not null,
    step        varchar(12),
    deadline    timestamp with time zone,
    department  uuid         not null,
    region      varchar(12)  not null,
    order_id    uuid,
    fire_at     timestamp with time zone not null,
    once_key    varchar(120) not null,
    constraint supervision_timer_once unique (once_key)
);
create index supervision_timer_fire_at on supervision_timer (fire_at);

-- 吹哨报到: the street calls departments; each call records when the department reported in.
create table supervision_whistle (
    id             uuid primary key,
    title          varchar(100)  not null,
    description    varchar(1000) not null,
    region         varchar(12)   not null,
    address        varchar(200),
    called_at      timestamp with time zone not null,
    report_by      timestamp with time zone not null,
    called_by      varchar(64)   not null,
    called_by_name varchar(100)  not null
);
create index supervision_whistle_region on supervision_whistle (region, called_at);

create table supervision_whistle_call (
    whistle_id        uuid not null references supervision_whistle (id),
    department        uuid not null,
    reported_at       timestamp with time zone,
    reported_by_name  varchar(100),
    note              varchar(500),
    primary key (whistle_id, department)
);
create index supervision_whistle_call_department on supervision_whistle_call (department);

-- ShedLock: keeps one node sweeping at a time (correctness does not depend on it).
create table supervision_lock (
    name       varchar(64)  primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255) not null
);
