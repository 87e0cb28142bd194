-- Issue 15, item 9, for collections (V5 did it for sources).
--
-- A collection's config column was shared by its plugin and the program: the plugin's config plus the keys the
-- program added, locations (the root paths discovery reported) and missing (discovery no longer finds it). A
-- plugin's own key of either name was taken for the program's. They move to columns of their own, so config is
-- exactly the config the plugin reported, and what it is handed back at ingest.
--
-- Columns, not a settings jsonb as sources have: the program has exactly these two keys on a collection, both
-- with a fixed type, so the database can hold their type and default (a flag is never absent or a string, a
-- collection always has a list of locations, possibly empty) and Java reads them without checking what it found.
-- locations stays jsonb (an array of strings as the plugin reported them, in order): the entity maps it through
-- the same converter as config, where a text[] would need its own.
alter table source_collections
    add column locations jsonb not null default '[]',
    add column missing boolean not null default false,
    add constraint source_collections_locations_array check (jsonb_typeof(locations) = 'array');

-- The bundled Plex plugin puts locations in its own config too (the program's putIfAbsent kept its value): on a
-- Plex source's collections that key is the plugin's and stays, or the next discover would report every Plex
-- collection as updated for putting it back.
update source_collections c
   set locations = case when jsonb_typeof(c.config -> 'locations') = 'array' then c.config -> 'locations' else '[]' end,
       missing = coalesce(c.config -> 'missing' = 'true'::jsonb, false),
       config = case when s.kind = 'plex' then c.config - 'missing' else c.config - 'locations' - 'missing' end
  from sources s
 where s.id = c.source_id
   and c.config ?| array['locations', 'missing'];
