package org.retrovue.pg;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@code retrovue db status} reports about the embedded server; {@code securityProblem} says what would let
 * other local users in (the next command that needs the server locks it down again).
 */
public record ServerStatus(Path home, String version, boolean initialised, boolean running, OptionalLong pid, OptionalInt port,
                           Optional<String> securityProblem) {}
