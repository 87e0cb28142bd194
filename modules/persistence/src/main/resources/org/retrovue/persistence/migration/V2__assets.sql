-- The catalogue of ingested items (issue 6): one row per item of a collection, kept when the item disappears
-- (state 'missing') so that it comes back with its history when it reappears. The key is a sequence: assets
-- come by the hundred thousand, and sequential keys are the cheapest to index.

create table assets (
    id              bigint        generated always as identity primary key,
    collection_id   uuid          not null references source_collections (id) on delete cascade,
    key             varchar(1000) not null,
    remote_path     text          not null,
    local_path      text,
    file_present    boolean,
    size            bigint        not null default -1,
    modified        timestamptz,
    duration_ms     bigint,
    title           text,
    kind            varchar(20)   not null default 'other',
    show            text,
    season          integer,
    episode         integer,
    state           varchar(10)   not null default 'present',
    first_seen      timestamptz   not null default now(),
    last_seen       timestamptz   not null default now(),
    last_changed    timestamptz   not null default now(),
    constraint assets_collection_key_key unique (collection_id, key),
    constraint assets_state_check check (state in ('present', 'missing')),
    constraint assets_kind_check check (kind in ('movie', 'episode', 'other'))
);

-- No index on state: a collection's rows are found through the unique index, and every index costs each write
-- of an ingest (bench/ingest).

-- The last ingest of each collection, whatever its outcome, and the last one that completed: an unchanged item
-- is not rewritten, so a present item was last seen at the later of its own last_seen and that time.
alter table source_collections
    add column last_ingest_at       timestamptz,
    add column last_complete_ingest_at timestamptz,
    add column last_ingest_outcome  varchar(20),
    add column last_ingest_counts   jsonb,
    add column last_ingest_version  varchar(100);
