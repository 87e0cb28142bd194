-- Sources, their collections and the path mappings of each collection (docs: ../shared/seed/Source.md).

create table sources (
    id          uuid         primary key,
    external_id varchar(255) not null,
    name        varchar(255) not null,
    kind        varchar(50)  not null,
    config      jsonb,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint sources_external_id_key unique (external_id),
    constraint sources_name_not_blank check (btrim(name) <> '')
);

-- Names identify sources on the command line, case-insensitively.
create unique index sources_name_lower_key on sources (lower(name));
create index sources_kind_idx on sources (kind);

create table source_collections (
    id          uuid         primary key,
    source_id   uuid         not null references sources (id) on delete cascade,
    external_id varchar(255) not null,
    name        varchar(255) not null,
    enabled     boolean      not null default false,
    config      jsonb,
    created_at  timestamptz  not null default now(),
    constraint source_collections_source_external_id_key unique (source_id, external_id)
);

create index source_collections_lower_name_idx on source_collections (lower(name));

create table path_mappings (
    id            uuid         primary key,
    collection_id uuid         not null references source_collections (id) on delete cascade,
    plex_path     varchar(500) not null,
    local_path    varchar(500) not null,
    constraint path_mappings_collection_plex_path_key unique (collection_id, plex_path)
);
