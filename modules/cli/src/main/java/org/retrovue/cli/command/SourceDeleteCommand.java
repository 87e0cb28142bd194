package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import org.retrovue.cli.Prompter;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.persistence.SourceRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a source with its collections and path mappings, in one transaction.")
final class SourceDeleteCommand extends ContextCommand {
    @Parameters(paramLabel = "SOURCE", description = "Name (any case), UUID or external id.")
    String source;

    @Option(names = "--force", description = "Do not ask for confirmation.")
    boolean force;

    @Option(names = "--json", description = "Print the deleted source as JSON.")
    boolean json;

    SourceDeleteCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        SourceRecord plan = sources().planDelete(source);
        if (!force) {
            Prompter prompter = context.environment().prompter();
            if (prompter == null) {
                throw new RetrovueException(ErrorKind.CONFLICT, "refusing to delete '" + plan.name() + "' without confirmation; pass --force");
            }
            long mappings = plan.collections().stream().mapToLong(c -> c.pathMappings().size()).sum();
            err().println("This deletes source '" + plan.name() + "' (" + plan.id() + ") with " + plan.collections().size()
                    + " collection(s) and " + mappings + " path mapping(s).");
            err().flush();
            if (!prompter.confirm("Delete it?")) {
                throw new RetrovueException(ErrorKind.CONFLICT, "not deleted: the operator declined");
            }
        }
        SourceRecord deleted = sources().delete(plan.id());
        if (json) {
            json(org.retrovue.cli.render.Shapes.source(deleted));
        } else {
            out().println("deleted source '" + deleted.name() + "' (" + deleted.id() + ") with " + deleted.collections().size() + " collection(s)");
            out().flush();
        }
        return 0;
    }
}
