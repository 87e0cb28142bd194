-- Assets follow their collection without a foreign key (docs/adr/0007): PostgreSQL checks a foreign key row by row
-- (one query and one row lock per inserted row), which was 40% of the cost of writing a first ingest
-- (bench/ingest: 90,000 rows, 1.4 s with the check, 0.8 s without). Instead:
-- - deleting a collection (and so a source) deletes its assets, by this trigger, in the same transaction;
-- - the one writer of assets (AssetStore) locks the collection's row (FOR KEY SHARE, as a foreign key check would)
--   once per batch, and writes nothing when it is gone: a delete waits for the batch, then removes it too.

alter table assets drop constraint if exists assets_collection_id_fkey;

create function assets_follow_collection() returns trigger language plpgsql as $$
begin
    delete from assets where collection_id = old.id;
    return old;
end
$$;

create trigger source_collections_delete_assets after delete on source_collections
    for each row execute function assets_follow_collection();

-- Assets whose collection was deleted before this migration are already gone (the foreign key cascaded).
