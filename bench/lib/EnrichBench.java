import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.ScannedItem;

/**
 * bench/enrich (issue 16): the ffprobe enricher as shipped (its plugin jar, loaded in a module layer of its own over
 * the SPI, as a drop-in plugin is) enriching FILES new copies of the MP4 and MKV fixtures on one thread, against
 * ffprobe run once per file, one after another, on SAMPLE of the same files, and against ffprobe on a fixed pool of
 * one thread per core; then the fast path's facts checked against ffprobe's for the sample.
 *   java -Xmx256m -p retrovue-spi.jar --add-modules org.retrovue.spi EnrichBench.java FIXTURES PLUGIN_JAR WORKDIR [FILES] [SAMPLE]
 * WORKDIR must exist and be empty; the caller removes it (bench/enrich does, also on Ctrl-C).
 */
public final class EnrichBench {
    /** The enricher's option naming its ffprobe program: set to a missing program while timing the fast path. */
    private static final String FFPROBE_OPTION = "ffprobe";
    private static final int ROUNDS = 3;

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path fixtures = Path.of(args[0]);
        Path pluginJar = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int sampleSize = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        int cores = Runtime.getRuntime().availableProcessors();

        Enricher enricher = load(pluginJar);
        // While the fast path is timed, ffprobe is pointed at a program that is not there: a file the fast path
        // could not read would come back Declined and be counted, never silently timed as an ffprobe run.
        Map<String, String> noFfprobe = Map.of(FFPROBE_OPTION, work.resolve("no-ffprobe-here").toString());

