package org.retrovue.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.core.Ingestability;
import org.retrovue.core.PluginRegistry;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.PathMappingRecord;

/** One collection as a {@code key: value} block (with whether it can be ingested, and why not), or as JSON. */
final class CollectionOutput {
    private CollectionOutput() {}

    static void print(ContextCommand command, CollectionRecord c, boolean json) {
        if (json) {
            command.json(Shapes.collection(c, command.context.registry()));
            return;
        }
        Text.block(command.out(), fields(c, true, command.context.registry()), "");
        for (PathMappingRecord p : c.pathMappings()) {
            command.out().println(Text.escape("  " + p.plexPath() + " -> " + p.localPath()));
        }
        command.out().flush();
    }

    /** The block's fields; {@code withSource} names the source too (not needed inside a source's own block). */
    static Map<String, String> fields(CollectionRecord c, boolean withSource, PluginRegistry registry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("collection", c.name());
        if (withSource) {
            fields.put("source", c.sourceName());
        }
        fields.put("id", c.id().toString());
        fields.put("external_id", c.externalId());
        fields.put("enabled", c.enabled() ? "yes" : "no");
        fields.put("ingestable", Ingestability.of(c, registry).describe());
        fields.put("config", Text.inline(c.config()));
        fields.put("locations", c.locations().isEmpty() ? "-" : String.join(", ", c.locations()));
        fields.put("path_mappings", c.pathMappings().isEmpty() ? "-" : String.valueOf(c.pathMappings().size()));
        return fields;
    }
}
