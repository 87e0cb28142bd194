package org.retrovue.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.retrovue.cli.CliEnvironment;
import org.retrovue.cli.Prompter;
import org.retrovue.cli.render.Text;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceKind;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a secret option's value comes from besides the command line, where {@code ps} and shell history would keep
 * it: {@code --NAME-file FILE}, {@code --NAME -} (asked on the terminal without echo), and, for {@code source add},
 * the variable {@code RETROVUE_<TYPE>_<NAME>} or, on a terminal, the same question when it is not given at all.
 */
public final class SecretOptions {
    /** The suffix of the flag that reads a secret option from a file. */
    static final String FILE_SUFFIX = "-file";
    /** The largest secret file read: a token is tens of bytes; a larger file is a mistake. */
    private static final long MAX_FILE = 64 * 1024;

    private SecretOptions() {}

    /** The variable {@code source add} reads a secret option of {@code kind} from: plex --token from RETROVUE_ + PLEX_TOKEN. */
    public static String variable(SourceKind kind, OptionSpec option) {
        return "RETROVUE_" + (kind.id() + "_" + option.name()).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * {@code given} (the kind options typed) with each of the kind's secret options taken from where the operator
     * said; on {@code adding}, a missing one from its variable, else asked for on a terminal.
     */
    static Map<String, String> resolve(CommandSpec spec, SourceKind kind, Map<String, String> given, boolean adding, CliEnvironment environment) {
        Map<String, String> values = new LinkedHashMap<>(given);
        for (picocli.CommandLine.Model.OptionSpec matched : spec.commandLine().getParseResult().matchedOptions()) {
            if (KindOptions.FILE_MARK.equals(matched.descriptionKey())) {
                String flag = matched.longestName();
                String base = flag.substring(2, flag.length() - FILE_SUFFIX.length());
                if (kind.options().stream().noneMatch(o -> o.secret() && o.name().equals(base))) {
                    throw new RetrovueException(ErrorKind.USAGE, flag + " is not an option of type " + kind.id());
                }
            }
        }
        for (OptionSpec option : kind.options()) {
            if (!option.secret()) {
                continue;
            }
            String flag = "--" + option.name();
            picocli.CommandLine.Model.OptionSpec fileOption = spec.findOption(flag + FILE_SUFFIX);
            String file = fileOption != null && spec.commandLine().getParseResult().hasMatchedOption(fileOption) ? fileOption.getValue() : null;
            String typed = values.get(option.name());
            if (file != null && typed != null) {
                throw new RetrovueException(ErrorKind.USAGE, "give " + flag + " or " + flag + FILE_SUFFIX + ", not both");
            }
            if (file != null) {
                values.put(option.name(), fromFile(flag + FILE_SUFFIX, file, environment));
            } else if ("-".equals(typed)) {
                values.put(option.name(), ask(kind, option, environment.prompter(), adding));
            } else if (typed == null && adding) {
                String fromEnvironment = environment.env().get(variable(kind, option));
                if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                    values.put(option.name(), fromEnvironment);
                } else if (option.required()) {
                    values.put(option.name(), ask(kind, option, environment.prompter(), true));
                }
            }
        }
        return values;
    }

    private static String ask(SourceKind kind, OptionSpec option, Prompter prompter, boolean adding) {
        String flag = "--" + option.name();
        if (prompter == null || !prompter.available()) {
            throw new RetrovueException(ErrorKind.USAGE, flag + " is required for type " + kind.id() + " and there is no terminal to ask on: give "
                    + flag + FILE_SUFFIX + " FILE" + (adding ? " or set " + variable(kind, option) : "") + " (" + option.description() + ")");
        }
        String answer = prompter.secret(kind.id() + " " + option.name() + " (" + flag + ")");
        if (answer == null || answer.isEmpty()) {
            throw new RetrovueException(ErrorKind.USAGE, "no " + flag + " was typed; nothing was changed");
        }
        return answer;
    }

    /** The file's one line, without its line end; refused when missing, empty, too long or of several lines. */
    static String fromFile(String flag, String name, CliEnvironment environment) {
        Path path = Path.of(name);
        String shown = Text.escape(name);
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new RetrovueException(ErrorKind.USAGE, flag + " " + shown + " is a folder; give the file that holds the secret");
            }
            if (Files.size(path) > MAX_FILE) {
                throw new RetrovueException(ErrorKind.USAGE, flag + " " + shown + " is larger than " + MAX_FILE / 1024 + " KiB; give the file that holds the secret alone");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new RetrovueException(ErrorKind.USAGE, flag + " " + shown + ": no such file");
        } catch (AccessDeniedException e) {
            throw new RetrovueException(ErrorKind.USAGE, flag + " " + shown + ": permission denied");
        } catch (IOException e) {
            throw new RetrovueException(ErrorKind.USAGE, flag + " " + shown + " cannot be read: " + Text.withoutClassNames(String.valueOf(e.getMessage())));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new RetrovueException(ErrorKind.USAGE, flag + " " + shown + " is empty");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new RetrovueException(ErrorKind.USAGE, flag + " " + shown + " holds more than one line; put the secret alone on one line");
        }
        warnIfOthersRead(path, shown, environment);
        return text;
    }

    private static void warnIfOthersRead(Path path, String shown, CliEnvironment environment) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                environment.err().println("warning: " + shown + " can be read by other users; make it yours alone: chmod 600 " + shown);
                environment.err().flush();
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to say
        }
    }
}
