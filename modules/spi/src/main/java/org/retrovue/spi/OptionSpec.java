package org.retrovue.spi;

import java.util.List;
import java.util.Objects;

/**
 * An option a source kind takes. {@code name} is the flag without dashes ({@code base-path}); it is also the key
 * in the map given to {@link SourceKind#validate}. Secret options are never shown or logged.
 *
 * <p>Since SPI 1.5 an option may declare a default (text in the option's own form, given to {@code validate} when
 * the operator gives none), bounds for an {@link OptionType#INTEGER}, and the values of a {@link OptionType#CHOICE}:
 * the program checks them, so {@code validate} sees only well-formed values. Build them with the factory methods and
 * {@link #withDefault}, {@link #withRange}.
 */
public record OptionSpec(String name, String description, OptionType type, boolean required, boolean secret,
                         String defaultValue, Long min, Long max, List<String> choices) {
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option name must be lower-case words joined by '-': " + name);
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (type == OptionType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("option " + name + " is a choice but declares no values");
        }
        if ((min != null || max != null) && type != OptionType.INTEGER) {
            throw new IllegalArgumentException("option " + name + " has bounds but is not an INTEGER");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("option " + name + ": min " + min + " is above max " + max);
        }
        if (defaultValue != null && (required || secret)) {
            throw new IllegalArgumentException("option " + name + " is required or secret and cannot have a default");
        }
    }

    /** The form of SPI 1.0 to 1.4: no default, bounds or choices. */
    public OptionSpec(String name, String description, OptionType type, boolean required, boolean secret) {
        this(name, description, type, required, secret, null, null, null, List.of());
    }

    public static OptionSpec required(String name, OptionType type, String description) {
        return new OptionSpec(name, description, type, true, false);
    }

    public static OptionSpec optional(String name, OptionType type, String description) {
        return new OptionSpec(name, description, type, false, false);
    }

    public static OptionSpec secret(String name, String description) {
        return new OptionSpec(name, description, OptionType.STRING, true, true);
    }

    /** An optional choice among {@code values} (compared in any case). Since SPI 1.5. */
    public static OptionSpec choice(String name, List<String> values, String description) {
        return new OptionSpec(name, description, OptionType.CHOICE, false, false, null, null, null, values);
    }

    /** This option with a default, written as an operator would give it. Since SPI 1.5. */
    public OptionSpec withDefault(String value) {
        return new OptionSpec(name, description, type, required, secret, Objects.requireNonNull(value, "value"), min, max, choices);
    }

    /** This INTEGER option bounded to {@code min..max}, both included. Since SPI 1.5. */
    public OptionSpec withRange(long min, long max) {
        return new OptionSpec(name, description, type, required, secret, defaultValue, min, max, choices);
    }
}
