-- Issue 15, scan data (SPI 1.5): what a scan reports of an item beyond its file, and what tells that it changed.
--
-- version: the source's opaque change token (an ETag, an update stamp). digest: a 64-bit hash, computed by the
-- ingest, of every reported value but size and time (path, title, version, ...): a rescan reads it instead of the
-- values themselves, so an item whose path or title changed while its size and time stayed is rewritten. Rows
-- stored before have no digest: the next ingest rewrites them once, which also fills the new columns.
alter table assets
    add column version      text,
    add column digest       bigint,
    add column year         integer,
    add column episode_end  integer,
    add column air_date     date,
    add column provider_ids jsonb;

-- A source that can tell a collection has not changed (Plex) would list nothing, and the new columns would stay
-- empty until the collection changed: the next ingest of every collection lists it whole.
update source_collections set last_ingest_version = null;
