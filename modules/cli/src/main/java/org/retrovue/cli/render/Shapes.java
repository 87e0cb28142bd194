package org.retrovue.cli.render;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.retrovue.core.EnricherInfo;
import org.retrovue.core.Enrichers;
import org.retrovue.core.IngestReport;
import org.retrovue.core.Ingestability;
import org.retrovue.core.PluginRegistry;
import org.retrovue.core.SourceKindInfo;
import org.retrovue.persistence.AssetEnrichment;
import org.retrovue.persistence.AssetMedia;
import org.retrovue.persistence.AssetRecord;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.IngestRecord;
import org.retrovue.persistence.IngestSummary;
import org.retrovue.persistence.PathMappingRecord;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.persistence.SourceSummary;
import org.retrovue.spi.OptionSpec;

/**
 * The JSON shape of every record the CLI prints (docs/cli.md): the seed's field names in snake_case,
 * timestamps as ISO-8601 with offset. Keep this and docs/cli.md in step; tests check both.
 */
public final class Shapes {
    private Shapes() {}

    /** An ingest's report (source ingest). */
    public static Map<String, Object> ingestReport(IngestReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dry_run", report.dryRun());
        m.put("duration_ms", report.durationMillis());
        List<Map<String, Object>> collections = new java.util.ArrayList<>();
        for (IngestReport.CollectionReport c : report.collections()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("collection_id", c.collectionId().toString());
            r.put("source", c.source());
            r.put("collection", c.collection());
            r.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
            r.put("reason", Text.withoutClassNames(c.reason()));
            r.put("counts", c.counts().isEmpty() ? null : c.counts());
            r.put("duration_ms", c.durationMillis());
            r.put("warnings", c.warnings().stream().map(Text::withoutClassNames).toList());
            collections.add(r);
        }
        m.put("collections", collections);
        return m;
    }

    /** An ingested item (source assets). */
    public static Map<String, Object> asset(AssetRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("collection_id", a.collectionId().toString());
        m.put("key", a.key());
        m.put("remote_path", a.remotePath());
        m.put("local_path", a.localPath());
        m.put("file_present", a.filePresent());
        m.put("size", a.size() < 0 ? null : a.size());
        m.put("modified", timestamp(a.modified()));
        m.put("duration_ms", a.duration());
        m.put("reported_duration_ms", a.durationMillis());
        m.put("ready", a.ready());
        m.put("not_ready_reason", a.notReadyReason());
        m.put("title", a.title());
        m.put("kind", a.kind());
        m.put("extra_type", a.extraType());
        m.put("show", a.show());
        m.put("season", a.season());
        m.put("episode", a.episode());
        m.put("episode_end", a.episodeEnd());
        m.put("year", a.year());
        m.put("air_date", a.airDate() == null ? null : a.airDate().toString());
        m.put("provider_ids", new java.util.TreeMap<>(a.providerIds()));
        m.put("version", a.version());
        m.put("state", a.state());
        m.put("first_seen", timestamp(a.firstSeen()));
        m.put("last_seen", timestamp(a.lastSeen()));
        m.put("last_changed", timestamp(a.lastChanged()));
        m.put("media", media(a.media()));
        m.put("enrichment", enrichment(a.enrichment()));
        return m;
    }

