package org.retrovue.shell;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jline.reader.impl.history.DefaultHistory;
import org.retrovue.core.Secrets;

/**
 * The shell's history (kept in a file of the data directory, readable by its owner only), with the value of every
 * secret option ({@code --token abc}, {@code --token=abc}) replaced by a mark before the line is remembered, so a
 * secret typed once is neither in the file nor brought back by the up arrow.
 */
final class RedactingHistory extends DefaultHistory {
    private final Set<String> secretOptions;

    /** {@code secretOptions}: option names with their dashes ({@code --token}). */
    RedactingHistory(Set<String> secretOptions) {
        this.secretOptions = Set.copyOf(secretOptions);
    }

    @Override
    public void add(Instant time, String line) {
        super.add(time, redact(line, secretOptions));
    }

    static String redact(String line, Set<String> secretOptions) {
        List<ShellWords.Word> words = ShellWords.split(line).words();
        StringBuilder out = new StringBuilder(line);
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
        return option.startsWith("--") && (secretOptions.contains(option) || Secrets.looksSecret(option.substring(2)));
    }
}
