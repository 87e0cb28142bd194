package org.retrovue.cli.command;

import java.util.List;
import org.retrovue.cli.CatalogNames;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Text;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.pg.ServerStatus;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code completion}: the bash completion script; with the hidden {@code --names WHAT}, the source or collection
 * names that the script offers, one a line, read from a database that is up (it starts nothing: a Tab must not).
 */
final class CompletionCommand extends ContextCommand {
    private final OptionSpec names = OptionSpec.builder("--names").type(String.class).paramLabel("WHAT").hidden(true)
            .description("For the script: the names to offer, one a line: sources, collections or qualified-collections.").build();

    CompletionCommand(CliContext context) {
        super(context, "completion", "Print the bash completion script.",
                "Use: source <(retrovue completion). It completes commands, options, their values, files, and source and collection names.");
        spec().addOption(names);
    }

    @Override
    public Integer call() {
        String what = names.getValue();
        if (what == null) {
            out().print(BashCompletionScript.of(spec().root().commandLine()));
        } else {
            List<CatalogNames.Name> offered = switch (what) {
                case "sources" -> databaseUp() ? new CatalogNames(context).sources() : List.of();
                case "collections", "qualified-collections" ->
                        databaseUp() ? new CatalogNames(context).collections(what.startsWith("q")) : List.of();
                default -> throw new RetrovueException(ErrorKind.USAGE, "--names takes sources, collections or qualified-collections");
            };
            for (CatalogNames.Name name : offered) {
                if (Text.escape(name.value()).equals(name.value())) { // one a line, and nothing that acts on a terminal
                    out().println(name.value());
                }
            }
        }
        out().flush();
        return 0;
    }

    /** An external database is asked (it may not answer: then no names); the embedded one only when it is running. */
    private boolean databaseUp() {
        if (context.locator().external().isPresent()) {
            return true;
        }
        ServerStatus embedded = context.locator().embeddedStatus();
        return embedded.running() && embedded.securityProblem().isEmpty();
    }
}
