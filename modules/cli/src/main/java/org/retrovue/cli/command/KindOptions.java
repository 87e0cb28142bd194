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
                    .description("Option of type " + String.join(", ", entry.getValue()) + ".")
                    .descriptionKey(MARK);
            spec.addOption(builder.build());
            String fileFlag = flag + SecretOptions.FILE_SUFFIX;
            if (option.secret() && spec.findOption(fileFlag) == null && !declaredBy.containsKey(entry.getKey() + SecretOptions.FILE_SUFFIX)) {
                spec.addOption(picocli.CommandLine.Model.OptionSpec.builder(fileFlag).type(String.class).paramLabel("FILE")
                        .description("Read " + flag + " from FILE, one line (keeps it out of the command line and shell history)")
                        .descriptionKey(FILE_MARK).build());
            }
        }
        spec.usageMessage().sectionMap().put(picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> optionList(help, kinds));
        spec.usageMessage().sectionMap().put(picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, KindOptions::synopsis);
    }

    /** The usage line with the command's own options and TYPE OPTIONS in place of every kind's. */
    private static String synopsis(picocli.CommandLine.Help help) {
        CommandSpec spec = help.commandSpec();
        List<String> words = new ArrayList<>();
        for (picocli.CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
            words.add(p.paramLabel());
        }
        for (picocli.CommandLine.Model.OptionSpec option : spec.options()) {
            if (MARK.equals(option.descriptionKey()) || option.hidden()) {
                continue;
            }
            String text = option.longestName() + (option.arity().max() > 0 ? "=" + option.paramLabel() : "");
            words.add(option.required() ? text : "[" + text + "]");
        }
        words.add("[TYPE OPTIONS]");
        String start = spec.qualifiedName();
        String indent = " ".repeat("Usage: ".length() + start.length() + 1);
        StringBuilder out = new StringBuilder(start);
        int column = "Usage: ".length() + start.length();
        for (String word : words) {
            if (column + 1 + word.length() > spec.usageMessage().width()) {
                out.append(System.lineSeparator()).append(indent).append(word);
                column = indent.length() + word.length();
            } else {
                out.append(' ').append(word);
                column += 1 + word.length();
            }
        }
        return out.append(System.lineSeparator()).toString();
    }

    /**
     * The options of the help: the command's own, then those of the kind named by {@code --type} if one was given
     * (its own descriptions, forms, defaults and example), else where to find each kind's.
     */
    private static String optionList(picocli.CommandLine.Help help, List<SourceKind> kinds) {
        CommandSpec spec = help.commandSpec();
        picocli.CommandLine.Help.Layout own = help.createDefaultLayout();
        for (picocli.CommandLine.Model.OptionSpec option : spec.options()) {
            if (!MARK.equals(option.descriptionKey()) && !option.hidden()) {
                own.addOption(option, help.parameterLabelRenderer());
            }
        }
        StringBuilder out = new StringBuilder(own.toString());
        ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        String typeId = parsed != null && parsed.hasMatchedOption("--type") ? parsed.matchedOptionValue("--type", "") : "";
        SourceKind kind = kinds.stream().filter(k -> k.id().equalsIgnoreCase(typeId.strip())).findFirst().orElse(null);
        String installed = String.join(", ", kinds.stream().map(SourceKind::id).toList());
        if (kind == null) {
            out.append(System.lineSeparator()).append("Each source type has options of its own: see `retrovue source add --type TYPE --help`")
                    .append(System.lineSeparator()).append("(installed types: ").append(installed.isEmpty() ? "none" : installed).append(").")
                    .append(System.lineSeparator());
            String example = spec.name().equals("add") ? "retrovue source add --type filesystem --name \"Media Library\" --base-path /media/movies"
                    : "retrovue source " + spec.name() + " \"Media Library\" --base-path /mnt/media/movies";
            out.append(System.lineSeparator()).append("Example: ").append(example).append(System.lineSeparator());
            return out.toString();
        }
        out.append(System.lineSeparator()).append("Options of type ").append(kind.id()).append(':').append(System.lineSeparator());
        picocli.CommandLine.Help.TextTable table = picocli.CommandLine.Help.TextTable.forColumnWidths(help.colorScheme(), 30, spec.usageMessage().width() - 30);
        for (OptionSpec option : kind.options()) {
            String flag = "  --" + option.name() + " " + (option.secret() ? "SECRET" : option.type().name());
            StringBuilder text = new StringBuilder(org.retrovue.cli.render.Text.escape(option.description()));
            text.append(" (").append(option.required() ? "required; " : "").append(org.retrovue.core.OptionValues.form(option));
            if (option.defaultValue() != null) {
                text.append("; default ").append(org.retrovue.cli.render.Text.escape(option.defaultValue()));
            }
            text.append(')');
            table.addRowValues(flag, text.toString());
        }
        out.append(table);
        if (kind.example() != null) {
            out.append(System.lineSeparator()).append("Example: retrovue source add --type ").append(kind.id()).append(" --name NAME ")
                    .append(org.retrovue.cli.render.Text.escape(kind.example())).append(System.lineSeparator());
        }
        return out.toString();
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
