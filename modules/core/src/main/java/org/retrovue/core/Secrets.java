package org.retrovue.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceKind;

/**
 * Redaction of secrets in stored configuration. A kind's secret options are stored under their name with '-' as
 * '_'; keys that look like credentials are redacted too, which also covers sources whose plugin is not installed.
 */
public final class Secrets {
    public static final String REDACTED = "********";
    private static final Pattern LOOKS_SECRET = Pattern.compile("(?i).*(token|password|passwd|secret|api_?key|credential).*");

    private Secrets() {}

    public static String configKey(String optionName) {
        return optionName.replace('-', '_');
    }

    /** Whether an option or config key of this name holds a credential, whatever kind it belongs to. */
    public static boolean looksSecret(String name) {
        return LOOKS_SECRET.matcher(name).matches();
    }

    public static Map<String, Object> redact(Map<String, Object> config, Optional<SourceKind> kind) {
        if (config == null) {
            return null;
        }
        Set<String> secretKeys = kind.map(k -> k.options().stream().filter(OptionSpec::secret)
                .map(o -> configKey(o.name())).collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((key, value) -> out.put(key,
                value != null && (secretKeys.contains(key) || looksSecret(key)) ? REDACTED : value));
        return out;
    }
}
