-- Issue 16, media recognised (SPI 1.6): an item may be an extra (a trailer, a featurette, a deleted scene ...) of
-- a movie or a show, which is never scheduled as an episode. extra_type says which kind of extra; it is set for
-- extras and only for them. Numbered 8: V7 is kept for the enricher columns being written beside this.
alter table assets drop constraint assets_kind_check;
alter table assets
    add constraint assets_kind_check check (kind in ('movie', 'episode', 'other', 'extra')),
    add column extra_type varchar(20),
    add constraint assets_extra_type_check check (extra_type in ('trailer', 'featurette', 'behind_the_scenes', 'deleted_scene',
        'interview', 'scene', 'short', 'sample', 'clip', 'theme_video', 'other')),
    add constraint assets_extra_type_kind_check check ((kind = 'extra') = (extra_type is not null));
