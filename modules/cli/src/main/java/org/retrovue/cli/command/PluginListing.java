package org.retrovue.cli.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retrovue.cli.render.Text;
import org.retrovue.core.PluginRegistry;

/**
 * What {@code source list-types} and {@code enricher list-types} print alike: what the installed plugins provide, as
 * a table or as JSON under {@code key}, followed by the plugins that did not load ({@code plugin_errors}).
 */
final class PluginListing {
    private PluginListing() {}

    static int print(ContextCommand command, boolean asJson, String key, List<?> shapes, List<String> headers, List<List<String>> rows,
                     String empty) {
        List<PluginRegistry.PluginProblem> problems = command.sources().pluginProblems();
        if (asJson) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put(key, shapes);
            doc.put("plugin_errors", problems.stream().map(p -> Map.of("origin", p.origin(), "message", p.message())).toList());
            command.json(doc);
        } else {
            Text.table(command.out(), headers, rows, empty);
            for (PluginRegistry.PluginProblem p : problems) {
                command.out().println(Text.escape("plugin not loaded: " + p.origin() + ": " + p.message()));
            }
            command.out().flush();
        }
        return 0;
    }
}
