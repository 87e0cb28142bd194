-- Issue 15, items 3 and 9.
--
-- A source's config column was shared by its plugin and the program: the plugin's configuration plus the keys the
-- program added (enrichers, identity, identity_unverified). The program's keys move to a column of their own,
-- settings, so config is exactly what the plugin's validate returned and what its connect receives.
--
-- options keeps the option values the operator gave (keyed by option name, typed), so `source update` rebuilds the
-- plugin's config from them, whatever the plugin calls and types its keys. Sources stored before this have none
-- (null); the program derives them once from their config when they are next updated.
alter table sources add column options jsonb, add column settings jsonb;

update sources
   set settings = jsonb_strip_nulls(jsonb_build_object(
                      'enrichers', config -> 'enrichers',
                      'identity', config -> 'identity',
                      'identity_unverified', config -> 'identity_unverified')),
       config = config - 'enrichers' - 'identity' - 'identity_unverified'
 where config is not null;

drop index sources_identity_key;
create unique index sources_identity_key on sources ((coalesce(settings ->> 'identity', external_id)));
