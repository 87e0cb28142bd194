package org.retrovue.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.retrovue.spi.SourceKind;

/**
 * What a plugin says (a failure's message, a warning) made fit to print and store: on one line, and with every
 * secret value of the source it speaks for masked, as typed and as a URL would carry it. A plugin is told never to
 * put a secret in its words; this is for the one that does (a URL with its token in an exception's message).
 */
final class PluginWords {
    static final PluginWords NONE = new PluginWords(List.of());
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n\\u0085\\u2028\\u2029]+\\s*");

    /** The secret values to mask, longest first, so a secret inside another is not half masked. */
    private final List<String> secrets;

    private PluginWords(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * For a source of {@code kind} whose options or configuration are {@code values} (keys the option names, or the
     * config keys they are stored under): the values of the options the kind declares secret.
     */
    static PluginWords of(SourceKind kind, Map<String, ?> values) {
        Set<String> secretKeys = kind == null ? Set.of() : Secrets.storedKeys(Secrets.declared(kind));
        Set<String> found = new LinkedHashSet<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (value != null && secretKeys.contains(key)) {
                    String text = value.toString();
                    if (!text.isEmpty()) {
                        found.add(text);
                        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
                        found.add(encoded);
                        found.add(encoded.replace("+", "%20"));
                    }
                }
            });
        }
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new PluginWords(List.copyOf(sorted));
    }

    /** {@code text} on one line (line breaks and the blanks around them as one space), each secret as {@value Secrets#REDACTED}. */
    String clean(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, Secrets.REDACTED);
        }
        return LINE_BREAKS.matcher(out).replaceAll(" ").strip();
    }

    /**
     * A copy of {@code failure} and its causes for {@code --debug} traces: the same classes' names and stack frames,
     * the messages {@linkplain #clean cleaned}.
     */
    Throwable masked(Throwable failure) {
        return failure == null ? null : masked(failure, 0);
    }

    private Throwable masked(Throwable failure, int depth) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure || depth > 20 ? null : masked(failure.getCause(), depth + 1);
        Masked copy = new Masked(failure.getClass().getName(), clean(failure.getMessage()), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** A failure as a trace shows it, with its message cleaned. */
    static final class Masked extends Exception {
        private static final long serialVersionUID = 1L;
        private final String className;

        Masked(String className, String message, Throwable cause) {
            super(message, cause, false, true);
            this.className = className;
        }

        @Override
        public String toString() {
            return getMessage() == null ? className : className + ": " + getMessage();
        }
    }
}
