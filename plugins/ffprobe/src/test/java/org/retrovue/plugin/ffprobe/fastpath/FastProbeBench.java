package org.retrovue.plugin.ffprobe.fastpath;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
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
    private static final int SAMPLE = Integer.getInteger("ffprobe.sample", 50);

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
                known += FastProbe.probe(f) instanceof ProbeResult.Known ? 1 : 0;
            }
            for (int warm = 0; warm < 30_000; warm += files.size()) { // until the JIT has compiled the readers
                for (Path f : files) {
                    FastProbe.probe(f);
                }
            }
            System.out.printf("fast path: %d read, %d left to ffprobe%n", known, files.size() - known);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] rounds = new double[5];
            double[] cpuRounds = new double[5];
            for (int r = 0; r < rounds.length; r++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                for (Path f : files) {
                    FastProbe.probe(f);
                }
                rounds[r] = (System.nanoTime() - start) / 1e3 / files.size();
                cpuRounds[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / files.size();
            }
            Arrays.sort(rounds);
            Arrays.sort(cpuRounds);
            double fast = rounds[rounds.length / 2];
            double fastCpu = cpuRounds[cpuRounds.length / 2];
            System.out.printf("fast path: %.1f us/file wall, %.1f us/file CPU (medians of %d rounds over all %d files)%n",
                    fast, fastCpu, rounds.length, files.size());
            // The floor under any in-process reader: open, read the first window, close.
            ByteBuffer window = ByteBuffer.allocate(BoundedReader.FIRST_WINDOW);
            for (int r = 0; r < rounds.length; r++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                for (Path f : files) {
                    try (FileChannel channel = FileChannel.open(f, StandardOpenOption.READ)) {
                        window.clear();
                        channel.read(window, 0);
                    }
                }
                rounds[r] = (System.nanoTime() - start) / 1e3 / files.size();
                cpuRounds[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / files.size();
            }
            Arrays.sort(rounds);
            Arrays.sort(cpuRounds);
            System.out.printf("open+read %d KB+close alone: %.1f us/file wall, %.1f us/file CPU%n",
                    BoundedReader.FIRST_WINDOW / 1024, rounds[rounds.length / 2], cpuRounds[cpuRounds.length / 2]);
            if (!onPath("ffprobe")) {
                System.out.println("ffprobe: not on PATH, no comparison");
                return;
            }
            List<Path> sample = files.subList(0, Math.min(SAMPLE, files.size()));
            long start = System.nanoTime();
            long childCpuStart = childrenCpuMicros();
            for (Path f : sample) {
                Process p = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                        "-show_streams", "-show_chapters", f.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor();
            }
            double ffprobe = (System.nanoTime() - start) / 1e3 / sample.size();
            double ffprobeCpu = (double) (childrenCpuMicros() - childCpuStart) / sample.size();
            System.out.printf("ffprobe:   %.1f us/file wall, %.1f us/file CPU (%d files, one after another)%n",
                    ffprobe, ffprobeCpu, sample.size());
            System.out.printf("ratio:     fast path is %.0fx faster per file (wall), %.0fx (CPU)%n",
                    ffprobe / fast, ffprobeCpu / fastCpu);
            System.out.printf("load:      %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
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

    /** CPU time of this process's waited-for children (utime + stime of /proc/self/stat), Linux only. */
    private static long childrenCpuMicros() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (fields 16, 17)
        return ticks * 10_000; // USER_HZ is 100 on Linux
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
