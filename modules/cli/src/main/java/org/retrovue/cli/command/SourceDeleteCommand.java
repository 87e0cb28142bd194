package org.retrovue.cli.command;

import org.retrovue.cli.render.Text;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.Prompter;
import org.retrovue.cli.render.Shapes;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.persistence.SourceRecord;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class SourceDeleteCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "1", "Name (any case), UUID or external id.");
    private final OptionSpec force = flag("--force", "Do not ask for confirmation.");
    private final OptionSpec json = flag("--json", "Print the deleted source as JSON.");

    SourceDeleteCommand(CliContext context) {
        super(context, "delete", "Delete a source with its collections and path mappings, in one transaction.");
    }

    @Override
    public Integer call() {
        SourceRecord plan = sources().planDelete(value(source));
        if (!isSet(force)) {
            Prompter prompter = context.environment().prompter();
            if (prompter == null || !prompter.available()) {
                throw new RetrovueException(ErrorKind.CONFLICT, "refusing to delete '" + plan.name() + "' without confirmation; pass --force");
            }
            long mappings = plan.collections().stream().mapToLong(c -> c.pathMappings().size()).sum();
            long items = context.ingest().summaries(plan.collections()).values().stream().mapToLong(i -> i.present() + i.missing()).sum();
            err().println(Text.escape("This deletes source '" + plan.name() + "' (" + plan.id() + ") with " + plan.collections().size()
                    + " collection(s), " + mappings + " path mapping(s) and " + String.format(java.util.Locale.ROOT, "%,d", items)
                    + " ingested item(s)."));
            err().flush();
            if (!prompter.confirm("Delete it?")) {
                err().println("Not deleted."); // the operator's answer, not an error: exit 0
                err().flush();
                return 0;
            }
        }
        SourceRecord deleted = sources().delete(plan.id());
        if (isSet(json)) {
            json(Shapes.source(deleted, context.registry()));
        } else {
            out().println(Text.escape("deleted source '" + deleted.name() + "' (" + deleted.id() + ") with " + deleted.collections().size() + " collection(s)"));
            out().flush();
        }
        return 0;
    }
}
