package org.retrovue.persistence;

import java.time.Instant;

/** What an ingest needs to know of a stored item to tell whether it changed: its size, time and state. */
public record KnownAsset(long size, Instant modified, boolean present) {}
