package org.retrovue.core;

import java.util.List;
import org.retrovue.spi.OptionSpec;

/** A source kind as {@code source list-types} shows it. */
public record SourceKindInfo(String id, String description, String module, List<OptionSpec> options) {}
