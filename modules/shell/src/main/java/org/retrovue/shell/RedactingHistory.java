package org.retrovue.shell;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jline.reader.impl.history.DefaultHistory;
import org.retrovue.core.Secrets;

/**
 * The shell's history (kept in a file of the data directory, readable by its owner only), with the value of every
 * secret option ({@code --token abc}, {@code --token=abc}: an option that any installed kind declares secret, by
 * declaration, not by its name) replaced by a mark before the line is remembered, so a
 * secret typed once is neither in the file nor brought back by the up arrow. An option that no command knows is
 * most likely a mistyped one ({@code --tokn abc}): everything after it is masked too.
 */
final class RedactingHistory extends DefaultHistory {
    private final Set<String> secretOptions;
    private final Set<String> knownOptions;

    /** {@code secretOptions}: option names with their dashes ({@code --token}). */
    RedactingHistory(Set<String> secretOptions) {
        this(secretOptions, null);
    }

    /** {@code knownOptions}: every option name of the command tree (null: do not judge unknown options). */
    RedactingHistory(Set<String> secretOptions, Set<String> knownOptions) {
        this.secretOptions = Set.copyOf(secretOptions);
        this.knownOptions = knownOptions == null ? null : Set.copyOf(knownOptions);
    }

    @Override
    public void add(Instant time, String line) {
        super.add(time, redact(line, secretOptions, knownOptions));
    }

    static String redact(String line, Set<String> secretOptions) {
        return redact(line, secretOptions, null);
    }

    /** {@code line} with secret values masked, and with every word after an option not in {@code knownOptions}. */
    static String redact(String line, Set<String> secretOptions, Set<String> knownOptions) {
        List<ShellWords.Word> words = ShellWords.split(line).words();
        StringBuilder out = new StringBuilder(line);
        if (knownOptions != null) {
            for (int i = 0; i < words.size(); i++) {
                ShellWords.Word word = words.get(i);
                String text = word.text();
                int equals = text.startsWith("--") ? text.indexOf('=') : -1;
                String option = equals > 0 ? text.substring(0, equals) : text;
                if (text.length() > 1 && text.startsWith("-") && !text.equals("--") && !knownOptions.contains(option)) {
                    String kept;
                    if (equals > 0) {
                        kept = line.substring(0, word.start()) + option + "=" + Secrets.REDACTED;
                    } else {
                        kept = line.substring(0, word.end()) + (i + 1 < words.size() ? " " + Secrets.REDACTED : "");
                    }
                    return redact(kept, secretOptions, null);
                }
            }
        }
        for (int i = words.size() - 1; i >= 0; i--) {
            ShellWords.Word word = words.get(i);
            int equals = word.text().indexOf('=');
            if (word.text().startsWith("--") && equals > 0 && isSecret(word.text().substring(0, equals), secretOptions)) {
                out.replace(word.start(), word.end(), word.text().substring(0, equals + 1) + Secrets.REDACTED);
            } else if (i + 1 < words.size() && isSecret(word.text(), secretOptions)) {
                ShellWords.Word value = words.get(i + 1);
                out.replace(value.start(), value.end(), Secrets.REDACTED);
            }
        }
        return out.toString();
    }

    private static boolean isSecret(String option, Set<String> secretOptions) {
        return option.startsWith("--") && secretOptions.contains(option);
    }
}
