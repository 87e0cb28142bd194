package org.retrovue.plugin.ffprobe.fastpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * bench/probe-fastpath: the fast path per file over the fixtures copied COPIES times under new names, against
 * ffprobe run once per file, one after another, on 50 of the same files (when ffprobe is on PATH).
 * {@code --dump} prints what the fast path answers for each fixture instead.
 */
public final class FastProbeBench {
    private FastProbeBench() {}

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("--dump")) {
            for (Path f : FastProbeFixturesTest.fixtures()) {
                System.out.println(f.getFileName() + "\n    " + FastProbe.probe(f));
            }
            return;
        }
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path work = Files.createTempDirectory("probe-fastpath");
        try {
            List<Path> files = copy(fixtures, work, copies);
            System.out.printf("%d files (%d fixtures x %d copies) in %s%n", files.size(), files.size() / copies, copies, work);
            int known = 0;
            for (Path f : files) {
                known += FastProbe.probe(f) instanceof ProbeResult.Known ? 1 : 0; // warm-up, and the verdicts
            }
            System.out.printf("fast path: %d read, %d left to ffprobe%n", known, files.size() - known);
            double[] rounds = new double[5];
            for (int r = 0; r < rounds.length; r++) {
                long start = System.nanoTime();
                for (Path f : files) {
                    FastProbe.probe(f);
                }
                rounds[r] = (System.nanoTime() - start) / 1e3 / files.size();
            }
            Arrays.sort(rounds);
            double fast = rounds[rounds.length / 2];
            System.out.printf("fast path: %.1f us/file (median of %d rounds over all %d files)%n", fast, rounds.length, files.size());
            if (!onPath("ffprobe")) {
                System.out.println("ffprobe: not on PATH, no comparison");
                return;
            }
            List<Path> sample = files.subList(0, Math.min(50, files.size()));
            long start = System.nanoTime();
            for (Path f : sample) {
                Process p = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                        "-show_streams", "-show_chapters", f.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor();
            }
            double ffprobe = (System.nanoTime() - start) / 1e3 / sample.size();
            System.out.printf("ffprobe:   %.1f us/file (%d files, one after another)%n", ffprobe, sample.size());
            System.out.printf("ratio:     fast path is %.0fx faster per file%n", ffprobe / fast);
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** COPIES copies of every fixture, interleaved (so any prefix is a mix of all of them). */
    private static List<Path> copy(Path fixtures, Path work, int copies) throws IOException {
        List<Path> originals;
        try (Stream<Path> files = Files.list(fixtures)) {
            originals = files.filter(f -> !f.getFileName().toString().contains(".ffprobe.")).sorted().toList();
        }
        List<Path> copied = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            for (Path original : originals) {
                Path target = work.resolve(i + "-" + original.getFileName());
                Files.copy(original, target);
                copied.add(target);
            }
        }
        return copied;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