    /** What enrichers measured of an item's file (source assets); every value null when not measured. */
    private static Map<String, Object> media(AssetMedia media) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("duration_ms", media.durationMillis());
        m.put("container", media.container());
        m.put("bit_rate", media.bitRate());
        m.put("video_codec", media.videoCodec());
        m.put("width", media.width());
        m.put("height", media.height());
        m.put("frame_rate", media.frameRate());
        m.put("scan_type", media.scanType());
        m.put("sample_aspect", media.sampleAspect());
        m.put("display_aspect", media.displayAspect());
        m.put("audio_codec", media.audioCodec());
        m.put("audio_channels", media.audioChannels());
        Map<String, Object> loudness = null;
        if (media.loudnessLufs() != null) {
            loudness = new LinkedHashMap<>();
            loudness.put("integrated_lufs", media.loudnessLufs());
            loudness.put("range_lu", media.loudnessRangeLu());
            loudness.put("true_peak_dbtp", media.truePeakDbtp());
            loudness.put("gain_to_minus_24_lufs_db", Math.round((-24.0 - media.loudnessLufs()) * 100) / 100.0);
        }
        m.put("loudness", loudness);
        m.put("streams", media.streams());
        m.put("chapters", media.chapters());
        return m;
    }

    private static Map<String, Object> enrichment(AssetEnrichment enrichment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enriched_with", enrichment.enrichedWith());
        m.put("enriched_at", timestamp(enrichment.at()));
        m.put("results", enrichment.outcomes());
        return m;
    }

    /** A source with its collections (show, add, update, enrichers, delete); {@code registry} knows their kinds. */
    public static Map<String, Object> source(SourceRecord s, PluginRegistry registry) {
        Map<String, Object> m = sourceFields(s);
        m.put("collections", s.collections().stream().map(c -> collection(c, registry)).toList());
        return m;
    }

    /** A source in a list: its fields and collection counts. */
    public static Map<String, Object> sourceSummary(SourceSummary s) {
        Map<String, Object> m = sourceFields(s.id(), s.externalId(), s.name(), s.kind(), s.config(), s.options(), s.settings(), s.createdAt(), s.updatedAt());
        m.put("collections_enabled", s.enabledCollections());
        m.put("collections_total", s.totalCollections());
        return m;
    }

    private static Map<String, Object> sourceFields(SourceRecord s) {
        return sourceFields(s.id(), s.externalId(), s.name(), s.kind(), s.config(), s.options(), s.settings(), s.createdAt(), s.updatedAt());
    }

    private static Map<String, Object> sourceFields(UUID id, String externalId, String name, String kind, Map<String, Object> config,
                                                    Map<String, Object> options, Map<String, Object> settings,
                                                    OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("external_id", externalId);
        m.put("name", name);
        m.put("kind", kind);
        m.put("options", options);
        m.put("config", config);
        m.put("enrichers", enrichers(settings));
        m.put("enricher_options", settings.get(Enrichers.OPTIONS_KEY) instanceof Map<?, ?> values ? values : Map.of());
        m.put("identity", settings.get("identity") instanceof String identity ? identity : externalId);
        m.put("identity_unverified", Boolean.TRUE.equals(settings.get("identity_unverified")));
        m.put("created_at", timestamp(createdAt));
        m.put("updated_at", timestamp(updatedAt));
        return m;
    }

    /** The enricher list kept in a source's settings. */
    public static List<String> enrichers(Map<String, Object> settings) {
        Object value = settings == null ? null : settings.get(Enrichers.SETTINGS_KEY);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>(list.size());
        for (Object item : list) {
            names.add(String.valueOf(item));
        }
        return names;
    }

    public static Map<String, Object> collection(CollectionRecord c, PluginRegistry registry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("source_id", c.sourceId().toString());
        m.put("source_name", c.sourceName());
        m.put("external_id", c.externalId());
        m.put("name", c.name());
        m.put("enabled", c.enabled());
        m.put("config", c.config());
        m.put("locations", c.locations());
        m.put("missing", c.missing());
        m.put("created_at", timestamp(c.createdAt()));
        m.put("path_mappings", c.pathMappings().stream().map(Shapes::pathMapping).toList());
        Ingestability ingestability = Ingestability.of(c, registry);
        m.put("ingestable", ingestability.ingestable());
        m.put("not_ingestable_reasons", ingestability.reasons());
        return m;
    }

    /** A collection with its assets and last ingest (source collections, source show). */
    public static Map<String, Object> collection(CollectionRecord c, IngestSummary ingest, PluginRegistry registry) {
        Map<String, Object> m = collection(c, registry);
        Map<String, Object> assets = new LinkedHashMap<>();
        assets.put("present", ingest.present());
        assets.put("missing", ingest.missing());
        m.put("assets", assets);
        IngestRecord last = ingest.lastIngest();
        Map<String, Object> lastIngest = null;
        if (last != null) {
            lastIngest = new LinkedHashMap<>();
            lastIngest.put("at", timestamp(last.at()));
            lastIngest.put("outcome", last.outcome());
            Map<String, Object> counts = new LinkedHashMap<>(last.counts() == null ? Map.of() : last.counts());
            Object error = counts.remove("error"); // stored beside the counts; a failure's reason, not a count
            lastIngest.put("counts", counts.isEmpty() ? null : counts);
            lastIngest.put("error", error);
            lastIngest.put("version", last.version());
            lastIngest.put("last_complete_at", timestamp(last.lastCompleteAt()));
        }
        m.put("last_ingest", lastIngest);
        return m;
    }

    /** A source with its collections, each with its assets and last ingest (source show). */
    public static Map<String, Object> source(SourceRecord s, Map<UUID, IngestSummary> ingest, PluginRegistry registry) {
        Map<String, Object> m = sourceFields(s);
        m.put("collections", s.collections().stream().map(c -> collection(c, ingest.getOrDefault(c.id(), IngestSummary.NONE), registry)).toList());
        return m;
    }

    /** "1,234 present, 5 missing" and the last ingest, for text output. */
    public static String assetsText(IngestSummary ingest) {
        return String.format(java.util.Locale.ROOT, "%,d present, %,d missing", ingest.present(), ingest.missing());
    }

    public static String lastIngestText(IngestSummary ingest) {
        IngestRecord last = ingest.lastIngest();
        return last == null ? "never" : timestamp(last.at()) + " " + last.outcome();
    }

    public static Map<String, Object> pathMapping(PathMappingRecord p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().toString());
        m.put("collection_id", p.collectionId().toString());
        m.put("plex_path", p.plexPath());
        m.put("local_path", p.localPath());
        return m;
    }

    public static Map<String, Object> kind(SourceKindInfo k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("description", k.description());
        m.put("module", k.module());
        m.put("origin", k.origin());
        m.put("version", k.version());
        m.put("built_for_spi", k.builtForSpi());
        m.put("options", k.options().stream().map(Shapes::option).toList());
        return m;
    }

    /** An installed enricher (enricher list-types). */
    public static Map<String, Object> enricher(EnricherInfo e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("description", e.description());
        m.put("version", e.version());
        m.put("module", e.module());
        m.put("module_version", e.moduleVersion());
        m.put("origin", e.origin());
        m.put("options", e.options().stream().map(o -> {
            Map<String, Object> option = option(o);
            option.put("flag", "--set " + e.id() + "." + o.name() + "=" + o.type().name()); // how `source enrichers` sets it
            return option;
        }).toList());
        m.put("available", e.unavailable() == null);
        m.put("unavailable_reason", e.unavailable());
        return m;
    }

    private static Map<String, Object> option(OptionSpec o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("flag", "--" + o.name());
        m.put("description", o.description());
        m.put("type", o.type().name().toLowerCase());
        m.put("required", o.required());
        m.put("secret", o.secret());
        return m;
    }

    public static String timestamp(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
