package org.retrovue.example.manifest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceException;

/** Reading a manifest line by line into the sink (never all of it at once). */
final class Manifest {
    static final List<String> HEADER = List.of("path", "title", "duration_seconds");

    private Manifest() {}

    /** Checks the header line. */
    static void header(Path file) throws SourceException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            checkHeader(file, in.readLine());
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + file + " cannot be read: " + e.getMessage());
        }
    }

    static void read(Path file, ScanSink sink) throws SourceException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            checkHeader(file, in.readLine());
            int number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(line);
                if (fields == null || fields.get(0).isBlank()) {
                    sink.warning("line " + number + " is not path,title,duration_seconds; skipped");
                    continue;
                }
                sink.item(item(file, fields, number, sink));
            }
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.INTERNAL, "manifest " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static ScannedItem item(Path manifest, List<String> fields, int number, ScanSink sink) {
        String given = fields.get(0).strip();
        Path path = manifest.getParent().resolve(given).normalize();
        long size = -1;
        java.time.Instant modified = null;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            size = attributes.size();
            modified = attributes.lastModifiedTime().toInstant();
        } catch (IOException e) {
            // listed but not here: RetroVue stores it and flags it
        }
        String title = fields.size() > 1 && !fields.get(1).isBlank() ? fields.get(1).strip() : null;
        Long duration = null;
        if (fields.size() > 2 && !fields.get(2).isBlank()) {
            try {
                duration = Math.round(Double.parseDouble(fields.get(2).strip()) * 1000);
            } catch (NumberFormatException e) {
                sink.warning("line " + number + ": duration '" + fields.get(2).strip() + "' is not a number of seconds; left out");
            }
        }
        return new ScannedItem(given, path.toString(), size, modified, duration, title, ItemKind.OTHER, null, null, null);
    }

    private static void checkHeader(Path file, String header) throws SourceException {
        List<String> fields = header == null ? null : fields(header.replace("\uFEFF", ""));
        if (fields == null || fields.size() < 1 || !fields.get(0).strip().equalsIgnoreCase(HEADER.get(0))) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + file + " does not start with the header line "
                    + String.join(",", HEADER));
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
