package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.cli.render.DisplayWidth;

/** Tables line up on a terminal when names and paths hold CJK, emoji (joined, flags) and combining accents. */
class WideTextIT {
    private static final List<String> NAMES = List.of("日本語の映画", "🎬 Films", "👨\u200d👩\u200d👧 Family", "🇯🇵🇫🇷 Anime", "Cafe\u0301 Crème",
            "한국 드라마", "Plain");

    @TempDir
    Path temp;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("data"));
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    @Test
    void sourceListLinesUp() throws IOException {
        for (int i = 0; i < NAMES.size(); i++) {
            Path dir = Files.createDirectories(temp.resolve("media/" + i));
            ok("source", "add", "--type", "filesystem", "--name", NAMES.get(i), "--base-path", dir.toString());
        }
        String out = ok("source", "list").out();
        assertLinesUp(out, "TYPE", "filesystem", NAMES.size());
    }

    @Test
    void sourceAssetsLinesUp() throws IOException {
        Path movies = Files.createDirectories(temp.resolve("movies"));
        for (String name : NAMES) {
            Files.writeString(movies.resolve(name + ".mkv"), "x");
        }
        ok("source", "add", "--type", "filesystem", "--name", "Library", "--base-path", movies.toString());
        ok("source", "enable", "Library/movies");
        ok("source", "ingest");
        String out = ok("source", "assets", "Library/movies").out();
        assertLinesUp(out, "KIND", "other", NAMES.size());
        assertLinesUp(out, "LOCAL PATH", movies.toString(), NAMES.size());
    }

    /** Every row holds {@code cell} at the terminal column where the header has {@code header}. */
    private static void assertLinesUp(String table, String header, String cell, int rows) {
        List<String> lines = table.lines().toList();
        assertEquals(rows + 1, lines.size(), table);
        int column = DisplayWidth.of(lines.get(0).substring(0, lines.get(0).indexOf(header)));
        List<Integer> columns = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            columns.add(DisplayWidth.of(line.substring(0, line.indexOf(cell))));
        }
        assertEquals(java.util.Collections.nCopies(rows, column), columns, "every " + cell + " under " + header + ":\n" + table);
    }
}
