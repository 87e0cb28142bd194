package org.retrovue.plugin.filesystem;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retrovue.spi.ExtraType;
import org.retrovue.spi.ItemKind;

/**
 * What a file is, read from its path relative to the collection root, the way Plex and Jellyfin ask libraries to
 * be named: episodes ({@code S01E02}, {@code 1x02}, a number in a {@code Season 01} folder, a date), movies
 * ({@code Title (1999)}, {@code Title.1999.1080p.BluRay}), and extras ({@code -trailer}, a {@code Featurettes}
 * folder), which are never episodes. Anything else is {@link ItemKind#OTHER}, titled by its file name.
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
    /** What a name says; fields that it does not say are null. {@code extra} is set for {@link ItemKind#EXTRA} only. */
    record Recognised(ItemKind kind, String title, String show, Integer season, Integer episode, Integer episodeEnd,
                      LocalDate airDate, Integer year, ExtraType extra) {
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
    /** Tags written as two words: {@code H.264}, {@code WEB-DL}, {@code Blu-ray}. */
    private static final Map<String, java.util.Set<String>> RELEASE_TAG_PAIRS = Map.of("h", java.util.Set.of("264", "265"), "web",
            java.util.Set.of("dl"), "blu", java.util.Set.of("ray"));

    private MediaNames() {}

    /** What the file at {@code relative} (its path under the collection root, {@code /} between names) is. */
    static Recognised recognise(String relative) {
        String[] names = relative.split("/");
        String file = names[names.length - 1];
        int dot = file.lastIndexOf('.');
        String stem = dot <= 0 ? file : file.substring(0, dot);
        int folders = names.length - 1;
        String parent = folders > 0 ? names[folders - 1] : null;
        Integer folderSeason = folders > 0 ? seasonOfFolder(parent) : null;
        String show = null; // of the folders: the one above a season folder, or a season pack's name
        if (folderSeason != null && folders > 1) {
            show = tidy(names[folders - 2]);
        } else if (folderSeason == null && parent != null) {
            Matcher pack = SEASON_PACK_FOLDER.matcher(parent);
            if (pack.find() && hasWord(parent, pack.start()) && !isExtrasFolder(parent)) {
                folderSeason = Integer.valueOf(pack.group(1));
                show = dotted(tidy(parent.substring(0, pack.start())));
            }
        }

        Recognised extra = extra(names, stem, folderSeason, show);
        if (extra != null) {
            return extra;
        }
        Recognised episode = episode(stem, folderSeason, show, parent, folders);
        if (episode != null) {
            return episode;
        }
        if (folderSeason != null) {
            return new Recognised(ItemKind.OTHER, stem, show, folderSeason, null, null, null, null, null);
        }
        Titled own = titled(stem);
        if (own.year() != null) {
            return new Recognised(ItemKind.MOVIE, own.title(), null, null, null, null, null, own.year(), null);
        }
        if (parent != null) {
            Titled folder = titled(parent);
            if (folder.year() != null) {
                return new Recognised(ItemKind.MOVIE, folder.title(), null, null, null, null, null, folder.year(), null);
            }
        }
        return Recognised.other(own.cleaned() ? own.title() : stem);
    }

    private static Integer seasonOfFolder(String name) {
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
        return name.toLowerCase(Locale.ROOT).replace(" ", "").replace(".", "").replace("_", "").replace("-", "");
    }

    private static boolean isExtrasFolder(String name) {
        return EXTRA_FOLDERS.containsKey(folderKey(name));
    }

    /** An extra by its suffix, its whole name ({@code trailer.mkv}), or its own folder inside another folder. */
    private static Recognised extra(String[] names, String stem, Integer folderSeason, String show) {
        int folders = names.length - 1;
        ExtraType type = null;
        String own = stem;
        int suffix = extraSuffix(stem);
        if (suffix > 0) {
            type = EXTRA_WORDS.get(lastWord(stem));
            own = stem.substring(0, suffix);
        } else if (stem.equalsIgnoreCase("trailer") || stem.equalsIgnoreCase("sample")) {
            type = EXTRA_WORDS.get(stem.toLowerCase(Locale.ROOT));
        }
        String owner = folders > 0 ? names[folders - 1] : null;
        if (type == null && folders > 1) {
            type = EXTRA_FOLDERS.get(folderKey(names[folders - 1]));
            owner = names[folders - 2];
        }
        if (type == null) {
            return null;
        }
        Integer season = folderSeason;
        String showName = show;
        if (folders > 2 && season == null && owner != null) { // Show/Season 01/Extras/...
            season = seasonOfFolder(owner);
            if (season != null) {
                showName = tidy(names[folders - 3]);
            }
        }
        Titled titled = titled(own);
        Integer year = titled.year();
        if (year == null && owner != null && season == null) {
            year = titled(owner).year();
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

    private static Recognised episode(String stem, Integer folderSeason, String folderShow, String parent, int folders) {
        Matcher bracketed = BRACKETED_ABSOLUTE.matcher(stem);
        if (!stem.isEmpty() && stem.charAt(0) == '[' && bracketed.find()) {
            return new Recognised(ItemKind.EPISODE, null, folderShow != null ? folderShow : dotted(tidy(bracketed.group(1))), folderSeason,
                    Integer.valueOf(bracketed.group(2)), null, null, null, null);
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
            return new Recognised(ItemKind.EPISODE, episodeTitle(stem.substring(marker.end())),
                    show(stem.substring(0, marker.start()), folderShow, parent, folders),
                    marker.season() != null ? marker.season() : folderSeason, marker.episode(), marker.last(), null, null, null);
        }
        Matcher date = DATE.matcher(stem);
        while (digits >= 8 && date.find()) {
            LocalDate aired = date(date.group(1), date.group(3), date.group(4));
            if (aired != null) {
                return new Recognised(ItemKind.EPISODE, episodeTitle(stem.substring(date.end())),
                        show(stem.substring(0, date.start()), folderShow, parent, folders), folderSeason, null, null, aired, aired.getYear(), null);
            }
        }
        if (folderSeason != null) {
            Matcher leading = LEADING_NUMBER.matcher(stem);
            if (leading.find()) {
                Integer first = Integer.valueOf(leading.group(1));
                Integer last = leading.group(2) == null ? null : Integer.valueOf(leading.group(2));
                return new Recognised(ItemKind.EPISODE, episodeTitle(stem.substring(leading.end())), folderShow, folderSeason, first,
                        last != null && last > first ? last : null, null, null, null);
            }
            Matcher word = EPISODE_WORD.matcher(stem);
            if (word.find()) {
                return new Recognised(ItemKind.EPISODE, episodeTitle(stem.substring(word.end())),
                        show(stem.substring(0, word.start()), folderShow, parent, folders), folderSeason, Integer.valueOf(word.group(1)),
                        null, null, null, null);
            }
        }
        return null;
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
    private static String show(String beforeMarker, String folderShow, String parent, int folders) {
        if (folderShow != null) {
            return folderShow;
        }
        String named = dotted(tidy(withoutGroups(beforeMarker)));
        if (!named.isEmpty()) {
            return named;
        }
        return folders > 0 ? tidy(parent) : null;
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
