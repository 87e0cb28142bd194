package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.retrovue.cli.render.Text;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.OptionValues;
import org.retrovue.core.RetrovueException;
import org.retrovue.core.ShellWord;
import org.retrovue.core.SourceService.CurrentOptions;
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

    /**
     * Adds one flag per distinct option name across {@code kinds}; names the command already has are skipped.
     * {@code current} finds a source's kind and option values for {@code source update SOURCE --help}.
     */
    public static void install(CommandSpec spec, List<SourceKind> kinds, Function<String, CurrentOptions> current) {
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
                help -> optionList(help, kinds, current));
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
            if (isKindOption(option) || option.hidden()) {
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
     * The options of the help: the command's own, then those of one kind with their own descriptions, forms and
     * defaults: for {@code add}, the kind named by {@code --type}; for {@code update SOURCE}, the source's kind, with
     * each option's value now (a secret one only as set or not set) and how to clear one. Without either, where to
     * find each kind's. Only a parse that asked for this help counts (a shell keeps the last parse of each command).
     */
    private static String optionList(picocli.CommandLine.Help help, List<SourceKind> kinds, Function<String, CurrentOptions> current) {
        CommandSpec spec = help.commandSpec();
        picocli.CommandLine.Help.Layout own = help.createDefaultLayout();
        for (picocli.CommandLine.Model.OptionSpec option : spec.options()) {
            if (!isKindOption(option) && !option.hidden()) {
                own.addOption(option, help.parameterLabelRenderer());
            }
        }
        StringBuilder out = new StringBuilder(own.toString());
        ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        boolean asked = parsed != null && parsed.isUsageHelpRequested();
        boolean adding = spec.name().equals("add");
        if (!adding) {
            String identifier = asked && parsed.hasMatchedPositional(0) ? parsed.matchedPositionalValue(0, "") : null;
            if (identifier == null) {
                return general(out, spec, kinds);
            }
            CurrentOptions source = current.apply(identifier);
            kindTable(out, help, source.kind(), source.values());
            clearing(out, source);
            return out.toString();
        }
        String typeId = asked && parsed.hasMatchedOption("--type") ? parsed.matchedOptionValue("--type", "") : "";
        SourceKind kind = kinds.stream().filter(k -> k.id().equalsIgnoreCase(typeId.strip())).findFirst().orElse(null);
        if (kind == null) {
            return general(out, spec, kinds);
        }
        kindTable(out, help, kind, null);
        if (kind.example() != null) {
            out.append(System.lineSeparator()).append("Example: retrovue source add --type ").append(kind.id()).append(" --name NAME ")
                    .append(Text.escape(kind.example())).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Where to find each kind's options, when the help is not about one. */
    private static String general(StringBuilder out, CommandSpec spec, List<SourceKind> kinds) {
        String installed = String.join(", ", kinds.stream().map(SourceKind::id).toList());
        boolean adding = spec.name().equals("add");
        out.append(System.lineSeparator()).append(adding ? "Each source type has options of its own: see `retrovue source add --type TYPE --help`"
                        : "A source's options, with their values now: see `retrovue source update SOURCE --help`")
                .append(System.lineSeparator()).append("(installed types: ").append(installed.isEmpty() ? "none" : installed).append(").")
                .append(System.lineSeparator());
        String example = adding ? "retrovue source add --type filesystem --name \"Media Library\" --base-path /media/movies"
                : "retrovue source " + spec.name() + " \"Media Library\" --base-path /mnt/media/movies";
        out.append(System.lineSeparator()).append("Example: ").append(example).append(System.lineSeparator());
        return out.toString();
    }

    /** One row per option of {@code kind}; with {@code now} (a source's values), each option's value now. */
    private static void kindTable(StringBuilder out, picocli.CommandLine.Help help, SourceKind kind, Map<String, Object> now) {
        out.append(System.lineSeparator()).append("Options of type ").append(kind.id()).append(':').append(System.lineSeparator());
        int width = help.commandSpec().usageMessage().width();
        picocli.CommandLine.Help.TextTable table = picocli.CommandLine.Help.TextTable.forColumnWidths(help.colorScheme(), 30, width - 30);
        for (OptionSpec option : kind.options()) {
            String flag = "  --" + option.name() + " " + (option.secret() ? "SECRET" : option.type().name());
            StringBuilder text = new StringBuilder(Text.escape(option.description()));
            text.append(" (").append(option.required() ? "required; " : "").append(OptionValues.form(option));
            if (option.defaultValue() != null) {
                text.append("; default ").append(Text.escape(option.defaultValue()));
            }
            text.append(')');
            if (now != null) {
                text.append(". Now: ").append(valueNow(option, now.get(option.name())));
            }
            table.addRowValues(flag, text.toString());
            String fileName = option.name() + SecretOptions.FILE_SUFFIX;
            if (option.secret() && kind.options().stream().noneMatch(o -> o.name().equals(fileName))) {
                table.addRowValues("  --" + option.name() + SecretOptions.FILE_SUFFIX + " FILE",
                        "Read --" + option.name() + " from FILE, one line (keeps it out of the command line and shell history); --"
                                + option.name() + " - asks for it on the terminal.");
            }
        }
        out.append(table);
    }

    /** An option's value now as help shows it: a secret one is never shown, only whether it is set. */
    private static String valueNow(OptionSpec option, Object value) {
        boolean set = value != null && !OptionValues.text(value).isEmpty();
        if (option.secret()) {
            return set ? "set" : "not set";
        }
        if (!set) {
            return option.defaultValue() == null ? "not set" : "not set (the default applies)";
        }
        return Text.escape(OptionValues.text(value));
    }

    /** Whether {@code option} is one of a kind's (or the {@code -file} form of one), not the command's own. */
    private static boolean isKindOption(picocli.CommandLine.Model.OptionSpec option) {
        return MARK.equals(option.descriptionKey()) || FILE_MARK.equals(option.descriptionKey());
    }

    /** How an optional option is cleared, shown on one the source has set (else its kind's first optional one). */
    private static void clearing(StringBuilder out, CurrentOptions source) {
        List<OptionSpec> optional = source.kind().options().stream().filter(o -> !o.required()).toList();
        OptionSpec shown = optional.stream().filter(o -> !o.secret() && source.values().get(o.name()) != null).findFirst()
                .orElse(optional.isEmpty() ? null : optional.getFirst());
        out.append(System.lineSeparator());
        if (shown == null) {
            out.append("Every option of type ").append(source.kind().id()).append(" is required: none can be cleared.").append(System.lineSeparator());
            return;
        }
        out.append("An optional option is cleared, back to its default, with --NAME \"\":").append(System.lineSeparator())
                .append("Example: retrovue source update ").append(Text.escape(ShellWord.of(source.sourceName()))).append(" --")
                .append(shown.name()).append(" \"\"").append(System.lineSeparator());
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
