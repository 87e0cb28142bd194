package org.retrovue.persistence.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps at the precision PostgreSQL keeps (microseconds), so what we return is what a later read shows. */
final class Timestamps {
    private Timestamps() {}

    static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Now, but never before {@code earlier}, so an update's time is not before the creation time on a stepped clock. */
    static OffsetDateTime after(OffsetDateTime earlier) {
        OffsetDateTime now = now();
        return earlier != null && !now.isAfter(earlier) ? earlier.plus(1, ChronoUnit.MICROS) : now;
    }
}
