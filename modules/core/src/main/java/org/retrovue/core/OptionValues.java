package org.retrovue.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.SourceKind;

/**
 * An operator's option values, checked against the types their kind declares. A value is kept typed (text, a
 * whole number, true or false) under its option's name; a plugin's {@code validate} is handed each in canonical
 * text, with the kind's declared defaults for those not given. Stored and handed back this way, the options of a
 * source round-trip through {@code source update} whatever the plugin calls and types its own config keys.
 */
public final class OptionValues {
    private OptionValues() {}

    /** The value of {@code raw} for {@code option} (stripped), or a usage error naming the option and the form it takes. */
    public static Object typed(OptionSpec option, String raw) {
        String value = raw.strip();
        String flag = "--" + option.name();
        return switch (option.type()) {
            case STRING, PATH -> value;
            case URL -> {
                try {
                    URI uri = new URI(value);
                    if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                            && uri.getHost() != null) {
                        yield value;
                    }
                } catch (URISyntaxException e) {
                    // told below
                }
                throw usage(flag + ": " + shown(option, value) + " is not a URL; give an http:// or https:// address with a host, e.g. http://192.168.1.10:32400");
            }
            case INTEGER -> {
                long number;
                try {
                    number = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
                } catch (NumberFormatException e) {
                    throw usage(flag + ": " + shown(option, value) + " is not a whole number; give " + range(option));
                }
                if ((option.min() != null && number < option.min()) || (option.max() != null && number > option.max())) {
                    throw usage(flag + ": " + shown(option, Long.toString(number)) + " is out of range; give " + range(option));
                }
                yield number;
            }
            case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "on" -> true;
                case "no", "false", "off" -> false;
                default -> throw usage(flag + ": " + shown(option, value) + " is not yes or no; give yes or no (or true, false)");
            };
            case CHOICE -> {
                for (String choice : option.choices()) {
                    if (choice.equalsIgnoreCase(value)) {
                        yield choice;
                    }
                }
                throw usage(flag + ": " + shown(option, value) + " is not one of " + String.join(", ", option.choices()));
            }
        };
    }

    /** The form an operator gives a value in, for help and errors: "a whole number from 10 to 10000". */
    public static String form(OptionSpec option) {
        return switch (option.type()) {
            case STRING -> option.secret() ? "a secret" : "text";
            case PATH -> "a path";
            case URL -> "an http:// or https:// URL";
            case INTEGER -> range(option);
            case BOOLEAN -> "yes or no";
            case CHOICE -> "one of " + String.join(", ", option.choices());
        };
    }

    private static String range(OptionSpec option) {
        if (option.min() != null && option.max() != null) {
            return "a whole number from " + option.min() + " to " + option.max();
        }
        if (option.min() != null) {
            return "a whole number of at least " + option.min();
        }
        if (option.max() != null) {
            return "a whole number of at most " + option.max();
        }
        return "a whole number";
    }

    /** A stored value as the canonical text a plugin's validate is given. */
    public static String text(Object value) {
        if (value instanceof List<?> list) { // not written since options are typed, kept for hand-edited rows
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** What {@code validate} is given: the stored options in canonical text, with the kind's defaults for the rest. */
    public static Map<String, String> forValidate(SourceKind kind, Map<String, Object> options) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OptionSpec option : kind.options()) {
            Object value = options.get(option.name());
            if (value != null) {
                out.put(option.name(), text(value));
            } else if (option.defaultValue() != null) {
                out.put(option.name(), text(typed(option, option.defaultValue())));
            }
        }
        return out;
    }

    /**
     * The options of a source stored before options were kept, read back from its config where a key is the option's
     * name (with '_' for '-'), as the program once assumed. A value that no longer reads as its type is left out: the
     * plugin's default applies, or the operator gives it again.
     */
    public static Map<String, Object> fromLegacyConfig(SourceKind kind, Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (config == null) {
            return out;
        }
        for (OptionSpec option : kind.options()) {
            Object stored = config.containsKey(option.name()) ? config.get(option.name()) : config.get(Secrets.configKey(option.name()));
            if (stored == null) {
                continue;
            }
            String raw = stored instanceof Boolean b && option.type() != OptionType.BOOLEAN ? (b ? "yes" : "no") : text(stored);
            try {
                out.put(option.name(), typed(option, raw));
            } catch (RetrovueException e) {
                // left to the default
            }
        }
        return out;
    }

    private static String shown(OptionSpec option, String value) {
        return option.secret() ? "the value given" : "'" + value + "'";
    }

    private static RetrovueException usage(String message) {
        return new RetrovueException(ErrorKind.USAGE, message);
    }
}
