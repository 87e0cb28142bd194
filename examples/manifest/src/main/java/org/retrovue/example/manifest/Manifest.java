package org.retrovue.example.manifest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retrovue.spi.SourceException;

/**
 * Reading a manifest a row at a time (never all of it at once). The header line names the columns, in any order;
 * only {@code path} is required. A value that does not read is left out with a note; a row with no path is skipped.
 */
final class Manifest implements AutoCloseable {
    static final List<String> COLUMNS = List.of("path", "title", "duration_seconds", "year", "show", "season", "episode", "air_date",
            "imdb", "tmdb", "tvdb", "version");
    private static final List<String> PROVIDERS = List.of("imdb", "tmdb", "tvdb");

    /** Where a manifest's text comes from: a file here, or the copy of a served one. */
    interface Text {
        BufferedReader open() throws IOException;
    }

    /**
     * One data row: the values given (null when absent), and {@code notes} on what was left out. {@code path} is null
     * when the row is skipped. {@code raw} is the line as written, whose hash is the row's change token.
     */
    record Row(int line, String raw, String path, String title, Long durationMillis, Integer year, String show, Integer season,
               Integer episode, Integer episodeEnd, LocalDate airDate, Map<String, String> providerIds, String version, List<String> notes) {}

    private final String name;
    private final BufferedReader in;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> unknownColumns = new ArrayList<>();
    private int line;

    private Manifest(String name, BufferedReader in) {
        this.name = name;
        this.in = in;
    }

    /** Opens {@code text} and reads its header; {@code name} is how messages call the manifest. */
    static Manifest open(String name, Text text) throws SourceException {
        Manifest manifest;
        try {
            manifest = new Manifest(name, text.open());
        } catch (NoSuchFileException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + name + " does not exist; restore it, or point the source "
                    + "at another: retrovue source update SOURCE --file PATH");
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + name + " cannot be read: " + e.getMessage());
        }
        try {
            String header = manifest.readLine();
            List<String> fields = header == null ? null : fields(header.replace("\uFEFF", ""));
            for (int i = 0; fields != null && i < fields.size(); i++) {
                String column = fields.get(i).strip().toLowerCase(Locale.ROOT);
                if (COLUMNS.contains(column)) {
                    manifest.columns.putIfAbsent(column, i);
                } else if (!column.isEmpty()) {
                    manifest.unknownColumns.add(column);
                }
            }
            if (!manifest.columns.containsKey("path")) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + name
                        + " does not start with a header line naming a path column, e.g. path,title,duration_seconds");
            }
            return manifest;
        } catch (SourceException e) {
            manifest.close();
            throw e;
        }
    }

    /** Header columns this plugin does not read (they are ignored). */
    List<String> unknownColumns() {
        return List.copyOf(unknownColumns);
    }

    /** The next data row, or null at the end. */
    Row next() throws SourceException {
        for (String text = readLine(); text != null; text = readLine()) {
            if (!text.isBlank()) {
                return row(line, text);
            }
        }
        return null;
    }

    private String readLine() throws SourceException {
        try {
            String text = in.readLine();
            line++;
            return text;
        } catch (CharacterCodingException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + name + " is not text in its --encoding at line " + line
                    + "; a file saved by a spreadsheet program may need --encoding windows-1252");
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.INTERNAL, "manifest " + name + " cannot be read: " + e.getMessage());
        }
    }

    private Row row(int number, String raw) {
        List<String> fields = fields(raw);
        List<String> notes = new ArrayList<>();
        if (fields == null) {
            notes.add("line " + number + " has a quote that is not closed; skipped");
            return skipped(number, raw, notes);
        }
        Values values = new Values(number, fields, notes);
        String path = values.text("path");
        if (path == null) {
            notes.add("line " + number + " has no path; skipped");
            return skipped(number, raw, notes);
        }
        Double seconds = values.decimal("duration_seconds");
        Integer[] episodes = values.episodes();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String provider : PROVIDERS) {
            String id = values.text(provider);
            if (id != null) {
                ids.put(provider, id);
            }
        }
        return new Row(number, raw, path, values.text("title"), seconds == null ? null : Math.round(seconds * 1000), values.whole("year"),
                values.text("show"), values.whole("season"), episodes[0], episodes[1], values.date("air_date"), ids, values.text("version"),
                notes);
    }

    private static Row skipped(int number, String raw, List<String> notes) {
        return new Row(number, raw, null, null, null, null, null, null, null, null, null, Map.of(), null, notes);
    }

    /** The values of one row by column, each checked; one that does not read is left out with a note. */
    private final class Values {
        private final int number;
        private final List<String> fields;
        private final List<String> notes;

        Values(int number, List<String> fields, List<String> notes) {
            this.number = number;
            this.fields = fields;
            this.notes = notes;
        }

        String text(String column) {
            Integer index = columns.get(column);
            String value = index == null || index >= fields.size() ? null : fields.get(index).strip();
            return value == null || value.isEmpty() ? null : value;
        }

        Double decimal(String column) {
            String value = text(column);
            try {
                return value == null ? null : Double.valueOf(value);
            } catch (NumberFormatException e) {
                return leftOut(column, value, "a number");
            }
        }

        Integer whole(String column) {
            String value = text(column);
            try {
                return value == null ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                return leftOut(column, value, "a whole number");
            }
        }

        LocalDate date(String column) {
            String value = text(column);
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return leftOut(column, value, "a date (2024-05-31)");
            }
        }

        /** {@code episode} as N, or N-M for a file that holds episodes N to M. */
        Integer[] episodes() {
            String value = text("episode");
            if (value == null) {
                return new Integer[2];
            }
            String[] range = value.split("-", 2);
            try {
                Integer first = Integer.valueOf(range[0].strip());
                return new Integer[] {first, range.length == 2 ? Integer.valueOf(range[1].strip()) : null};
            } catch (NumberFormatException e) {
                leftOut("episode", value, "an episode number (4, or 4-5)");
                return new Integer[2];
            }
        }

        private <T> T leftOut(String column, String value, String form) {
            notes.add("line " + number + ": " + column + " '" + value + "' is not " + form + "; left out");
            return null;
        }
    }

    /** 16 hex digits of the SHA-256 of {@code text}: a row's change token, a copy's file name. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read to the end or given up: nothing to keep
        }
    }

    /** The fields of a CSV line ("" escapes a quote inside a quoted field); null when a quote is left open. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
