import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filesystem kind's name recogniser (plugins/filesystem MediaNames) alone, over PATHS generated paths (default
 * 100,000) in two sets: the shape of bench/ingest's tree (bench/lib/MakeTree.java) and a mix of real-world shapes
 * (episodes, season packs, dated shows, movies in folders and as release names, stacked parts, provider ids,
 * extras). Each set is timed two ways, median of ROUNDS rounds after a warm-up: a whole path per call, and as the
 * scans call it (what a folder's names say read once per folder, then each file), when the recogniser has that.
 * Times are the thread's CPU time, so other work on the machine weighs little.
 * Runs on the class path so that the package-private class can be reached.
 *   java -cp plugins/filesystem/target/classes:modules/spi/target/classes bench/lib/MediaNamesBench.java [PATHS] [ROUNDS]
 */
public final class MediaNamesBench {
    public static void main(String[] args) throws Throwable {
        int paths = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Class<?> names = Class.forName("org.retrovue.plugin.filesystem.MediaNames");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Method whole = names.getDeclaredMethod("recognise", String.class);
        whole.setAccessible(true);
        MethodHandle byPath = lookup.unreflect(whole).asType(MethodType.methodType(Object.class, String.class));
        MethodHandle folderOf = null;
        MethodHandle inFolder = null;
        for (Method m : names.getDeclaredMethods()) {
            if (m.getName().equals("folder") && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
                m.setAccessible(true);
                folderOf = lookup.unreflect(m).asType(MethodType.methodType(Object.class, String.class));
            }
        }
        if (folderOf != null) {
            for (Method m : names.getDeclaredMethods()) {
                if (m.getName().equals("recognise") && m.getParameterCount() == 2) {
                    m.setAccessible(true);
                    inFolder = lookup.unreflect(m).asType(MethodType.methodType(Object.class, Object.class, String.class));
                }
            }
        }
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("bench/ingest tree", benchTree(paths));
        sets.put("real-world mix", mix(paths));
        System.out.printf("MediaNames, %,d paths a set, median of %d rounds, ns of CPU per path%n", paths, rounds);
        for (Map.Entry<String, List<String>> set : sets.entrySet()) {
            List<String> list = set.getValue();
            double perPath = time(rounds, () -> {
                long sink = 0;
                for (String p : list) {
                    sink += byPath.invokeExact(p).hashCode();
                }
                return sink;
            }) / list.size();
            String line = String.format("  %-18s whole path per call: %7.0f ns", set.getKey(), perPath);
            if (folderOf != null && inFolder != null) {
                MethodHandle f = folderOf;
                MethodHandle r = inFolder;
                double scan = time(rounds, () -> {
                    long sink = 0;
                    String lastFolder = null;
                    Object folder = null;
                    for (String p : list) {
                        int slash = p.lastIndexOf('/');
                        String dir = slash < 0 ? "" : p.substring(0, slash);
                        if (!dir.equals(lastFolder)) {
                            lastFolder = dir;
                            folder = f.invokeExact(dir);
                        }
                        sink += r.invokeExact(folder, p.substring(slash + 1)).hashCode();
                    }
                    return sink;
                }) / list.size();
                line += String.format("   as the scans call it (folder once): %7.0f ns", scan);
            }
            System.out.println(line);
        }
    }

    /** CPU time of this thread, not wall time: other work on the machine does not count. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    interface Work {
        long run() throws Throwable;
    }

    private static double time(int rounds, Work work) throws Throwable {
        long blackhole = 0;
        for (int i = 0; i < 5; i++) {
            blackhole += work.run();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            blackhole += work.run();
            nanos[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        if (blackhole == 42) {
            System.out.print("");
        }
        Arrays.sort(nanos);
        return nanos[rounds / 2];
    }

    /** As bench/lib/MakeTree.java names them (the videos among them). */
    private static List<String> benchTree(int paths) {
        List<String> out = new ArrayList<>(paths);
        for (int i = 0; i < paths; i++) {
            out.add("Show " + (i / 1000) + "/Season " + (i / 100 % 10 + 1) + "/Episode " + i + ".mkv");
        }
        return out;
    }

    private static List<String> mix(int paths) {
        List<String> out = new ArrayList<>(paths);
        int i = 0;
        while (out.size() < paths) {
            int show = i / 200;
            int season = i / 20 % 10 + 1;
            int episode = i % 20 + 1;
            int year = 1950 + i % 70;
            String s = String.format("%02d", season);
            String e = String.format("%02d", episode);
            switch (i % 10) {
                case 0, 1, 2 -> out.add("TV/Show " + show + "/Season " + s + "/Show " + show + " - S" + s + "E" + e + " - Episode Title " + i + ".mkv");
                case 3 -> out.add("TV/Show." + show + ".S" + s + ".1080p.BluRay.x264-GRP/show." + show + ".s" + s + "e" + e + ".1080p.bluray.x264-grp.mkv");
                case 4 -> out.add("Movies/Film Number " + i + " (" + year + ")/Film Number " + i + " (" + year + ").mkv");
                case 5 -> out.add("Movies/Film.Number." + i + "." + year + ".1080p.WEB-DL.DD5.1.H.264-GRP.mkv");
                case 6 -> out.add("Daily/The Daily Show " + show + "/The Daily Show " + show + " - 20" + (10 + season) + "-03-" + e + " - Guest.mkv");
                case 7 -> out.add("Movies/Film Number " + (i - 3) + " (" + (year - 3) + ")/Featurettes/Making of " + i + ".mkv");
                case 8 -> out.add("Movies/Film Number " + i + " (" + year + ") [imdbid-tt" + (1000000 + i) + "]/Film Number " + i + " (" + year + ") - cd" + (i % 2 + 1) + ".avi");
                default -> out.add("Home Videos/Birthday party " + i + ".mp4");
            }
            i++;
        }
        out.sort(null); // as a scan meets them: folder by folder
        return out;
    }
}
