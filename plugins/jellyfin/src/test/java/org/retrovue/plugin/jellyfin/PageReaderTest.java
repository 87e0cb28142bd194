package org.retrovue.plugin.jellyfin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** DateCreated read by hand in its usual form gives what the JDK's parser gives, in every form. */
class PageReaderTest {
    private static java.time.Instant jdk(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void datesReadAsTheJdkReadsThem() {
        String[] dates = {"2024-05-01T12:34:56Z", "2024-05-01T12:34:56.1Z", "2024-05-01T12:34:56.1234567Z", "2024-05-01T12:34:56.123456789Z",
                "1970-01-01T00:00:00.0000000Z", "1969-12-31T23:59:59.9999999Z", "2000-02-29T23:59:59Z", "0001-01-01T00:00:00.0000000Z",
                "9999-12-31T23:59:59.9999999Z", "2024-05-01T12:34:56.0000001+02:00", "2024-05-01T12:34Z", " 2024-05-01T12:34:56Z ",
                "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:60:00Z",
                "2024-05-01T12:34:60Z", "2024-05-01T12:34:56.Z", "2024-05-01T12:34:56.1234567890Z", "2024-05-01T12:34:56,5Z",
                "2024-05-0xT12:34:56Z", "2024-05-01 12:34:56Z", "2024-05-01T12:34:56", "not a date"};
        for (String date : dates) {
            assertEquals(jdk(date), PageReader.instant(date), date);
        }
        assertEquals(java.time.Instant.parse("2024-05-01T12:34:56.1234567Z"), PageReader.instant("2024-05-01T12:34:56.1234567Z"));
        assertNull(PageReader.instant(null));
    }
}
