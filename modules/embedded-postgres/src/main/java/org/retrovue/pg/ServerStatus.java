package org.retrovue.pg;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** What {@code retrovue db status} reports about the embedded server. */
public record ServerStatus(Path home, String version, boolean initialised, boolean running, OptionalLong pid, OptionalInt port) {}
