package org.retrovue.plugin.filesystem;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retrovue.spi.ExtraType;
import org.retrovue.spi.ItemKind;

/**
 * What a file is, read from its path relative to the collection root, the way Plex and Jellyfin ask libraries to
 * be named: episodes ({@code S01E02}, {@code 1x02}, a number in a {@code Season 01} folder, a date), movies
 * ({@code Title (1999)}, {@code Title.1999.1080p.BluRay}, and the stacked parts of one, {@code Title (1999) - cd1}),
 * and extras ({@code -trailer}, a {@code Featurettes} folder), which are never episodes. Anything else is
 * {@link ItemKind#OTHER}, titled by its file name. Provider ids in brackets ({@code {imdb-tt0078748}},
 * {@code [tmdbid-348]}) are read and left out of titles and show names.
 *
 * <p>The rules follow Jellyfin's Emby.Naming (EpisodePathParser, ExtraRuleResolver, CleanDateTime) and Plex's
 * naming guide, with these differences, each a mistake of theirs seen in real libraries:
 * <ul>
 *   <li>A file that holds several episodes ({@code S01E04-E06}, {@code S01E04E05}, {@code 1x04-06}) is one item
 *       with a first and a last episode. Plex makes a row per episode, all pointing at one file, so a scheduler
 *       would play it three times. Jellyfin reads the last episode from any number after a dash, so
 *       {@code S01E02-1080p} ends at episode 108; here a range ends only at a number no letter follows, above the
 *       first one.</li>
 *   <li>A year is the last year-like word that has a title before it, so {@code 1917 (2019)},
 *       {@code 2001 A Space Odyssey (1968)} and {@code Blade.Runner.2049.2017.1080p} keep their titles.</li>
 *   <li>Jellyfin takes a bare number anywhere ({@code Foo Bar 889}, {@code 01.avi}) for an episode, which makes
 *       episodes of movies with numbers in their names; here a bare number counts only in a season folder.</li>
 *   <li>Jellyfin also reads {@code dd.MM.yyyy} dates, which cannot be told from American {@code MM.dd.yyyy}; only
 *       year-first dates are read here.</li>
 *   <li>An extras folder ({@code Other}, {@code Shorts} ...) counts only as the file's own folder inside another
 *       folder, so a collection whose top folder is called {@code Shorts} or {@code Other} keeps its films.</li>
 * </ul>
 * A file named like an episode inside a folder named like a movie ({@code Title (1999)/S01E02.mkv}) is an episode of
 * the show {@code Title (1999)}: Plex names show folders that way too, and the marker is the stronger sign.
 */
final class MediaNames {
    /**
     * What a name says; fields that it does not say are null, {@code providerIds} empty. {@code extra} is set for
     * {@link ItemKind#EXTRA} only.
     */
    record Recognised(ItemKind kind, String title, String show, Integer season, Integer episode, Integer episodeEnd,
                      LocalDate airDate, Integer year, ExtraType extra, Map<String, String> providerIds) {
        Recognised(ItemKind kind, String title, String show, Integer season, Integer episode, Integer episodeEnd,
                   LocalDate airDate, Integer year, ExtraType extra) {
            this(kind, title, show, season, episode, episodeEnd, airDate, year, extra, Map.of());
        }

        static Recognised other(String title) {
            return new Recognised(ItemKind.OTHER, title, null, null, null, null, null, null, null);
        }
    }

