-- PetitionBot schema, version 1. Times are UTC .NET ticks (bigint): exact round trips, same values as the LiteDB store.
-- Identities are only ever stored as keyed hashes; draft values and bot tokens only encrypted (AES-GCM, key outside).

CREATE TABLE signatures (
    id                text    PRIMARY KEY,
    campaign_id       text    NOT NULL,
    identity_hash     text    NOT NULL,
    platform          integer NOT NULL,
    workspace_id      text    NOT NULL,
    full_name         text    NULL,
    school            text    NOT NULL,
    school_key        text    NOT NULL,
    stage             text    NOT NULL,
    role              text    NOT NULL,
    verification      integer NOT NULL,
    signed_at_ticks   bigint  NOT NULL,
    CONSTRAINT signatures_one_per_person UNIQUE (campaign_id, identity_hash)
);
CREATE INDEX signatures_identity ON signatures (identity_hash);
CREATE INDEX signatures_campaign_time ON signatures (campaign_id, signed_at_ticks);

-- Aggregates, updated in the signing transaction (never computed by scanning signatures).
CREATE TABLE campaign_counters (
    campaign_id text    PRIMARY KEY,
    total       integer NOT NULL,
    named       integer NOT NULL
);

-- One bucket of a breakdown: kind = school | day | platform | stage. A day bucket keeps 24 hourly counts.
CREATE TABLE counters (
    campaign_id text      NOT NULL,
    kind        text      NOT NULL,
    key         text      NOT NULL,
    label       text      NOT NULL,
    count       integer   NOT NULL,
    hours       integer[] NULL,
    PRIMARY KEY (campaign_id, kind, key)
);

-- unique_key makes each milestone announced once ever.
CREATE TABLE announcements (
    id               text    PRIMARY KEY,
    unique_key       text    NOT NULL UNIQUE,
    campaign_id      text    NOT NULL,
    kind             integer NOT NULL,
    milestone        integer NULL,
    school_key       text    NULL,
    title            text    NULL,
    text             text    NULL,
    created_at_ticks bigint  NOT NULL
);

-- One delivery of one announcement to one channel; id doubles as the platform nonce. A process sending an item holds
-- a lease on it (lease_owner, lease_until_ticks) so another process skips it until the lease runs out.
CREATE TABLE outbox (
    id                 text    PRIMARY KEY,
    announcement_id    text    NOT NULL REFERENCES announcements (id),
    platform           integer NOT NULL,
    workspace_id       text    NOT NULL,
    channel_id         text    NOT NULL,
    state              integer NOT NULL,
    attempts           integer NOT NULL DEFAULT 0,
    next_attempt_ticks bigint  NOT NULL,
    last_error         text    NULL,
    lease_owner        text    NULL,
    lease_until_ticks  bigint  NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_ticks) WHERE state = 0;
CREATE INDEX outbox_announcement ON outbox (announcement_id);

CREATE TABLE servers (
    id                      text    PRIMARY KEY,
    platform                integer NOT NULL,
    workspace_id            text    NOT NULL,
    name                    text    NULL,
    present                 boolean NOT NULL,
    announcement_channel_id text    NULL,
    leader_role_id          text    NULL,
    verified_role_id        text    NULL,
    strict                  boolean NOT NULL,
    school                  text    NULL,
    school_key              text    NULL,
    default_campaign_id     text    NULL,
    channel_problem         text    NULL,
    admin_notice_pending    boolean NOT NULL,
    updated_at_ticks        bigint  NOT NULL
);

CREATE TABLE drafts (
    id               text   PRIMARY KEY,
    flow             text   NOT NULL,
    owner_hash       text   NOT NULL,
    campaign_id      text   NOT NULL,
    step             text   NOT NULL,
    payload          bytea  NOT NULL,
    expires_at_ticks bigint NOT NULL
);
CREATE INDEX drafts_owner ON drafts (owner_hash);
CREATE INDEX drafts_expiry ON drafts (expires_at_ticks);

CREATE TABLE audit (
    id           bigserial PRIMARY KEY,
    action       text      NOT NULL,
    action_key   text      NOT NULL,
    platform     integer   NULL,
    workspace_id text      NULL,
    actor_hash   text      NOT NULL,
    detail       text      NOT NULL,
    at_ticks     bigint    NOT NULL
);
CREATE INDEX audit_action_time ON audit (action_key, at_ticks);

CREATE TABLE installations (
    id                 text    PRIMARY KEY,
    platform           integer NOT NULL,
    workspace_id       text    NOT NULL,
    token_cipher       bytea   NOT NULL,
    bot_user_id        text    NULL,
    workspace_name     text    NULL,
    installed_at_ticks bigint  NOT NULL
);

-- Interaction / envelope ids already handled (several processes share one de-duplication), kept until expires_at_ticks.
CREATE TABLE seen_ids (
    id               text   PRIMARY KEY,
    expires_at_ticks bigint NOT NULL
);
CREATE INDEX seen_ids_expiry ON seen_ids (expires_at_ticks);
