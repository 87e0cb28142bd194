package org.retrovue.cli.render;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retrovue.core.Enrichers;
import org.retrovue.core.SourceKindInfo;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.PathMappingRecord;
import org.retrovue.persistence.SourceRecord;
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
    public static Map<String, Object> sourceSummary(SourceRecord s) {
        Map<String, Object> m = sourceFields(s);
        m.put("collections_enabled", s.enabledCollections());
        m.put("collections_total", s.collections().size());
        return m;
    }

    private static Map<String, Object> sourceFields(SourceRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("external_id", s.externalId());
        m.put("name", s.name());
        m.put("kind", s.kind());
        m.put("config", s.config());
        m.put("enrichers", enrichers(s));
        m.put("created_at", timestamp(s.createdAt()));
        m.put("updated_at", timestamp(s.updatedAt()));
        return m;
    }

    public static List<String> enrichers(SourceRecord s) {
        Object value = s.config() == null ? null : s.config().get(Enrichers.CONFIG_KEY);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
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
