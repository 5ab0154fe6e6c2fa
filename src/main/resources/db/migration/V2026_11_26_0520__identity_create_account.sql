-- Accounts, the roles they hold and their data scope.
create table identity_account (
    id               uuid primary key,
    username         varchar(64)  not null,
    display_name     varchar(100) not null,
    password_hash    varchar(200) not null,
    scope_kind       varchar(16)  not null,
    scope_region     varchar(12)  not null,
    scope_department uuid,
    scope_grid       uuid,
    enabled          boolean      not null,
    created_at       timestamp with time zone not null,
    version          bigint       not null,
    constraint identity_account_username unique (username)
);
create index identity_account_scope_region on identity_account (scope_region);
create index identity_account_scope_department on identity_account (scope_department);
create index identity_account_scope_grid on identity_account (scope_grid);

create table identity_account_role (
    account uuid        not null references identity_account (id),
    role    varchar(32) not null,
    primary key (account, role)
);

-- Bearer tokens for the REST API: only the SHA-256 of the secret is kept.
create table identity_api_token (
    id         uuid primary key,
    account    uuid         not null references identity_account (id),
    name       varchar(100) not null,
    token_hash varchar(64)  not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    version    bigint       not null,
    constraint identity_api_token_hash unique (token_hash)
);
create index identity_api_token_account on identity_api_token (account);
