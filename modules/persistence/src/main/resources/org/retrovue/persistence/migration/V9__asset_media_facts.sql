-- Issue 16: what the enrichers measured of each asset's file (docs/adr/0011).
--
-- duration_ms stays what the source reported (a Plex duration); media_duration_ms is what an enricher measured, and
-- wins where both are known. An asset is ready for air when it is present, its file is here and its duration
-- (measured, else reported) is above zero.
--
-- The columns hold the default streams' facts, for listing and filtering; streams and chapters hold every stream
-- and chapter as JSON. enriched_with is the source's enricher list (id@version, comma-separated, in order) that last
-- completed on the file as it was then (enriched_size, enriched_modified): an asset is enriched again when any of
-- the three differ from now, and never otherwise. It is null while an enricher declined (its tool is missing), so
-- the next run tries again. enrichment holds each enricher's outcome: {"ffprobe": {"outcome": "filled", "version":
-- "1", "reason": null}}.
alter table assets
    add column media_duration_ms  bigint,
    add column container          text,
    add column bit_rate           bigint,
    add column video_codec        text,
    add column width              integer,
    add column height             integer,
    add column frame_rate         double precision,
    add column scan_type          varchar(12),
    add column sample_aspect      text,
    add column display_aspect     text,
    add column audio_codec        text,
    add column audio_channels     integer,
    add column loudness_lufs      double precision,
    add column loudness_range_lu  double precision,
    add column true_peak_dbtp     double precision,
    add column streams            jsonb,
    add column chapters           jsonb,
    add column enriched_with      text,
    add column enriched_size      bigint,
    add column enriched_modified  timestamptz,
    add column enriched_at        timestamptz,
    add column enrichment         jsonb;
