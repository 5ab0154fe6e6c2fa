-- Long-running work and its progress, readable from every node.
create table shared_job (
    id          uuid primary key,
    kind        varchar(64)  not null,
    owner       varchar(128) not null,
    state       varchar(16)  not null,
    done        bigint       not null,
    total       bigint       not null,
    result_path varchar(512) not null,
    result      text,
    failure     text,
    started_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    finished_at timestamp with time zone
);

-- Demo-data steps already loaded into this database.
create table shared_demo_step (
    name      varchar(128) primary key,
    loaded_at timestamp with time zone not null
);
