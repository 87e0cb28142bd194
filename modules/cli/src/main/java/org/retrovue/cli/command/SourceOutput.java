package org.retrovue.cli.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.IngestSummary;
import org.retrovue.persistence.PathMappingRecord;
import org.retrovue.persistence.SourceRecord;

/** One source as a {@code key: value} block with its collections, or as JSON. */
final class SourceOutput {
    private SourceOutput() {}

    static void print(ContextCommand command, SourceRecord s, boolean json) {
        print(command, s, json, null);
    }

    /** With {@code ingest}, each collection shows its assets and last ingest too (source show). */
    static void print(ContextCommand command, SourceRecord s, boolean json, Map<UUID, IngestSummary> ingest) {
        if (json) {
            command.json(ingest == null ? Shapes.source(s, command.context.registry()) : Shapes.source(s, ingest, command.context.registry()));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", s.id().toString());
        fields.put("name", s.name());
        fields.put("type", s.kind());
        fields.put("external_id", s.externalId());
        if (s.options() != null) {
            fields.put("options", Text.inline(s.options()));
        }
        fields.put("config", Text.inline(s.config() == null ? Map.of() : s.config()));
        List<String> enrichers = Shapes.enrichers(s.settings());
        fields.put("enrichers", enrichers.isEmpty() ? "-" : String.join(", ", enrichers));
        fields.put("collections", s.enabledCollections() + " enabled of " + s.collections().size());
        fields.put("created_at", Shapes.timestamp(s.createdAt()));
        fields.put("updated_at", Shapes.timestamp(s.updatedAt()));
        Text.block(command.out(), fields, "");
        for (CollectionRecord c : s.collections()) {
            command.out().println();
            Map<String, String> collectionFields = CollectionOutput.fields(c, false, command.context.registry());
            if (ingest != null) {
                collectionFields.put("assets", Shapes.assetsText(ingest.get(c.id())));
                collectionFields.put("last_ingest", Shapes.lastIngestText(ingest.get(c.id())));
            }
            Text.block(command.out(), collectionFields, "  ");
            for (PathMappingRecord p : c.pathMappings()) {
                command.out().println(Text.escape("    " + p.plexPath() + " -> " + p.localPath()));
            }
        }
        command.out().flush();
    }
}
