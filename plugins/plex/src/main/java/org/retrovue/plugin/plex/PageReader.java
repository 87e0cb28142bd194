package org.retrovue.plugin.plex;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScannedItem;

/**
 * A page of {@code /library/sections/{key}/all} read straight from its bytes into items, keeping only the fields
 * stored: a real server's items carry much more (summaries, images, ratings, streams), and a tree of maps for a
 * whole page costs several times the time and memory.
 */
final class PageReader {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** One item as listed: its ratingKey and title (for warnings) and what is stored of it, null when it has no media file. */
    record Entry(String key, String title, ScannedItem item) {}

    /** A page: the {@code totalSize} announced (-1 when none) and its items in order. */
    record Page(long total, List<Entry> entries) {}

    private PageReader() {}

    /** Reads {@code {"MediaContainer": {"totalSize": N, "Metadata": [...]}}}; {@code episodes} when the page lists episodes. */
    static Page read(java.io.InputStream body, boolean episodes) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            Page page = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("MediaContainer") && value == JsonToken.START_OBJECT) {
                    page = container(p, episodes);
                } else {
                    p.skipChildren();
                }
            }
            if (page == null) {
                throw new IOException("no MediaContainer object");
            }
            return page;
        }
    }

    private static Page container(JsonParser p, boolean episodes) throws IOException {
        long total = -1;
        List<Entry> entries = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("Metadata") && value == JsonToken.START_ARRAY) {
                entries.clear(); // as a map would keep the last of a repeated field
                for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                    if (item == JsonToken.START_OBJECT) {
                        entries.add(item(p, episodes));
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (field.equals("totalSize")) {
                total = number(p, value, -1);
            } else {
                p.skipChildren();
            }
        }
        return new Page(total, entries);
    }

    /** An item as stored: its first media's first part gives the file and size (the version Plex plays by default). */
    private static Entry item(JsonParser p, boolean episodes) throws IOException {
        String key = null, title = null, show = null, file = null;
        Integer season = null, episode = null, year = null;
        long updatedAt = -1, size = -1;
        Long duration = null, mediaDuration = null;
        LocalDate released = null;
        boolean hasMedia = false;
        Map<String, String> providers = new TreeMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "ratingKey" -> key = scalar(p, value);
                case "title" -> title = scalar(p, value);
                case "grandparentTitle" -> show = scalar(p, value);
                case "parentIndex" -> season = integer(p, value);
                case "index" -> episode = integer(p, value);
                case "year" -> year = integer(p, value);
                case "updatedAt" -> updatedAt = number(p, value, -1);
                case "duration" -> duration = millis(p, value);
                case "originallyAvailableAt" -> released = date(scalar(p, value));
                case "Guid" -> guids(p, value, providers);
                case "Media" -> {
                    if (value != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    for (JsonToken m = p.nextToken(); m != JsonToken.END_ARRAY; m = p.nextToken()) {
                        if (m != JsonToken.START_OBJECT || hasMedia) {
                            p.skipChildren();
                            continue;
                        }
                        hasMedia = true;
                        for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                            String mediaField = p.currentName();
                            JsonToken v = p.nextToken();
                            if (mediaField.equals("duration")) {
                                mediaDuration = millis(p, v);
                            } else if (mediaField.equals("Part") && v == JsonToken.START_ARRAY) {
                                boolean first = true;
                                for (JsonToken part = p.nextToken(); part != JsonToken.END_ARRAY; part = p.nextToken()) {
                                    if (part != JsonToken.START_OBJECT || !first) {
                                        p.skipChildren();
                                        continue;
                                    }
                                    first = false;
                                    for (JsonToken pf = p.nextToken(); pf == JsonToken.FIELD_NAME; pf = p.nextToken()) {
                                        String partField = p.currentName();
                                        JsonToken pv = p.nextToken();
                                        if (partField.equals("file")) {
                                            file = pv == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                                        } else if (partField.equals("size")) {
                                            size = number(p, pv, -1);
                                        } else {
                                            p.skipChildren();
                                        }
                                    }
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (key == null || !hasMedia || file == null) {
            return new Entry(key, title, null);
        }
        Long millis = duration != null ? duration : mediaDuration;
        ScannedItem item = new ScannedItem(key, file, size, updatedAt < 0 ? null : Instant.ofEpochSecond(updatedAt), millis, title,
                episodes ? ItemKind.EPISODE : ItemKind.MOVIE, episodes ? show : null, episodes ? season : null, episodes ? episode : null)
                .withDetails(year, null, released, providers);
        return new Entry(key, title, item);
    }

    /** The item's {@code Guid} children ({@code imdb://tt0579539}, {@code tmdb://1399}) by provider, the first of each. */
    private static void guids(JsonParser p, JsonToken value, Map<String, String> providers) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        for (JsonToken g = p.nextToken(); g != JsonToken.END_ARRAY; g = p.nextToken()) {
            if (g != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("id") && v == JsonToken.VALUE_STRING) {
                    String id = p.getText();
                    int at = id.indexOf("://");
                    if (at > 0 && at + 3 < id.length()) {
                        providers.putIfAbsent(id.substring(0, at).toLowerCase(Locale.ROOT), id.substring(at + 3));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static <T> T skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** A duration in milliseconds, when it is a number (as the maps of old took it). */
    private static Long millis(JsonParser p, JsonToken value) throws IOException {
        if (value.isNumeric()) {
            return number(p, value, 0);
        }
        p.skipChildren();
        return null;
    }

    /** A string or number as text (Plex sends ratingKey as a string, some proxies as a number); null otherwise. */
    private static String scalar(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING || value.isNumeric() || value.isBoolean()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static long number(JsonParser p, JsonToken value, long fallback) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        p.skipChildren();
        return fallback;
    }

    private static Integer integer(JsonParser p, JsonToken value) throws IOException {
        long n = number(p, value, Long.MIN_VALUE);
        return n == Long.MIN_VALUE ? null : (int) n;
    }

    /** Plex's {@code originallyAvailableAt} ({@code 2002-12-20}); null when absent or not a date. */
    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
