-- Spring Modulith's event publication registry (JDBC): case events are kept here, in the transaction of the
-- transition, until every @ApplicationModuleListener (supervision, evaluation, notifications) has handled them.
-- Completed publications are deleted (spring.modulith.events.completion-mode=delete), so the table holds only
-- what is in flight. "if not exists": another module may have created it first.
create table if not exists event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
create index if not exists event_publication_by_listener_idx on event_publication (listener_id);
