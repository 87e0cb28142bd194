package org.retrovue.cli.render;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.retrovue.core.Enrichers;
import org.retrovue.core.Ingestability;
import org.retrovue.core.SourceKindInfo;
import org.retrovue.persistence.CollectionRecord;
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

    /** A source with its collections (show, add, update, enrichers, delete). */
    public static Map<String, Object> source(SourceRecord s) {
        Map<String, Object> m = sourceFields(s);
        m.put("collections", s.collections().stream().map(Shapes::collection).toList());
        return m;
    }

    /** A source in a list: its fields and collection counts. */
    public static Map<String, Object> sourceSummary(SourceSummary s) {
        Map<String, Object> m = sourceFields(s.id(), s.externalId(), s.name(), s.kind(), s.config(), s.createdAt(), s.updatedAt());
        m.put("collections_enabled", s.enabledCollections());
        m.put("collections_total", s.totalCollections());
        return m;
    }

    private static Map<String, Object> sourceFields(SourceRecord s) {
        return sourceFields(s.id(), s.externalId(), s.name(), s.kind(), s.config(), s.createdAt(), s.updatedAt());
    }

    private static Map<String, Object> sourceFields(UUID id, String externalId, String name, String kind, Map<String, Object> config,
                                                    OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("external_id", externalId);
        m.put("name", name);
        m.put("kind", kind);
        m.put("config", config);
        m.put("enrichers", enrichers(config));
        m.put("created_at", timestamp(createdAt));
        m.put("updated_at", timestamp(updatedAt));
        return m;
    }

    public static List<String> enrichers(Map<String, Object> config) {
        Object value = config == null ? null : config.get(Enrichers.CONFIG_KEY);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>(list.size());
        for (Object item : list) {
            names.add(String.valueOf(item));
        }
        return names;
    }

    public static Map<String, Object> collection(CollectionRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("source_id", c.sourceId().toString());
        m.put("source_name", c.sourceName());
        m.put("external_id", c.externalId());
        m.put("name", c.name());
        m.put("enabled", c.enabled());
        m.put("config", c.config());
        m.put("created_at", timestamp(c.createdAt()));
        m.put("path_mappings", c.pathMappings().stream().map(Shapes::pathMapping).toList());
        Ingestability ingestability = Ingestability.of(c);
        m.put("ingestable", ingestability.ingestable());
        m.put("not_ingestable_reasons", ingestability.reasons());
        return m;
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
        m.put("options", k.options().stream().map(Shapes::option).toList());
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