        List<Path> originals = new ArrayList<>();
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("bad-") || !(name.endsWith(".mp4") || name.endsWith(".mkv"))) {
                    continue;
                }
                if (enrich(enricher, f, noFfprobe) instanceof EnrichmentResult.Declined(String reason)) {
                    int end = reason.indexOf("): "); // "waits for ffprobe (why the fast path declined): why ffprobe cannot run"
                    System.out.printf("left out: %s (the fast path hands it to ffprobe: %s)%n", name, end < 0 ? reason : reason.substring(0, end + 1));
                    continue;
                }
                originals.add(f);
            }
        }
        List<Path> files = copy(originals, work, count);
        System.out.printf("%,d files: %d MP4/MKV fixtures copied under new names in %s (%,d KB), %d cores, ffprobe %s%n",
                files.size(), originals.size(), work, du(files) / 1024, cores, ffprobeVersion());
        System.out.printf("enricher: %s %s from %s, in layer %s%n", enricher.id(), enricher.version(), pluginJar.getFileName(),
                enricher.getClass().getModule().getLayer() == ModuleLayer.boot() ? "boot" : "of its own");

        // Fast path: the requests as a scan hands them over (path, size, mtime: no stat timed here), a warm-up over
        // every file twice (the JIT compiles the readers), then ROUNDS timed passes.
        List<EnrichmentRequest> requests = new ArrayList<>(files.size());
        for (Path f : files) {
            requests.add(request(f));
        }
        for (int warm = 0; warm < 2; warm++) {
            for (EnrichmentRequest request : requests) {
                enricher.enrich(request, new Context(Instant.now().plusSeconds(30), noFfprobe));
            }
        }
        long gcBefore = gcCount();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        int filled = 0;
        int other = 0;
        String firstOther = null;
        for (int r = 0; r < ROUNDS; r++) {
            filled = 0;
            other = 0;
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (EnrichmentRequest request : requests) {
                EnrichmentResult result = enricher.enrich(request, new Context(Instant.now().plusSeconds(30), noFfprobe));
                if (result instanceof EnrichmentResult.Filled) {
                    filled++;
                } else {
                    other++;
                    firstOther = firstOther == null ? request.path().getFileName() + ": " + result : firstOther;
                }
            }
            wall[r] = (System.nanoTime() - start) / 1e3 / files.size();
            cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / files.size();
        }
        double fast = median(wall);
        double fastCpu = median(cpu);
        System.out.printf("fast path, 1 thread:   %8.1f us/file wall (rounds %s), %.1f us/file CPU; %,d filled, %d not%s%n",
                fast, rounds(wall), fastCpu, filled, other, firstOther == null ? "" : " (first: " + firstOther + ")");
        System.out.printf("heap:                  %s (usable %.0f MB), peak %.1f MB used so far, %d GCs (%s) in the timed rounds%n",
                heapFlags(), Runtime.getRuntime().maxMemory() / 1048576.0, peakHeap() / 1048576.0, gcCount() - gcBefore, gcNames());

        // ffprobe on the sample: every (count / sample)-th file.
        List<Path> sample = new ArrayList<>();
        java.util.Set<Path> covered = new java.util.HashSet<>();
        int step = Math.max(1, files.size() / sampleSize);
        for (int i = 0; i < files.size() && sample.size() < sampleSize; i += step) {
            sample.add(files.get(i));
            covered.add(originals.get(i % originals.size()));
        }
        System.out.printf("sample:                %d files, every %d-th, copies of %d of the %d fixtures%n", sample.size(), step,
                covered.size(), originals.size());
        // Sequential ffprobe (the original's command line) and a fixed pool of one thread per core (the enricher's own
        // command line), on the same files, interleaved block by block (the order alternating) so that a change in
        // the machine's load weighs on both alike.
        for (int i = 0; i < 10; i++) {
            ffprobe(original(sample.get(i)));
        }
        List<byte[]> sequentialAnswers = new ArrayList<>();
        List<byte[]> parallelAnswers = new ArrayList<>();
        long sequentialNanos = 0;
        long sequentialCpuMicros = 0;
        long parallelNanos = 0;
        long parallelCpuMicros = 0;
        int blocks = Math.max(1, Math.min(10, sample.size() / 10));
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            for (int b = 0; b < blocks; b++) {
                List<Path> block = sample.subList(b * sample.size() / blocks, (b + 1) * sample.size() / blocks);
                for (int half = 0; half < 2; half++) {
                    long start = System.nanoTime();
                    long childCpu = childrenCpuMicros();
                    if ((half + b) % 2 == 0) {
                        for (Path f : block) {
                            sequentialAnswers.add(ffprobe(original(f)));
                        }
                        sequentialNanos += System.nanoTime() - start;
                        sequentialCpuMicros += childrenCpuMicros() - childCpu;
                    } else {
                        List<Future<byte[]>> answers = new ArrayList<>();
                        for (Path f : block) {
                            answers.add(pool.submit(() -> ffprobe(enricherCommand(f))));
                        }
                        for (Future<byte[]> answer : answers) {
                            parallelAnswers.add(answer.get());
                        }
                        parallelNanos += System.nanoTime() - start;
                        parallelCpuMicros += childrenCpuMicros() - childCpu;
                    }
                }
            }
        }
        double sequential = sequentialNanos / 1e3 / sample.size();
        double sequentialCpu = (double) sequentialCpuMicros / sample.size();
        double parallel = parallelNanos / 1e3 / sample.size();
        double parallelCpu = (double) parallelCpuMicros / sample.size();
        System.out.printf("ffprobe, sequential:   %8.1f us/file wall, %.1f us/file CPU (%d files, one process each, one after another)%n",
                sequential, sequentialCpu, sample.size());
        System.out.printf("ffprobe, %d threads:    %8.1f us/file wall, %.1f us/file CPU (the same files, a fixed pool of %d threads;"
                + " interleaved with the above in %d blocks)%n", cores, parallel, parallelCpu, cores, blocks);
        System.out.printf("ratio:                 fast path %.0fx faster per file than sequential ffprobe (wall), %.0fx (CPU); target >= 100x: %s%n",
                sequential / fast, sequentialCpu / fastCpu, sequential / fast >= 100 ? "met" : "NOT met");
        System.out.printf("ratio:                 ffprobe on %d threads %.2fx faster per file than sequential; the fast path %.0fx faster than it (wall)%n",
                cores, sequential / parallel, parallel / fast);

        // The fast path's facts against ffprobe's answers, for the sample.
        int mismatches = 0;
        int parallelMismatches = 0;
        List<String> firstMismatches = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            Path f = sample.get(i);
            MediaFacts facts = ((EnrichmentResult.Filled) enrich(enricher, f, noFfprobe)).facts();
            List<String> differences = compare(facts, Json.parse(new String(sequentialAnswers.get(i), StandardCharsets.UTF_8)));
            if (!differences.isEmpty()) {
                mismatches++;
                if (firstMismatches.size() < 5) {
                    firstMismatches.add(f.getFileName() + ": " + differences);
                }
            }
            if (!compare(facts, Json.parse(new String(parallelAnswers.get(i), StandardCharsets.UTF_8))).isEmpty()) {
                parallelMismatches++;
            }
        }
        System.out.printf("fast path vs ffprobe:  %d mismatches in %d files (sequential answers), %d (parallel answers)"
                + " [duration within 0.1 s, stream counts, codec names, width/height, channels, languages]%n",
                mismatches, sample.size(), parallelMismatches);
        firstMismatches.forEach(m -> System.out.println("  " + m));
        System.gc();
        System.out.printf("heap, whole run:       peak %.1f MB used (young space included), %.1f MB live after a full GC; ran within %s%n",
                peakHeap() / 1048576.0, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0, heapFlags());
        System.out.printf("load:                  %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        if (mismatches != 0 || parallelMismatches != 0 || other != 0) {
            System.err.println("error: the fast path left files to ffprobe or disagreed with it; see above");
            System.exit(1);
        }
    }

    /** The plugin jar in a layer of its own over the boot layer (which holds the SPI), as a drop-in plugin is loaded. */
    private static Enricher load(Path jar) {
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolveAndBind(ModuleFinder.of(jar), ModuleFinder.of(), List.of("org.retrovue.plugin.ffprobe"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        return ServiceLoader.load(layer, Enricher.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.id().equals("ffprobe")).findFirst().orElseThrow(() -> new IllegalStateException("no ffprobe enricher in " + jar));
    }

    private static EnrichmentResult enrich(Enricher enricher, Path file, Map<String, String> options) throws IOException {
        return enricher.enrich(request(file), new Context(Instant.now().plusSeconds(30), options));
    }

    /** What a filesystem scan hands the enricher for a new file. */
    private static EnrichmentRequest request(Path file) throws IOException {
        var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        Instant modified = attributes.lastModifiedTime().toInstant();
        ScannedItem item = ScannedItem.file(file.getFileName().toString(), file.toString(), attributes.size(), modified,
                file.getFileName().toString());
        return new EnrichmentRequest(file, attributes.size(), modified, item, MediaFacts.NONE);
    }

    /** What the program hands the enricher for one item: a 30 s limit and the options given. */
    private record Context(Instant deadline, Map<String, String> options) implements EnrichmentContext {
        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("bench.enrich");
        }
    }

    /** COUNT copies of the originals under new names, interleaved (any stretch of them mixes every fixture), 1,000 to a folder. */
    private static List<Path> copy(List<Path> originals, Path work, int count) throws IOException {
        List<Path> copied = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path original = originals.get(i % originals.size());
            String name = original.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.'));
            Path folder = work.resolve(String.format("Show %02d/Season %02d", i / 1000, (i / 100) % 10 + 1));
            Files.createDirectories(folder);
            Path target = folder.resolve(String.format("Show %02d - S%02dE%03d - %s%s", i / 1000, (i / 100) % 10 + 1, i % 100 + 1,
                    name.substring(0, name.lastIndexOf('.')), extension));
            Files.copy(original, target);
            copied.add(target);
        }
        return copied;
    }

    /** The command line of the original RetroVue and its peers. */
    private static List<String> original(Path file) {
        return List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_chapters", file.toString());
    }

    /** The enricher's own (FfprobeRunner). */
    private static List<String> enricherCommand(Path file) {
        return List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_chapters", "-i",
                "file:" + file.toAbsolutePath());
    }

    /** Runs ffprobe and reads its answer, as a caller that uses it must. */
    private static byte[] ffprobe(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] answer;
        try (InputStream in = p.getInputStream()) {
            answer = in.readAllBytes();
        }
        if (p.waitFor() != 0) {
            throw new IOException("ffprobe failed (exit " + p.exitValue() + ") on " + command.getLast());
        }
        return answer;
    }

    /** Where the fast path's facts differ from ffprobe's answer; empty when they agree. */
    @SuppressWarnings("unchecked")
    private static List<String> compare(MediaFacts facts, Object answer) {
        List<String> differences = new ArrayList<>();
        Map<String, Object> root = (Map<String, Object>) answer;
        Map<String, Object> format = (Map<String, Object>) root.get("format");
        double duration = Double.parseDouble((String) format.get("duration"));
        if (facts.durationMillis() == null || Math.abs(duration - facts.durationMillis() / 1000.0) > 0.1) {
            differences.add("duration " + facts.durationMillis() + " ms vs ffprobe's " + duration + " s");
        }
        List<Map<String, Object>> video = streams(root, "video");
        List<Map<String, Object>> audio = streams(root, "audio");
        List<Map<String, Object>> subtitles = streams(root, "subtitle");
        if (video.size() != facts.video().size() || audio.size() != facts.audio().size() || subtitles.size() != facts.subtitles().size()) {
            differences.add("streams " + facts.video().size() + "/" + facts.audio().size() + "/" + facts.subtitles().size() + " vs ffprobe's "
                    + video.size() + "/" + audio.size() + "/" + subtitles.size());
            return differences;
        }
        for (int i = 0; i < video.size(); i++) {
            Map<String, Object> s = video.get(i);
            MediaFacts.Video v = facts.video().get(i);
            same(differences, "video " + i + " codec", s.get("codec_name"), v.codec());
            same(differences, "video " + i + " width", number(s.get("width")), v.width());
            same(differences, "video " + i + " height", number(s.get("height")), v.height());
            same(differences, "video " + i + " language", language(s), v.language());
        }
        for (int i = 0; i < audio.size(); i++) {
            Map<String, Object> s = audio.get(i);
            MediaFacts.Audio a = facts.audio().get(i);
            same(differences, "audio " + i + " codec", s.get("codec_name"), a.codec());
            same(differences, "audio " + i + " channels", number(s.get("channels")), a.channels());
            same(differences, "audio " + i + " language", language(s), a.language());
        }
        for (int i = 0; i < subtitles.size(); i++) {
            same(differences, "subtitle " + i + " codec", subtitles.get(i).get("codec_name"), facts.subtitles().get(i).codec());
            same(differences, "subtitle " + i + " language", language(subtitles.get(i)), facts.subtitles().get(i).language());
        }
        return differences;
    }

    private static void same(List<String> differences, String what, Object ffprobe, Object fast) {
        if (!java.util.Objects.equals(ffprobe, fast)) {
            differences.add(what + " " + fast + " vs ffprobe's " + ffprobe);
        }
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Double) value).intValue();
    }

    @SuppressWarnings("unchecked")
    private static String language(Map<String, Object> stream) {
        Object tags = stream.get("tags");
        return tags == null ? null : (String) ((Map<String, Object>) tags).get("language");
    }

    /** The streams of one type, cover pictures left out (they are not the item's video). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> streams(Map<String, Object> root, String type) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object o : (List<Object>) root.getOrDefault("streams", List.of())) {
            Map<String, Object> s = (Map<String, Object>) o;
            Map<String, Object> disposition = (Map<String, Object>) s.getOrDefault("disposition", Map.of());
            if (type.equals(s.get("codec_type")) && !Double.valueOf(1).equals(disposition.get("attached_pic"))) {
                found.add(s);
            }
        }
        return found;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String rounds(double[] values) {
        return String.join(" / ", Arrays.stream(values).mapToObj(v -> String.format("%.1f", v)).toList());
    }

    private static long du(List<Path> files) throws IOException {
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        return total;
    }

    private static String ffprobeVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-version").redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("?");
        p.waitFor();
        String[] words = first.split(" ");
        return words.length > 2 ? words[2] : first;
    }

    /** The sum of the heap pools' peaks (young space included, so mostly garbage): an upper bound on what the heap held at once. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String heapFlags() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xm")).toList());
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static String gcNames() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    /** CPU time of this process's waited-for children (cutime + cstime of /proc/self/stat), Linux only. */
    private static long childrenCpuMicros() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000; // USER_HZ is 100 on Linux
    }

    /** Just enough JSON for ffprobe's answers: objects as maps, arrays as lists, numbers as doubles. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("trailing text at " + json.at);
            }
            return value;
        }

        private Object value() {
            space();
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    at++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        map.put(key, value());
                        space();
                        if (text.charAt(at++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    at++;
                    List<Object> list = new ArrayList<>();
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        space();
                        if (text.charAt(at++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    for (String word : List.of("true", "false", "null")) {
                        if (text.startsWith(word, at)) {
                            at += word.length();
                            return word.equals("null") ? null : Boolean.valueOf(word);
                        }
                    }
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    return Double.parseDouble(text.substring(start, at));
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