    private static final String NO_WORD_BEFORE = "(?<![A-Za-z0-9])";
    private static final Pattern SXXEYY = Pattern.compile(NO_WORD_BEFORE + "s(\\d{1,4})[ ._-]{0,3}e(\\d{1,4})(?![0-9])", Pattern.CASE_INSENSITIVE);
    /** After an SxxEyy: more episodes of the same file ({@code -E06}, {@code E05}, {@code -S01E06}, {@code -06}). */
    private static final Pattern SXXEYY_MORE = Pattern.compile(
            "\\G(?:[ ._]*-[ ._]*|[ ._]?)(?:s(\\d{1,4})[ ._-]?)?e(\\d{1,4})(?![0-9])|\\G-(\\d{1,4})(?![0-9A-Za-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORDS = Pattern.compile(NO_WORD_BEFORE + "season[ ._-]*(\\d{1,4})[ ._-]*episode[ ._-]*(\\d{1,4})(?![0-9])",
            Pattern.CASE_INSENSITIVE);
    /** 1x02; one or two digits before the x, so a resolution such as 1920x1080 is not one. */
    private static final Pattern NXNN = Pattern.compile(NO_WORD_BEFORE + "(\\d{1,2})x(\\d{1,3})(?![0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern NXNN_MORE = Pattern.compile(
            "\\G(?:[ ._]*-[ ._]*)?(\\d{1,2})x(\\d{1,3})(?![0-9])|\\G[xe](\\d{1,3})(?![0-9])|\\G-(\\d{1,3})(?![0-9A-Za-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("(?<![0-9])((?:19|20)\\d{2})([-._ ])(\\d{2})\\2(\\d{2})(?![0-9])");
    /** In a season folder: {@code 05 - Title}, {@code E05}, {@code Episode 5}, {@code 05-06}. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(?:episode|ep|e)?[ ._]?(\\d{1,3})(?:-(?:episode|ep|e)?(\\d{1,3}))?(?![0-9A-Za-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EPISODE_WORD = Pattern.compile(NO_WORD_BEFORE + "(?:episode|ep|e)[ ._]?(\\d{1,3})(?![0-9])", Pattern.CASE_INSENSITIVE);
    /** Fansub names: {@code [Group] Show - 01 [1080p]}, numbered through the series. */
    private static final Pattern BRACKETED_ABSOLUTE = Pattern.compile("^\\[[^\\]]*\\][ _]*(.+?)[ _]+-[ _]+(\\d{1,4})(?:v\\d)?(?=$|[ _\\[(])");

    private static final Pattern SEASON_FOLDER = Pattern.compile(
            "^(?:season|series|saison|staffel|temporada|stagione|seizoen|sezon|s\u00e4song|s\u00e6son|kausi)[ ._-]*(\\d{1,4})(?![0-9]).*$|^s(\\d{1,4})$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A season pack's folder: {@code Show Name S01}, {@code Show.Name.Season.2.1080p.BluRay}. */
    private static final Pattern SEASON_PACK_FOLDER = Pattern.compile("(?<=[ ._-])(?:s|season[ ._-]*)(\\d{1,2})(?=$|[ ._-])", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPECIALS_FOLDER = Pattern.compile("^specials?$", Pattern.CASE_INSENSITIVE);

    private static final Map<String, ExtraType> EXTRA_WORDS = Map.ofEntries(Map.entry("trailer", ExtraType.TRAILER),
            Map.entry("featurette", ExtraType.FEATURETTE), Map.entry("behindthescenes", ExtraType.BEHIND_THE_SCENES),
            Map.entry("deleted", ExtraType.DELETED_SCENE), Map.entry("deletedscene", ExtraType.DELETED_SCENE),
            Map.entry("interview", ExtraType.INTERVIEW), Map.entry("scene", ExtraType.SCENE), Map.entry("short", ExtraType.SHORT),
            Map.entry("sample", ExtraType.SAMPLE), Map.entry("clip", ExtraType.CLIP), Map.entry("other", ExtraType.OTHER),
            Map.entry("extra", ExtraType.OTHER));
    /** Folder names, lower case with separators taken out. */
    private static final Map<String, ExtraType> EXTRA_FOLDERS = Map.ofEntries(Map.entry("extras", ExtraType.OTHER),
            Map.entry("extra", ExtraType.OTHER), Map.entry("other", ExtraType.OTHER), Map.entry("others", ExtraType.OTHER),
            Map.entry("featurettes", ExtraType.FEATURETTE), Map.entry("featurette", ExtraType.FEATURETTE),
            Map.entry("trailers", ExtraType.TRAILER), Map.entry("trailer", ExtraType.TRAILER),
            Map.entry("behindthescenes", ExtraType.BEHIND_THE_SCENES), Map.entry("deletedscenes", ExtraType.DELETED_SCENE),
            Map.entry("deleted", ExtraType.DELETED_SCENE), Map.entry("interviews", ExtraType.INTERVIEW),
            Map.entry("scenes", ExtraType.SCENE), Map.entry("shorts", ExtraType.SHORT), Map.entry("samples", ExtraType.SAMPLE),
            Map.entry("sample", ExtraType.SAMPLE), Map.entry("clips", ExtraType.CLIP), Map.entry("backdrops", ExtraType.THEME_VIDEO));

    private static final Pattern PAREN_YEAR = Pattern.compile("\\(((?:18|19|20)\\d{2})\\)");
    private static final Pattern BARE_YEAR = Pattern.compile("(?<=[ ._\\-(\\[])((?:19|20)\\d{2})(?=$|[ ._\\-)\\]])");
    /** Bracketed groups: {@code [1080p]}, {@code [GROUP]}, Plex's {@code {edition-...}} and {@code {imdb-tt...}}. */
    private static final Pattern GROUPS = Pattern.compile("\\[[^\\]]*\\]|\\{[^}]*\\}");
    /** Words that start a release name's technical tail: resolution, source, codec, audio and the like. */
    private static final java.util.Set<String> RELEASE_TAGS = java.util.Set.of("480p", "480i", "576p", "576i", "720p", "720i", "1080p",
            "1080i", "2160p", "4k", "uhd", "hdr", "hdr10", "bluray", "bdrip", "brrip", "bdremux", "remux", "webdl", "webrip", "hdtv",
            "pdtv", "dvdrip", "dvdscr", "hdrip", "dvd", "x264", "x265", "h264", "h265", "hevc", "avc", "xvid", "divx", "aac", "ac3", "dts",
            "dd5", "ddp5", "atmos", "truehd", "10bit", "proper", "repack", "unrated", "internal", "limited", "multi", "subbed", "dubbed");
    private static final int LONGEST_RELEASE_TAG = 8;
    /** Tags written as two words: {@code H.264}, {@code WEB-DL}, {@code Blu-ray}. */
    private static final Map<String, java.util.Set<String>> RELEASE_TAG_PAIRS = Map.of("h", java.util.Set.of("264", "265"), "web",
            java.util.Set.of("dl"), "blu", java.util.Set.of("ray"));

    private MediaNames() {}

    /** What the file at {@code relative} (its path under the collection root, {@code /} between names) is. */
    static Recognised recognise(String relative) {
        int slash = relative.lastIndexOf('/');
        return recognise(folder(slash < 0 ? "" : relative.substring(0, slash)), relative.substring(slash + 1));
    }

    /**
     * What a folder's names say (its path under the collection root, "" for the root), read once for all the files
     * in it: the scans list a folder's files together, and most of a name's reading is of its folders.
     */
    static Folder folder(String relative) {
        if (relative.isEmpty()) {
            return new Folder(new String[0]);
        }
        // the last three names are all that a file's folders say anything by
        int end = relative.length();
        String[] names = new String[3];
        int found = 0;
        while (found < 3 && end >= 0) {
            int slash = relative.lastIndexOf('/', end - 1);
            names[2 - found++] = relative.substring(slash + 1, end);
            end = slash;
        }
        return new Folder(found == 3 ? names : java.util.Arrays.copyOfRange(names, 3 - found, 3));
    }

    /** What the file called {@code file} in {@code folder} is. */
    static Recognised recognise(Folder folder, String file) {
        int dot = file.lastIndexOf('.');
        String stem = dot <= 0 ? file : file.substring(0, dot);
        Recognised extra = extra(folder, stem);
        if (extra != null) {
            return extra;
        }
        Recognised episode = episode(stem, folder);
        if (episode != null) {
            return episode;
        }
        Map<String, String> ids = providerIds(stem);
        if (folder.season != null) {
            return new Recognised(ItemKind.OTHER, ids.isEmpty() ? stem : withoutIds(stem), folder.show, folder.season, null, null, null,
                    null, null, ids);
        }
        int part = partSuffix(stem);
        String name = part > 0 ? stem.substring(0, part) : stem;
        Titled own = titled(name);
        if (own.year() != null) {
            return new Recognised(ItemKind.MOVIE, own.title(), null, null, null, null, null, own.year(), null, withFolders(ids, folder));
        }
        Titled parentTitled = folder.parentTitled();
        if (parentTitled != null && parentTitled.year() != null) {
            return new Recognised(ItemKind.MOVIE, parentTitled.title(), null, null, null, null, null, parentTitled.year(), null,
                    withFolders(ids, folder));
        }
        return new Recognised(ItemKind.OTHER, own.cleaned() || part > 0 ? own.title() : stem, null, null, null, null, null, null, null, ids);
    }

    /** A movie's ids: its file's, then those of its folder when the folder is named like a movie (with a year). */
    private static Map<String, String> withFolders(Map<String, String> own, Folder folder) {
        if (folder.parentIds().isEmpty() || folder.parentTitled().year() == null) {
            return own;
        }
        if (own.isEmpty()) {
            return folder.parentIds();
        }
        Map<String, String> ids = new TreeMap<>(folder.parentIds());
        ids.putAll(own);
        return ids;
    }

    /**
     * What a file's folders say, whatever its own name: see {@link #folder}. What only some files need (the folder
     * read as a title, as a show's name, as an extras folder) is read at the first that needs it; one scan thread
     * uses a folder's.
     */
    static final class Folder {
        private final String[] names; // the last three at most, the file's own folder last
        private final int depth; // of those
        private final String parent;
        private final Integer season; // of the file's folder: a season folder's, or a season pack's
        private final String show; // the folder above a season folder, or a season pack's name
        private String parentShow; // the file's folder read as a show's name
        private Titled parentTitled;
        private Map<String, String> parentIds;
        private boolean extrasRead;
        private ExtraType extrasFolder; // the file's folder is an extras folder inside another folder
        private Titled extrasOwner; // then: the folder above it, read as a title
        private Integer extrasSeason; // then: the season when that folder is a season folder
        private String extrasShow; // and its show

        private Folder(String[] names) {
            this.names = names;
            depth = names.length;
            parent = depth > 0 ? names[depth - 1] : null;
            Integer folderSeason = depth > 0 ? seasonOfFolder(parent) : null;
            String showName = null;
            if (folderSeason != null && depth > 1) {
                showName = tidy(withoutIds(names[depth - 2]));
            } else if (folderSeason == null && parent != null && maySayPackSeason(parent)) {
                Matcher pack = SEASON_PACK_FOLDER.matcher(parent);
                if (pack.find() && hasWord(parent, pack.start()) && !isExtrasFolder(parent)) {
                    folderSeason = Integer.valueOf(pack.group(1));
                    showName = dotted(tidy(withoutIds(parent.substring(0, pack.start()))));
                }
            }
            season = folderSeason;
            show = showName;
        }

        private String parentShow() {
            if (parentShow == null && depth > 0) {
                parentShow = tidy(withoutIds(parent));
            }
            return parentShow;
        }

        /** The file's folder read as a title and year; null at the root. */
        private Titled parentTitled() {
            if (parentTitled == null && depth > 0) {
                parentTitled = titled(parent);
            }
            return parentTitled;
        }

        private Map<String, String> parentIds() {
            if (parentIds == null) {
                parentIds = depth > 0 ? providerIds(parent) : Map.of();
            }
            return parentIds;
        }

        private ExtraType extrasFolder() {
            if (!extrasRead) {
                extrasRead = true;
                extrasFolder = depth > 1 ? EXTRA_FOLDERS.get(folderKey(parent)) : null;
                if (extrasFolder != null) {
                    extrasOwner = titled(names[depth - 2]);
                    extrasSeason = depth > 2 ? seasonOfFolder(names[depth - 2]) : null;
                    extrasShow = extrasSeason != null ? tidy(withoutIds(names[depth - 3])) : null;
                }
            }
            return extrasFolder;
        }
    }

    /** Whether {@link #SEASON_PACK_FOLDER} can be found: an {@code s} after a separator, before a digit or {@code eason}. */
    private static boolean maySayPackSeason(String name) {
        for (int i = 1, n = name.length() - 1; i < n; i++) {
            char c = name.charAt(i);
            if ((c == 's' || c == 'S') && isSeparator(name.charAt(i - 1))
                    && (isDigit(name.charAt(i + 1)) || name.regionMatches(true, i, "season", 0, 6))) {
                return true;
            }
        }
        return false;
    }

    private static Integer seasonOfFolder(String name) {
        if (name.isEmpty()) {
            return null;
        }
        char first = Character.toLowerCase(Character.toUpperCase(name.charAt(0))); // as the patterns fold case: the long s is an s
        if (first != 's' && first != 't' && first != 'k') {
            return null; // none of the words a season folder starts with
        }
        if (SPECIALS_FOLDER.matcher(name).matches()) {
            return 0;
        }
        Matcher m = SEASON_FOLDER.matcher(name);
        if (m.matches()) {
            return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return null;
    }

    /** A folder's name as the extras folders are looked up; "" for a name longer than any of them with its separators. */
    private static String folderKey(String name) {
        if (name.length() > 24) {
            return "";
        }
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (!isSeparator(c)) {
                key.append(c);
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isExtrasFolder(String name) {
        return EXTRA_FOLDERS.containsKey(folderKey(name));
    }

    /** An extra by its suffix, its whole name ({@code trailer.mkv}), or its own folder inside another folder. */
    private static Recognised extra(Folder folder, String stem) {
        ExtraType type = null;
        String own = stem;
        int suffix = extraSuffix(stem);
        if (suffix > 0) {
            type = EXTRA_WORDS.get(lastWord(stem));
            own = stem.substring(0, suffix);
        } else if (stem.equalsIgnoreCase("trailer") || stem.equalsIgnoreCase("sample")) {
            type = EXTRA_WORDS.get(stem.toLowerCase(Locale.ROOT));
        }
        boolean byFolder = type == null && folder.extrasFolder() != null;
        Integer season = folder.season;
        String showName = folder.show;
        if (byFolder) {
            type = folder.extrasFolder;
            if (season == null && folder.extrasSeason != null) { // Show/Season 01/Extras/...
                season = folder.extrasSeason;
                showName = folder.extrasShow;
            }
        }
        if (type == null) {
            return null;
        }
        Titled titled = titled(own);
        Integer year = titled.year();
        Titled owner = byFolder ? folder.extrasOwner : folder.parentTitled(); // the folder the extra belongs to
        if (year == null && owner != null && season == null) {
            year = owner.year();
        }
        return new Recognised(ItemKind.EXTRA, titled.title().isEmpty() ? stem : titled.title(), showName, season, null, null, null, year, type);
    }

    /**
     * Where the name before an extra's suffix ends, or -1: Plex's and Jellyfin's suffixes after a dash
     * ({@code -trailer}, {@code - featurette}), {@code trailer} and {@code sample} after any separator, as Jellyfin
     * reads them, each with a number of one or two digits after it or not ({@code -trailer2}).
     */
    private static int extraSuffix(String stem) {
        int end = wordEnd(stem);
        int start = end;
        while (start > 0 && isAsciiLetter(stem.charAt(start - 1))) {
            start--;
        }
        if (start == end || start == 0) {
            return -1;
        }
        String word = stem.substring(start, end).toLowerCase(Locale.ROOT);
        if (!EXTRA_WORDS.containsKey(word)) {
            return -1;
        }
        int before = start;
        while (before > 0 && isSeparator(stem.charAt(before - 1)) && stem.charAt(before - 1) != '-') {
            before--;
        }
        int cut;
        if (before > 0 && stem.charAt(before - 1) == '-') {
            cut = before - 1;
        } else if ((word.equals("trailer") || word.equals("sample")) && isSeparator(stem.charAt(start - 1))) {
            cut = start - 1;
        } else {
            return -1;
        }
        while (cut > 0 && isSeparator(stem.charAt(cut - 1))) {
            cut--;
        }
        return cut > 0 ? cut : -1;
    }

    /** The end of a name's last word: before one or two digits at its end, and a separator before them. */
    private static int wordEnd(String stem) {
        int end = stem.length();
        int digits = end;
        while (digits > 0 && end - digits < 3 && Character.isDigit(stem.charAt(digits - 1))) {
            digits--;
        }
        if (digits < end && end - digits <= 2) {
            end = digits > 0 && isSeparator(stem.charAt(digits - 1)) ? digits - 1 : digits;
        }
        return end;
    }

    private static String lastWord(String stem) {
        int end = wordEnd(stem);
        int start = end;
        while (start > 0 && isAsciiLetter(stem.charAt(start - 1))) {
            start--;
        }
        return stem.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '_' || c == '-';
    }

    /** Whether {@code text} holds something other than separators before {@code end}. */
    private static boolean hasWord(String text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (!isSeparator(c) && c != '(' && !Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private static Recognised episode(String stem, Folder folder) {
        Integer folderSeason = folder.season;
        String folderShow = folder.show;
        if (!stem.isEmpty() && stem.charAt(0) == '[') {
            Matcher bracketed = BRACKETED_ABSOLUTE.matcher(stem);
            if (bracketed.find()) {
                return new Recognised(ItemKind.EPISODE, null, folderShow != null ? folderShow : dotted(tidy(bracketed.group(1))), folderSeason,
                        Integer.valueOf(bracketed.group(2)), null, null, null, null, providerIds(stem));
            }
        }
        int digits = digits(stem);
        if (digits == 0) {
            return null; // every marker has a number
        }
        Marker marker = letterBeforeDigit(stem, 's') ? sxxeyy(stem) : null;
        if (marker == null && (stem.indexOf("eason") >= 0 || stem.indexOf("EASON") >= 0)) {
            Matcher words = WORDS.matcher(stem);
            if (digits >= 2 && words.find()) {
                marker = new Marker(words.start(), words.end(), Integer.valueOf(words.group(1)), Integer.valueOf(words.group(2)), null);
            }
        }
        if (marker == null && (stem.indexOf('x') >= 0 || stem.indexOf('X') >= 0)) {
            marker = nxnn(stem);
        }
        if (marker != null) {
            return new Recognised(ItemKind.EPISODE, episodeTitle(stem.substring(marker.end())), show(stem.substring(0, marker.start()), folder),
                    marker.season() != null ? marker.season() : folderSeason, marker.episode(), marker.last(), null, null, null,
                    providerIds(stem));
        }
        if (digits >= 8) {
            Matcher date = DATE.matcher(stem);
            while (date.find()) {
                LocalDate aired = date(date.group(1), date.group(3), date.group(4));
                if (aired != null) {
                    return new Recognised(ItemKind.EPISODE, episodeTitle(stem.substring(date.end())), show(stem.substring(0, date.start()), folder),
                            folderSeason, null, null, aired, aired.getYear(), null, providerIds(stem));
                }
            }
        }
        if (folderSeason != null) {
            if (mayLeadWithNumber(stem)) {
                Matcher leading = LEADING_NUMBER.matcher(stem);
                if (leading.find()) {
                    Integer first = Integer.valueOf(leading.group(1));
                    Integer last = leading.group(2) == null ? null : Integer.valueOf(leading.group(2));
                    return new Recognised(ItemKind.EPISODE, episodeTitle(stem.substring(leading.end())), folderShow, folderSeason, first,
                            last != null && last > first ? last : null, null, null, null, providerIds(stem));
                }
            }
            if (mayHaveEpisodeWord(stem)) {
                Matcher word = EPISODE_WORD.matcher(stem);
                if (word.find()) {
                    return new Recognised(ItemKind.EPISODE, episodeTitle(stem.substring(word.end())), show(stem.substring(0, word.start()), folder),
                            folderSeason, Integer.valueOf(word.group(1)), null, null, null, null, providerIds(stem));
                }
            }
        }
        return null;
    }

    /**
     * Whether {@link #LEADING_NUMBER} can match: after {@code episode}, {@code ep}, {@code e} or nothing, and one
     * separator or none, a run of one to three digits. A cheap test, so most names are ruled out without a search.
     */
    private static boolean mayLeadWithNumber(String stem) {
        for (String word : LEADING_WORDS) {
            if (stem.regionMatches(true, 0, word, 0, word.length())) {
                int at = word.length();
                if (shortNumberAt(stem, at) || (at < stem.length() && isLeadingSeparator(stem.charAt(at)) && shortNumberAt(stem, at + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String[] LEADING_WORDS = {"episode", "ep", "e", ""};

    private static boolean isLeadingSeparator(char c) {
        return c == ' ' || c == '.' || c == '_';
    }

    /** Whether a run of one to three digits, and no more, starts at {@code at}. */
    private static boolean shortNumberAt(String text, int at) {
        int end = at;
        while (end < text.length() && end - at < 4 && isDigit(text.charAt(end))) {
            end++;
        }
        return end > at && end - at <= 3;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether {@link #EPISODE_WORD} can match: a run of one to three digits whose first is right after an
     * {@code e} or {@code p} (the ends of {@code e}, {@code ep} and {@code episode}), or after one separator after one.
     */
    private static boolean mayHaveEpisodeWord(String stem) {
        for (int i = 1, n = stem.length(); i < n; i++) {
            if (isDigit(stem.charAt(i)) && !isDigit(stem.charAt(i - 1)) && shortNumberAt(stem, i)) {
                char before = stem.charAt(i - 1);
                if (isEp(before) || (i > 1 && isLeadingSeparator(before) && isEp(stem.charAt(i - 2)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isEp(char c) {
        return c == 'e' || c == 'E' || c == 'p' || c == 'P';
    }

    /** Whether {@code letter}, in either case, stands right before a digit somewhere in {@code text}: a cheap test before a search. */
    private static boolean letterBeforeDigit(String text, char letter) {
        char upper = Character.toUpperCase(letter);
        for (int i = 0, n = text.length() - 1; i < n; i++) {
            char c = text.charAt(i);
            if ((c == letter || c == upper) && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int digits(String text) {
        int count = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }

    /** Where an episode marker is in a name, and what it says; {@code last} is null for a file of one episode. */
    private record Marker(int start, int end, Integer season, Integer episode, Integer last) {}

    private static Marker sxxeyy(String stem) {
        Matcher m = SXXEYY.matcher(stem);
        if (!m.find()) {
            return null;
        }
        int season = Integer.parseInt(m.group(1));
        int first = Integer.parseInt(m.group(2));
        int last = first;
        int end = m.end();
        Matcher more = SXXEYY_MORE.matcher(stem);
        while (end < stem.length() && more.find(end)) {
            if (more.group(1) != null && Integer.parseInt(more.group(1)) != season) {
                end = more.end(); // across seasons: no range the SPI can hold, so the file is its first episode
                break;
            }
            int next = Integer.parseInt(more.group(2) != null ? more.group(2) : more.group(3));
            if (next <= last) {
                break;
            }
            last = next;
            end = more.end();
        }
        return new Marker(m.start(), end, season, first, last > first ? last : null);
    }

    private static Marker nxnn(String stem) {
        Matcher m = NXNN.matcher(stem);
        if (!m.find()) {
            return null;
        }
        if (PAREN_YEAR.matcher(stem).region(m.end(), stem.length()).find()) {
            return null; // 10x10 (2018) is a film; an episode's name has no year after its number
        }
        int season = Integer.parseInt(m.group(1));
        int first = Integer.parseInt(m.group(2));
        int last = first;
        int end = m.end();
        Matcher more = NXNN_MORE.matcher(stem);
        while (end < stem.length() && more.find(end)) {
            if (more.group(1) != null && Integer.parseInt(more.group(1)) != season) {
                break;
            }
            String number = more.group(2) != null ? more.group(2) : more.group(3) != null ? more.group(3) : more.group(4);
            int next = Integer.parseInt(number);
            if (next <= last) {
                break;
            }
            last = next;
            end = more.end();
        }
        return new Marker(m.start(), end, season, first, last > first ? last : null);
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The show: its folder's name when there is a season folder, else the name before the marker, else the folder. */
    private static String show(String beforeMarker, Folder folder) {
        if (folder.show != null) {
            return folder.show;
        }
        String named = dotted(tidy(withoutGroups(beforeMarker)));
        if (!named.isEmpty()) {
            return named;
        }
        return folder.parentShow();
    }

    /** What follows an episode's marker, less the release's technical tail; null when nothing is left. */
    private static String episodeTitle(String afterMarker) {
        String text = withoutGroups(afterMarker);
        int tag = releaseTag(text);
        if (tag >= 0) {
            text = text.substring(0, tag);
        }
        String title = dotted(tidy(text));
        return title.isEmpty() ? null : title;
    }

    /** A name read as a title and year; {@code cleaned} when a release's technical tail or tags were cut off. */
    private record Titled(String title, Integer year, boolean cleaned) {}

    private static Titled titled(String name) {
        String text = withoutGroups(name);
        boolean cleaned = text.length() != name.length() || !text.equals(name);
        Matcher paren = PAREN_YEAR.matcher(text);
        int at = -1;
        int year = 0;
        while (text.indexOf('(') >= 0 && paren.find()) {
            if (hasWord(text, paren.start())) {
                at = paren.start();
                year = Integer.parseInt(paren.group(1));
            }
        }
        if (at < 0 && digits(text) >= 4) {
            Matcher bare = BARE_YEAR.matcher(text);
            while (bare.find()) {
                if (hasWord(text, bare.start())) {
                    at = bare.start();
                    year = Integer.parseInt(bare.group(1));
                }
            }
        }
        if (at >= 0) {
            return new Titled(dotted(tidy(text.substring(0, at))), year, true);
        }
        int tag = releaseTag(text);
        if (tag > 0 && hasWord(text, tag)) {
            return new Titled(dotted(tidy(text.substring(0, tag))), null, true);
        }
        return new Titled(cleaned ? dotted(tidy(text)) : name, null, cleaned);
    }

    /** Where the first release tag starts in {@code text} (a word between separators or brackets), or -1. */
    private static int releaseTag(String text) {
        int n = text.length();
        int i = 0;
        String previous = null;
        int previousStart = -1;
        while (i < n) {
            while (i < n && isTagBreak(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isTagBreak(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            if (i - start > LONGEST_RELEASE_TAG) {
                previous = null;
                continue; // longer than any tag, or than the first word of a pair
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            if (RELEASE_TAGS.contains(word)) {
                return start;
            }
            if (previous != null && RELEASE_TAG_PAIRS.getOrDefault(previous, java.util.Set.of()).contains(word)) {
                return previousStart;
            }
            previous = word;
            previousStart = start;
        }
        return -1;
    }

    private static boolean isTagBreak(char c) {
        return isSeparator(c) || c == '(' || c == ')' || c == '[' || c == ']';
    }

    /** Plex's, Jellyfin's and Emby's names of the provider whose id a bracketed group holds, lower case, by what the group says. */
    private static final Map<String, String> PROVIDERS = Map.of("imdb", "imdb", "imdbid", "imdb", "tmdb", "tmdb", "tmdbid", "tmdb",
            "tvdb", "tvdb", "tvdbid", "tvdb");

    /**
     * The provider ids a name holds in brackets: {@code {imdb-tt0078748}}, {@code [imdbid-tt0078748]},
     * {@code [tmdbid=348]} and the like, {@code imdb} ids as {@code tt} and digits, the others as digits; the first of
     * a provider wins. Empty when there are none.
     */
    static Map<String, String> providerIds(String name) {
        Map<String, String> ids = Map.of();
        int open = firstOpening(name, 0);
        while (open >= 0) {
            int close = name.indexOf(name.charAt(open) == '[' ? ']' : '}', open + 1);
            if (close < 0) {
                break;
            }
            int at = idStart(name, open, close);
            if (at > 0) {
                String provider = PROVIDERS.get(name.substring(open + 1, at - 1).toLowerCase(Locale.ROOT));
                String id = name.substring(at, close);
                if (ids.isEmpty()) {
                    ids = Map.of(provider, id);
                } else if (!ids.containsKey(provider)) {
                    ids = new TreeMap<>(ids);
                    ids.put(provider, id);
                }
            }
            open = firstOpening(name, close + 1);
        }
        return ids;
    }

    private static int firstOpening(String name, int from) {
        int square = name.indexOf('[', from);
        int curly = name.indexOf('{', from);
        return square < 0 ? curly : curly < 0 ? square : Math.min(square, curly);
    }

    /** Where the id starts in the bracketed group from {@code open} to {@code close} when it is a provider id, else -1. */
    private static int idStart(String name, int open, int close) {
        int sign = open + 1;
        while (sign < close && isAsciiLetter(name.charAt(sign))) {
            sign++;
        }
        if (sign == close || (name.charAt(sign) != '-' && name.charAt(sign) != '=')
                || !PROVIDERS.containsKey(name.substring(open + 1, sign).toLowerCase(Locale.ROOT))) {
            return -1;
        }
        int at = sign + 1;
        int digits = at;
        if (PROVIDERS.get(name.substring(open + 1, sign).toLowerCase(Locale.ROOT)).equals("imdb")) {
            if (close - at < 3 || !name.regionMatches(true, at, "tt", 0, 2)) {
                return -1;
            }
            digits = at + 2;
        }
        if (digits == close) {
            return -1;
        }
        for (int i = digits; i < close; i++) {
            if (!isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return at;
    }

    /** {@code name} less its provider id groups, so that a folder named {@code Firefly [tvdbid-78874]} names the show {@code Firefly}. */
    private static String withoutIds(String name) {
        int open = firstOpening(name, 0);
        if (open < 0) {
            return name;
        }
        StringBuilder out = null;
        int copied = 0;
        while (open >= 0) {
            int close = name.indexOf(name.charAt(open) == '[' ? ']' : '}', open + 1);
            if (close < 0) {
                break;
            }
            if (idStart(name, open, close) > 0) {
                if (out == null) {
                    out = new StringBuilder(name.length());
                }
                out.append(name, copied, open);
                copied = close + 1;
            }
            open = firstOpening(name, close + 1);
        }
        if (out == null) {
            return name;
        }
        return tidy(out.append(name, copied, name.length()).toString());
    }

    private static final java.util.Set<String> PART_WORDS = java.util.Set.of("cd", "dvd", "part", "pt", "disc", "disk");

    /**
     * Where the name before a stacked part's suffix ends ({@code Movie (1999) - cd1}, {@code - part 2}, {@code .pt1},
     * {@code disc1}: Plex's and Jellyfin's cd, dvd, part, pt, disc and disk with a number), or -1. The word counts when
     * it is glued to its number or a dash stands before it, so {@code Deathly Hallows Part 2} keeps its title.
     */
    private static int partSuffix(String stem) {
        int end = stem.length();
        int digits = end;
        while (digits > 0 && end - digits <= 2 && isDigit(stem.charAt(digits - 1))) {
            digits--;
        }
        if (digits == end || end - digits > 2) {
            return -1;
        }
        int wordEnd = digits;
        while (wordEnd > 0 && isSeparator(stem.charAt(wordEnd - 1))) {
            wordEnd--;
        }
        int start = wordEnd;
        while (start > 0 && isAsciiLetter(stem.charAt(start - 1))) {
            start--;
        }
        if (start == wordEnd || start == 0 || !isSeparator(stem.charAt(start - 1))
                || !PART_WORDS.contains(stem.substring(start, wordEnd).toLowerCase(Locale.ROOT))) {
            return -1;
        }
        int cut = start;
        boolean dash = false;
        while (cut > 0 && isSeparator(stem.charAt(cut - 1))) {
            dash |= stem.charAt(cut - 1) == '-';
            cut--;
        }
        if (wordEnd != digits && !dash) {
            return -1;
        }
        return cut > 0 && hasWord(stem, cut) ? cut : -1;
    }

    private static String withoutGroups(String text) {
        return text.indexOf('[') < 0 && text.indexOf('{') < 0 ? text : GROUPS.matcher(text).replaceAll(" ");
    }

    /** Without separators at either end (and an opening bracket at its end), runs of white space made one space. */
    private static String tidy(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (isSeparator(text.charAt(start)) || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        while (end > start && (isSeparator(text.charAt(end - 1)) || text.charAt(end - 1) == '(' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        StringBuilder out = null;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (space && (c != ' ' || Character.isWhitespace(text.charAt(i + 1))) && out == null) {
                out = new StringBuilder(end - start).append(text, start, i);
            }
            if (out != null && !(space && Character.isWhitespace(text.charAt(i + 1)))) {
                out.append(space ? ' ' : c);
            }
        }
        return out != null ? out.toString() : text.substring(start, end);
    }

    /** A release name's dots and underscores read as spaces ({@code The.Daily.Show}), when it has no space of its own. */
    private static String dotted(String text) {
        if (text.indexOf(' ') >= 0 || (text.indexOf('.') < 0 && text.indexOf('_') < 0)) {
            return text;
        }
        return tidy(text.replace('.', ' ').replace('_', ' '));
    }
}
