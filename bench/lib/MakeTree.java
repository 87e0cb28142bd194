import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Generates a media tree for bench/ingest: FILES empty files in nested folders (show/season, and year folders of
 * movies), 90% with video extensions in mixed case and 10% other files (.nfo, .srt, .jpg), plus hidden ones.
 *   java MakeTree.java DIR FILES
 */
public final class MakeTree {
    private static final String[] VIDEO = {"mkv", "mp4", "MKV", "avi", "m4v", "ts", "mov", "webm", "Mp4", "mpg"};
    private static final String[] OTHER = {"nfo", "srt", "jpg"};

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        Instant base = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < files; i++) {
            Path dir = root.resolve("Show " + (i / 1000)).resolve("Season " + (i / 100 % 10 + 1));
            if (i % 100 == 0) {
                Files.createDirectories(dir);
            }
            String extension = i % 10 == 9 ? OTHER[i / 10 % OTHER.length] : VIDEO[i % VIDEO.length];
            String name = (i % 997 == 0 ? "." : "") + "Episode " + i + "." + extension;
            Path file = Files.createFile(dir.resolve(name));
            Files.setLastModifiedTime(file, FileTime.from(base.plusSeconds(i)));
        }
    }
}
