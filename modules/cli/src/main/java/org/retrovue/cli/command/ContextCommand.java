package org.retrovue.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.JsonOutput;
import org.retrovue.core.SourceService;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command of the tree, declared in code with picocli's model API rather than with annotations: reading
 * annotations makes the JVM generate a proxy class per annotation type on every start, which cost one-shot
 * commands ~40 ms (docs/adr/0005). Values are read from the declared options after parsing.
 */
public abstract class ContextCommand implements Callable<Integer> {
    protected final CliContext context;
    private final CommandSpec spec;

    protected ContextCommand(CliContext context, String name, String... description) {
        this.context = context;
        this.spec = CommandSpec.wrapWithoutInspection(this);
        spec.name(name);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
    }

    public CommandSpec spec() {
        return spec;
    }

    protected void footer(String... lines) {
        String[] withGap = new String[lines.length + 1];
        withGap[0] = "";
        System.arraycopy(lines, 0, withGap, 1, lines.length);
        spec.usageMessage().footer(withGap);
    }

    /** A boolean flag. */
    protected OptionSpec flag(String name, String description) {
        OptionSpec option = OptionSpec.builder(name).arity("0").type(boolean.class).description(description).build();
        spec.addOption(option);
        return option;
    }

    /** An option with one value. */
    protected OptionSpec option(String name, String label, boolean required, String description, Iterable<String> completions) {
        OptionSpec.Builder builder = OptionSpec.builder(name).type(String.class).paramLabel(label).required(required).description(description);
        if (completions != null) {
            builder.completionCandidates(completions);
        }
        OptionSpec option = builder.build();
        spec.addOption(option);
        return option;
    }

    /** An option that may be given several times, each with one value; {@link #values} reads them in order. */
    protected OptionSpec repeatable(String name, String label, String description) {
        OptionSpec option = OptionSpec.builder(name).type(java.util.List.class).auxiliaryTypes(String.class).arity("1").paramLabel(label)
                .description(description).build();
        spec.addOption(option);
        return option;
    }

    protected static java.util.List<String> values(OptionSpec option) {
        java.util.List<String> given = option.getValue();
        return given == null ? java.util.List.of() : given;
    }

    /** The {@code --json} flag. */
    protected OptionSpec jsonFlag() {
        return flag("--json", "Print JSON (shape in docs/cli.md).");
    }

    /** A positional parameter; {@code arity} "1" for required, "0..1" for optional. */
    protected PositionalParamSpec parameter(String label, String arity, String description) {
        // required as its arity says: the model API (unlike annotations) does not infer it, and a missing one was null
        PositionalParamSpec parameter = PositionalParamSpec.builder().paramLabel(label).arity(arity).type(String.class)
                .required(!arity.startsWith("0")).index(String.valueOf(spec.positionalParameters().size())).description(description).build();
        spec.addPositional(parameter);
        return parameter;
    }

    protected static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }

    protected static String value(picocli.CommandLine.Model.ArgSpec arg) {
        return arg.getValue();
    }

    /** A whole-number option's value ({@code otherwise} when it is not given), refused (usage) below {@code minimum}. */
    protected static int wholeNumber(OptionSpec option, int otherwise, int minimum) {
        String given = option.getValue();
        if (given == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(given.strip());
            if (n >= minimum) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new org.retrovue.core.RetrovueException(org.retrovue.core.ErrorKind.USAGE,
                option.longestName() + " takes a whole number, " + minimum + " or more, not '" + given + "'");
    }

    /** Whether {@code --debug} was given (it may stand anywhere on the command line: picocli copies it to every command). */
    protected boolean debug() {
        for (picocli.CommandLine.ParseResult p = spec.root().commandLine().getParseResult(); p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    protected PrintWriter out() {
        return context.environment().out();
    }

    protected PrintWriter err() {
        return context.environment().err();
    }

    protected SourceService sources() {
        return context.sources();
    }

    protected void json(Object document) {
        JsonOutput.print(out(), document);
    }
}
