package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec.Builder;
import picocli.CommandLine.ParseResult;

/**
 * Turns the options that source kinds declare into flags of {@code source add} and {@code source update} at run
 * time, so a plugin's options get flags, help and completion with no change here.
 */
public final class KindOptions {
    private static final String MARK = "retrovue.kind-option";
    /** The mark of a {@code --NAME-file} flag, which reads a secret option from a file (SecretOptions). */
    static final String FILE_MARK = "retrovue.kind-option-file";
    private KindOptions() {}

    /** Adds one flag per distinct option name across {@code kinds}; names the command already has are skipped. */
    public static void install(CommandSpec spec, List<SourceKind> kinds) {
        Map<String, List<String>> declaredBy = new TreeMap<>();
        Map<String, OptionSpec> first = new LinkedHashMap<>();
        for (SourceKind kind : kinds) {
            for (OptionSpec option : kind.options()) {
                declaredBy.computeIfAbsent(option.name(), n -> new ArrayList<>()).add(kind.id());
                first.putIfAbsent(option.name(), option);
            }
        }
        for (Map.Entry<String, List<String>> entry : declaredBy.entrySet()) {
            String flag = "--" + entry.getKey();
            if (spec.findOption(flag) != null) {
                continue;
            }
            OptionSpec option = first.get(entry.getKey());
            Builder builder = picocli.CommandLine.Model.OptionSpec.builder(flag)
                    .type(String.class)
                    .paramLabel(option.secret() ? "SECRET" : option.type().name())
                    .description(option.description() + " (type " + String.join(", ", entry.getValue()) + ")")
                    .descriptionKey(MARK);
            spec.addOption(builder.build());
            String fileFlag = flag + SecretOptions.FILE_SUFFIX;
            if (option.secret() && spec.findOption(fileFlag) == null && !declaredBy.containsKey(entry.getKey() + SecretOptions.FILE_SUFFIX)) {
                spec.addOption(picocli.CommandLine.Model.OptionSpec.builder(fileFlag).type(String.class).paramLabel("FILE")
                        .description("Read " + flag + " from FILE, one line (keeps it out of the command line and shell history)")
                        .descriptionKey(FILE_MARK).build());
            }
        }
    }

    /** The kind options given on the command line; one that {@code kind} does not take is a usage error. */
    public static Map<String, String> given(CommandSpec spec, SourceKind kind) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> own = kind.options().stream().map(OptionSpec::name).toList();
        for (picocli.CommandLine.Model.OptionSpec matched : parsed.matchedOptions()) {
            if (!MARK.equals(matched.descriptionKey())) {
                continue; // an option of the command itself
            }
            String name = matched.longestName().substring(2);
            if (!own.contains(name)) {
                throw new RetrovueException(ErrorKind.USAGE, "--" + name + " is not an option of type " + kind.id()
                        + (own.isEmpty() ? "" : "; its options: " + String.join(", ", own.stream().map(o -> "--" + o).toList())));
            }
            values.put(name, matched.getValue());
        }
        return values;
    }
}
