package org.retrovue.cli.command;

import java.util.List;
import org.retrovue.cli.render.Text;

/** What a source said it left out when asked for its collections: {@code warning:} lines on stderr, or a JSON array. */
final class Warnings {
    private Warnings() {}

    static void print(ContextCommand command, List<String> warnings) {
        for (String warning : warnings) {
            command.err().println("warning: " + Text.escape(Text.withoutClassNames(warning)));
        }
        command.err().flush();
    }

    static List<String> forJson(List<String> warnings) {
        return warnings.stream().map(Text::withoutClassNames).toList();
    }
}
