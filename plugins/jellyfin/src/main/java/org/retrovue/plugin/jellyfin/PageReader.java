package org.retrovue.plugin.jellyfin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScannedItem;

/**
 * A page of {@code /Items} read straight from its bytes into items, keeping only the fields stored: a real
 * server's items carry much more (media streams, images, user data), and a tree of maps for a whole page would cost
 * several times the time and memory.
 */
final class PageReader {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** One item as listed: its id and name (for warnings) and what is stored of it, null when it has no file. */
    record Entry(String id, String name, ScannedItem item) {}

    record Page(long total, List<Entry> entries) {}

    private PageReader() {}

    static Page read(java.io.InputStream body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            long total = -1;
            List<Entry> entries = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("Items") && value == JsonToken.START_ARRAY) {
                    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                        if (item == JsonToken.START_OBJECT) {
                            entries.add(item(p));
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (field.equals("TotalRecordCount") && value == JsonToken.VALUE_NUMBER_INT) {
                    total = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
            return new Page(total, entries);
        }
    }

    /**
     * An item as stored: its first media source's path and size (the version the server plays by default; the
     * others are not stored), or the item's own Path when it lists no media source.
     */
    private static Entry item(JsonParser p) throws IOException {
        String id = null, name = null, type = null, series = null, etag = null, path = null, sourcePath = null;
        Integer season = null, episode = null, episodeEnd = null, year = null;
        long ticks = -1, sourceTicks = -1, size = -1;
        Instant created = null;
        Map<String, String> providers = new TreeMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "Id" -> id = text(p, value);
                case "Name" -> name = text(p, value);
                case "Type" -> type = text(p, value);
                case "SeriesName" -> series = text(p, value);
                case "Etag" -> etag = text(p, value);
                case "Path" -> path = text(p, value);
                case "DateCreated" -> created = instant(text(p, value));
                case "RunTimeTicks" -> ticks = number(p, value);
                case "ParentIndexNumber" -> season = integer(p, value);
                case "IndexNumber" -> episode = integer(p, value);
                case "IndexNumberEnd" -> episodeEnd = integer(p, value);
                case "ProductionYear" -> year = integer(p, value);
                case "ProviderIds" -> {
                    if (value == JsonToken.START_OBJECT) {
                        for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                            String provider = p.currentName();
                            String providerId = text(p, p.nextToken());
                            if (providerId != null) {
                                providers.putIfAbsent(provider.toLowerCase(Locale.ROOT), providerId.strip());
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "MediaSources" -> {
                    if (value == JsonToken.START_ARRAY) {
                        boolean first = true;
                        for (JsonToken s = p.nextToken(); s != JsonToken.END_ARRAY; s = p.nextToken()) {
                            if (first && s == JsonToken.START_OBJECT) {
                                for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                                    String sourceField = p.currentName();
                                    JsonToken v = p.nextToken();
                                    switch (sourceField) {
                                        case "Path" -> sourcePath = text(p, v);
                                        case "Size" -> size = number(p, v);
                                        case "RunTimeTicks" -> sourceTicks = number(p, v);
                                        default -> p.skipChildren();
                                    }
                                }
                            } else {
                                p.skipChildren();
                            }
                            first = false;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        String file = sourcePath != null ? sourcePath : path;
        if (id == null || file == null) {
            return new Entry(id, name, null);
        }
        boolean isEpisode = "Episode".equalsIgnoreCase(type);
        long duration = ticks >= 0 ? ticks : sourceTicks;
        ScannedItem item = new ScannedItem(id, file, size, created, duration < 0 ? null : duration / 10_000, name,
                isEpisode ? ItemKind.EPISODE : ItemKind.MOVIE, isEpisode ? series : null, isEpisode ? season : null, isEpisode ? episode : null)
                .withVersion(etag)
                .withDetails(year, isEpisode ? episodeEnd : null, null, providers);
        return new Entry(id, name, item);
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            String text = p.getText();
            return text.isBlank() ? null : text;
        }
        p.skipChildren();
        return null;
    }

    private static long number(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        p.skipChildren();
        return -1;
    }

    private static Integer integer(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            long n = p.getLongValue();
            return n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : (int) n;
        }
        p.skipChildren();
        return null;
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        Instant utc = utc(text);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The form every item's DateCreated has, {@code 2024-05-01T12:34:56.1234567Z}, read by hand: the JDK's parser
     * was a tenth of a full sync's CPU. Null for any other form, which {@link OffsetDateTime#parse} then reads.
     */
    private static Instant utc(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4), month = digits(text, 5, 7), day = digits(text, 8, 10);
        int hour = digits(text, 11, 13), minute = digits(text, 14, 16), second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21; // between the '.' and the 'Z'
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when it holds anything but digits. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
