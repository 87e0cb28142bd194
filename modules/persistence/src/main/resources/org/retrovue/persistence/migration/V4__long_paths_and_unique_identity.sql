-- Security issue items 6 and 11.
--
-- Paths and titles as long as a filesystem or a server makes them: Linux allows 4,096 bytes in a path, and an
-- asset's key is a path relative to its collection's root. varchar(1000) failed a whole collection on one long
-- path; text has no limit of its own (the ingest refuses absurd lengths itself, item by item).
alter table assets alter column key type text;
alter table path_mappings alter column plex_path type text, alter column local_path type text;
alter table source_collections alter column name type text, alter column external_id type text;
alter table source_collections alter column last_ingest_version type text;

-- A source's remote identity is unique in the database, not only in a check made before writing: its current
-- identity is config.identity after `source update` moved it to another directory or server, else its external id.
-- Two commands racing (an update moving a source onto a directory while an add adds it) could both pass the
-- check and leave two sources on one remote; with this index the second to commit fails.
--
-- Sources that such races already left on one remote keep working: all but the oldest get an identity of their
-- own (the shared one and their id), so `source discover` reports that they reach another source's remote, and
-- the operator deletes them or points them elsewhere.
update sources s
   set config = jsonb_set(coalesce(s.config, '{}'::jsonb), '{identity}',
                          to_jsonb(coalesce(s.config ->> 'identity', s.external_id) || '#duplicate-' || s.id::text))
 where exists (select 1 from sources o
                where o.id <> s.id
                  and coalesce(o.config ->> 'identity', o.external_id) = coalesce(s.config ->> 'identity', s.external_id)
                  and (o.created_at, o.id) < (s.created_at, s.id));

create unique index sources_identity_key on sources ((coalesce(config ->> 'identity', external_id)));
