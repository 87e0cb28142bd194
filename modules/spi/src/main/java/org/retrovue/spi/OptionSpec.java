package org.retrovue.spi;

import java.util.Objects;

/**
 * An option a source kind takes. {@code name} is the flag without dashes ({@code base-path}); it is also the key
 * in the map given to {@link SourceKind#validate}. Secret options are never shown or logged.
 */
public record OptionSpec(String name, String description, OptionType type, boolean required, boolean secret) {
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option name must be lower-case words joined by '-': " + name);
        }
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
}
