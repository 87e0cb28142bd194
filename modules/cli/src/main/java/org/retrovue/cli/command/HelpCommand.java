package org.retrovue.cli.command;

import java.util.List;
import org.retrovue.cli.CliContext;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code help [COMMAND...]}: the usage of the root or of the named command. */
final class HelpCommand extends ContextCommand {
    private final PositionalParamSpec path;

    HelpCommand(CliContext context) {
        super(context, "help", "Show the usage of a command: help, help source, help source add.");
        path = PositionalParamSpec.builder().paramLabel("COMMAND").arity("0..*").type(List.class).auxiliaryTypes(String.class)
                .description("The command to describe.").build();
        spec().addPositional(path);
    }

    @Override
    public Integer call() {
        CommandLine target = spec().root().commandLine();
        List<String> words = path.getValue();
        for (String word : words == null ? List.<String>of() : words) {
            CommandLine next = target.getSubcommands().get(word);
            if (next == null) {
                throw new RetrovueException(ErrorKind.USAGE, org.retrovue.cli.Suggestions.unknownCommand(word, target));
            }
            target = next;
        }
        target.usage(out());
        return 0;
    }
}
