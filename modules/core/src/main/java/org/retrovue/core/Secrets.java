package org.retrovue.core;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceKind;

/**
 * Redaction of what a kind declares secret. A source's options are keyed by option name, so a secret option's value
 * is found by its declaration; in the plugin's config, whose keys are the plugin's own, a value is hidden when its
 * key is the option's name (or with '_' for '-') or when it is the value of a secret option. The names of a source's
 * secret options are also stored with it ({@link #SETTINGS_KEY}), so they stay hidden while its plugin is not
 * installed. Only a source stored before that, whose plugin is missing, falls back to guessing by key name.
 */
public final class Secrets {
    public static final String REDACTED = "********";
    /** The settings key listing the names of a source's secret options, as its kind declared them. */
    static final String SETTINGS_KEY = "secret_options";
    private static final Pattern LOOKS_SECRET = Pattern.compile("(?i).*(token|password|passwd|secret|api_?key|credential).*");

    private Secrets() {}

    public static String configKey(String optionName) {
        return optionName.replace('-', '_');
    }

    /** The names of the options {@code kind} declares secret. */
    public static List<String> declared(SourceKind kind) {
        return kind.options().stream().filter(OptionSpec::secret).map(OptionSpec::name).toList();
    }

    /** The keys a secret option's value may be stored under: each name as it is, and as a config key ('_' for '-'). */
    static Set<String> storedKeys(java.util.Collection<String> secretNames) {
        Set<String> keys = new HashSet<>();
        for (String name : secretNames) {
            keys.add(name);
            keys.add(configKey(name));
        }
        return keys;
    }

    /** The secret option names of a source: its kind's declaration, else the one stored with it, else none known. */
    static Optional<Set<String>> secretNames(Optional<SourceKind> kind, Map<String, Object> settings) {
        if (kind.isPresent()) {
            return Optional.of(Set.copyOf(declared(kind.get())));
        }
        if (settings != null && settings.get(SETTINGS_KEY) instanceof List<?> names) {
            return Optional.of(Set.copyOf(names.stream().map(String::valueOf).toList()));
        }
        return Optional.empty();
    }

    /** The operator's options with the secret ones hidden. */
    public static Map<String, Object> redactOptions(Map<String, Object> options, Optional<SourceKind> kind, Map<String, Object> settings) {
        if (options == null) {
            return null;
        }
        Optional<Set<String>> secret = secretNames(kind, settings);
        Map<String, Object> out = new LinkedHashMap<>();
        options.forEach((name, value) -> out.put(name, value != null && isSecret(name, secret) ? REDACTED : value));
        return out;
    }

    /** A plugin's config with the values of secret options hidden. */
    public static Map<String, Object> redactConfig(Map<String, Object> config, Optional<SourceKind> kind, Map<String, Object> options,
                                                   Map<String, Object> settings) {
        if (config == null) {
            return null;
        }
        Optional<Set<String>> secret = secretNames(kind, settings);
        Set<String> keys = secret.map(Secrets::storedKeys).orElse(Set.of());
        Set<String> values = new HashSet<>();
        secret.ifPresent(names -> names.forEach(n -> {
            Object value = options == null ? null : options.get(n);
            if (value != null && !String.valueOf(value).isBlank()) {
                values.add(String.valueOf(value).strip());
            }
        }));
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            boolean hidden = value != null && (secret.isPresent()
                    ? keys.contains(key) || (value instanceof String s && values.contains(s.strip()))
                    : LOOKS_SECRET.matcher(key).matches());
            out.put(key, hidden ? REDACTED : value);
        });
        return out;
    }

    /** Whether a key reads as a secret's, for a source whose secret options are not known. */
    static boolean looksSecret(String key) {
        return LOOKS_SECRET.matcher(key).matches();
    }

    private static boolean isSecret(String name, Optional<Set<String>> secret) {
        return secret.map(names -> names.contains(name)).orElseGet(() -> LOOKS_SECRET.matcher(name).matches());
    }
}
