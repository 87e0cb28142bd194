package org.retrovue.plugin.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.retrovue.spi.ExtraType;
import org.retrovue.spi.ItemKind;

/**
 * Real-world names, each with all that it must give. Columns: path under the collection root | kind | title | show |
 * season | episode | last episode | air date | year | extra type, then, when there are any, the provider ids
 * ({@code imdb=tt0078748,tmdb=348}); {@code -} is none.
 */
class MediaNamesTest {
    private static final String TABLE = """
            # Episodes: SxxEyy in its forms, in season folders named every way
            Breaking Bad/Season 01/Breaking Bad - S01E01 - Pilot.mkv | episode | Pilot | Breaking Bad | 1 | 1 | - | - | - | -
            Breaking Bad/Season 1/breaking.bad.s01e02.720p.bluray.x264-demand.mkv | episode | - | Breaking Bad | 1 | 2 | - | - | - | -
            The Office (US)/Season 02/The Office (US) - s2e3 - Office Olympics.mkv | episode | Office Olympics | The Office (US) | 2 | 3 | - | - | - | -
            Doctor Who (2005)/Season 01/Doctor Who (2005) - S01E01 - Rose.mkv | episode | Rose | Doctor Who (2005) | 1 | 1 | - | - | - | -
            Doctor Who (1963)/Season 01/Doctor Who - S01E01 - An Unearthly Child (1).mkv | episode | An Unearthly Child (1) | Doctor Who (1963) | 1 | 1 | - | - | - | -
            Sherlock/Season 02/Sherlock - S02E01 - A Scandal in Belgravia.mp4 | episode | A Scandal in Belgravia | Sherlock | 2 | 1 | - | - | - | -
            Dark/S01/Dark - S01E01 - Secrets.mkv | episode | Secrets | Dark | 1 | 1 | - | - | - | -
            Das Boot/Staffel 1/Das Boot - S01E01.mkv | episode | - | Das Boot | 1 | 1 | - | - | - | -
            Money Heist/Temporada 2/Money Heist - s02e03.mkv | episode | - | Money Heist | 2 | 3 | - | - | - | -
            Fawlty Towers/Series 1/Fawlty Towers - 1x03 - The Wedding Party.avi | episode | The Wedding Party | Fawlty Towers | 1 | 3 | - | - | - | -
            Firefly/Season 01/Firefly - 1x01 - Serenity.avi | episode | Serenity | Firefly | 1 | 1 | - | - | - | -
            TV/Fawlty Towers/Series 1/1x03 - The Wedding Party.avi | episode | The Wedding Party | Fawlty Towers | 1 | 3 | - | - | - | -
            TV/Doctor Who (2005)/Specials/Doctor Who - S00E01.mkv | episode | - | Doctor Who (2005) | 0 | 1 | - | - | - | -
            Top Gear/Season 22/Top Gear - Season 22 Episode 1.mkv | episode | - | Top Gear | 22 | 1 | - | - | - | -
            House/Season 03/House.S03.E05.Fools.for.Love.mkv | episode | Fools for Love | House | 3 | 5 | - | - | - | -
            # the file's own marker wins over its folder
            Scrubs/Season 1/Scrubs - S02E01.mkv | episode | - | Scrubs | 2 | 1 | - | - | - | -
            # specials
            The Simpsons/Season 00/The Simpsons - S00E01 - Good Night.mkv | episode | Good Night | The Simpsons | 0 | 1 | - | - | - | -
            The Simpsons/Specials/The Simpsons - S00E02 - Christmas Special.mkv | episode | Christmas Special | The Simpsons | 0 | 2 | - | - | - | -
            Friends/Specials/Friends - The One That Goes Behind the Scenes.mkv | other | Friends - The One That Goes Behind the Scenes | Friends | 0 | - | - | - | - | -
            # no season folder: the show is the name before the marker, else the folder
            Shows/Breaking.Bad.S05E14.Ozymandias.1080p.WEB-DL.DD5.1.H.264-BS.mkv | episode | Ozymandias | Breaking Bad | 5 | 14 | - | - | - | -
            Seinfeld.S03E17.The.Boyfriend.DVDRip.XviD.avi | episode | The Boyfriend | Seinfeld | 3 | 17 | - | - | - | -
            The Twilight Zone (1959)/The Twilight Zone - 1x01 - Where Is Everybody.mkv | episode | Where Is Everybody | The Twilight Zone | 1 | 1 | - | - | - | -
            Firefly/S01E01 - Serenity.mkv | episode | Serenity | Firefly | 1 | 1 | - | - | - | -
            S01E01.mkv | episode | - | - | 1 | 1 | - | - | - | -
            The.Expanse.S02.1080p.BluRay.x264-ROVERS/the.expanse.s02e05.1080p.bluray.x264-rovers.mkv | episode | - | The Expanse | 2 | 5 | - | - | - | -
            # a number alone counts in a season folder only
            Twin Peaks/Season 2/Episode 8.mkv | episode | - | Twin Peaks | 2 | 8 | - | - | - | -
            Dark/S01/01 - Secrets.mkv | episode | Secrets | Dark | 1 | 1 | - | - | - | -
            Columbo/Season 01/E03 - Murder by the Book.mkv | episode | Murder by the Book | Columbo | 1 | 3 | - | - | - | -
            Cowboy Bebop/Season 1/Session 01 - Asteroid Blues.mkv | other | Session 01 - Asteroid Blues | Cowboy Bebop | 1 | - | - | - | - | -
            # several episodes in one file: one item, first and last
            Friends/Season 04/Friends - S04E23-E24 - The One with Ross's Wedding.mkv | episode | The One with Ross's Wedding | Friends | 4 | 23 | 24 | - | - | -
            Lost/Season 01/Lost.S01E01E02.Pilot.720p.BluRay.x264.mkv | episode | Pilot | Lost | 1 | 1 | 2 | - | - | -
            Stargate SG-1/Season 01/Stargate SG-1 - S01E01-E02 - Children of the Gods.mkv | episode | Children of the Gods | Stargate SG-1 | 1 | 1 | 2 | - | - | -
            The Wire/Season 1/The Wire - S01E04-06.mkv | episode | - | The Wire | 1 | 4 | 6 | - | - | -
            Battlestar Galactica (2003)/Season 00/Battlestar Galactica (2003) - S00E01-S00E02 - Miniseries.mkv | episode | Miniseries | Battlestar Galactica (2003) | 0 | 1 | 2 | - | - | -
            Seinfeld/Season 09/Seinfeld - S09E23 E24 - The Finale.mkv | episode | The Finale | Seinfeld | 9 | 23 | 24 | - | - | -
            Futurama/Season 1/Futurama - 1x01-02.mkv | episode | - | Futurama | 1 | 1 | 2 | - | - | -
            Twin Peaks/Season 1/Twin.Peaks.S01E01E02E03.mkv | episode | - | Twin Peaks | 1 | 1 | 3 | - | - | -
            # Jellyfin reads 108 as the last episode here
            Mad Men/Season 01/Mad.Men.S01E02-1080p.mkv | episode | - | Mad Men | 1 | 2 | - | - | - | -
            # a range across seasons, or backwards, is not a range
            Lost/Season 01/Lost - S01E24-S02E01.mkv | episode | - | Lost | 1 | 24 | - | - | - | -
            # other scripts
            進撃の巨人/Season 01/進撃の巨人 - S01E01 - 二千年後の君へ.mkv | episode | 二千年後の君へ | 進撃の巨人 | 1 | 1 | - | - | - | -
            Сериалы/Универ - S01E05.mkv | episode | - | Универ | 1 | 5 | - | - | - | -
            Frieren/[SubsPlease] Sousou no Frieren - 01 (1080p) [F02B9CB2].mkv | episode | - | Sousou no Frieren | - | 1 | - | - | - | -
            # date-based
            The Daily Show/The Daily Show - 2024-03-01 - Guest Name.mkv | episode | Guest Name | The Daily Show | - | - | - | 2024-03-01 | 2024 | -
            Jeopardy/Season 2024/Jeopardy.2024.03.01.720p.HDTV.x264-NTb.mkv | episode | - | Jeopardy | 2024 | - | - | 2024-03-01 | 2024 | -
            Late Night/Late.Night.with.Seth.Meyers.2024.03.01.Jodie.Foster.720p.WEB.h264.mkv | episode | Jodie Foster | Late Night with Seth Meyers | - | - | - | 2024-03-01 | 2024 | -
            News/News_2023_12_31.mp4 | episode | - | News | - | - | - | 2023-12-31 | 2023 | -
            # movies
            Movies/Alien (1979)/Alien (1979).mkv | movie | Alien | - | - | - | - | - | 1979 | -
            Alien (1979)/movie.mkv | movie | Alien | - | - | - | - | - | 1979 | -
            The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv | movie | The Matrix | - | - | - | - | - | 1999 | -
            1917 (2019)/1917 (2019).mkv | movie | 1917 | - | - | - | - | - | 2019 | -
            1917.2019.1080p.WEB-DL.DD5.1.H264-FGT.mkv | movie | 1917 | - | - | - | - | - | 2019 | -
            2001 A Space Odyssey (1968)/2001 A Space Odyssey (1968).mkv | movie | 2001 A Space Odyssey | - | - | - | - | - | 1968 | -
            Blade Runner 2049 (2017)/Blade Runner 2049 (2017).mkv | movie | Blade Runner 2049 | - | - | - | - | - | 2017 | -
            Blade.Runner.2049.2017.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-EPSiLON.mkv | movie | Blade Runner 2049 | - | - | - | - | - | 2017 | -
            Movies/Blade Runner (1982) {edition-Final Cut}/Blade Runner (1982) {edition-Final Cut}.mkv | movie | Blade Runner | - | - | - | - | - | 1982 | -
            Movies/Heat (1995) [1080p]/Heat (1995) [1080p].mkv | movie | Heat | - | - | - | - | - | 1995 | -
            Movies/Charlotte's Web (1973)/Charlotte's Web (1973).mkv | movie | Charlotte's Web | - | - | - | - | - | 1973 | -
            Movies/Se7en.1995.REMASTERED.1080p.BluRay.x264.mkv | movie | Se7en | - | - | - | - | - | 1995 | -
            Movies/10x10 (2018)/10x10 (2018).mkv | movie | 10x10 | - | - | - | - | - | 2018 | -
            Movies/Apollo 13 (1995).mkv | movie | Apollo 13 | - | - | - | - | - | 1995 | -
            Movies/Kill Bill Vol. 1 (2003)/Kill Bill Vol. 1 (2003).mkv | movie | Kill Bill Vol. 1 | - | - | - | - | - | 2003 | -
            Movies/Amélie (2001)/Amélie (2001).mkv | movie | Amélie | - | - | - | - | - | 2001 | -
            Movies/千と千尋の神隠し (2001)/千と千尋の神隠し (2001).mkv | movie | 千と千尋の神隠し | - | - | - | - | - | 2001 | -
            Movies/Амели (2001).mkv | movie | Амели | - | - | - | - | - | 2001 | -
            Movies/The Others (2001)/The Others (2001).mkv | movie | The Others | - | - | - | - | - | 2001 | -
            Movies/The Big Short (2015)/The Big Short (2015).mkv | movie | The Big Short | - | - | - | - | - | 2015 | -
            Movies/Trailer Park Boys The Movie (2006).mkv | movie | Trailer Park Boys The Movie | - | - | - | - | - | 2006 | -
            # a top folder called Shorts is a category, not a film's extras
            Shorts/Duck Amuck (1953).mkv | movie | Duck Amuck | - | - | - | - | - | 1953 | -
            # an episode's marker in a folder named like a movie: Plex names show folders so too
            Movies/Some Film (2001)/S01E02.mkv | episode | - | Some Film (2001) | 1 | 2 | - | - | - | -
            # nothing to tell
            Movies/Heat.mkv | other | Heat | - | - | - | - | - | - | -
            Home Videos/Birthday party.mp4 | other | Birthday party | - | - | - | - | - | - | -
            Movies/The.Thing.1080p.BluRay.x264.mkv | other | The Thing | - | - | - | - | - | - | -
            Videos/Demo 1920x1080.mp4 | other | Demo 1920x1080 | - | - | - | - | - | - | -
            Movies/Heat.1995.H.264.mkv | movie | Heat | - | - | - | - | - | 1995 | -
            Movies/Heat.Blu-ray.mkv | other | Heat | - | - | - | - | - | - | -
            # extras, by suffix
            Movies/Alien (1979)/Alien (1979) - Trailer 2.mkv | extra | Alien | - | - | - | - | - | 1979 | trailer
            Movies/Hot Fuzz (2007)/Hot Fuzz (2007)-trailer.mkv | extra | Hot Fuzz | - | - | - | - | - | 2007 | trailer
            Movies/Alien (1979)/Alien-behindthescenes.mkv | extra | Alien | - | - | - | - | - | 1979 | behind_the_scenes
            Movies/Alien (1979)/Alien (1979)-deleted.mkv | extra | Alien | - | - | - | - | - | 1979 | deleted_scene
            Movies/Alien (1979)/Ridley Scott-interview.mkv | extra | Ridley Scott | - | - | - | - | - | 1979 | interview
            Movies/Alien (1979)/Chestburster-scene.mkv | extra | Chestburster | - | - | - | - | - | 1979 | scene
            Movies/WALL-E (2008)/Presto-short.mkv | extra | Presto | - | - | - | - | - | 2008 | short
            Movies/Alien (1979)/Making of-featurette.mkv | extra | Making of | - | - | - | - | - | 1979 | featurette
            Movies/Alien (1979)/trailer.mkv | extra | trailer | - | - | - | - | - | 1979 | trailer
            Movies/Alien (1979)/Alien.Trailer.mkv | extra | Alien | - | - | - | - | - | 1979 | trailer
            The.Matrix.1999.1080p.BluRay.x264-GROUP/Sample/the.matrix.1999.1080p-sample.mkv | extra | the matrix | - | - | - | - | - | 1999 | sample
            Breaking Bad/Season 02/Breaking Bad - S02E01-deleted.mkv | extra | Breaking Bad - S02E01 | Breaking Bad | 2 | - | - | - | - | deleted_scene
            # extras, by folder
            Movies/Hot Fuzz (2007)/Featurettes/Making Hot Fuzz.mkv | extra | Making Hot Fuzz | - | - | - | - | - | 2007 | featurette
            Movies/Alien (1979)/Behind The Scenes/The Beast Within.mkv | extra | The Beast Within | - | - | - | - | - | 1979 | behind_the_scenes
            Movies/Alien (1979)/Deleted Scenes/Cocoon.mkv | extra | Cocoon | - | - | - | - | - | 1979 | deleted_scene
            Movies/Alien (1979)/Extras/Alien Commentary.mkv | extra | Alien Commentary | - | - | - | - | - | 1979 | other
            Movies/Alien (1979)/Trailers/Teaser.mkv | extra | Teaser | - | - | - | - | - | 1979 | trailer
            Movies/Alien (1979)/Interviews/Sigourney Weaver.mkv | extra | Sigourney Weaver | - | - | - | - | - | 1979 | interview
            Movies/Alien (1979)/Other/Storyboards.mkv | extra | Storyboards | - | - | - | - | - | 1979 | other
            Breaking Bad/Season 01/Extras/Inside Breaking Bad.mkv | extra | Inside Breaking Bad | Breaking Bad | 1 | - | - | - | - | other
            Breaking Bad/Featurettes/Writers Room.mkv | extra | Writers Room | - | - | - | - | - | - | featurette
            # stacked parts of one movie (Plex's and Jellyfin's cd, disc, disk, dvd, part, pt): the movie, the part left out of the title
            Movies/The Abyss (1989)/The Abyss (1989) - cd1.avi | movie | The Abyss | - | - | - | - | - | 1989 | -
            Movies/Pulp Fiction (1994)/Pulp Fiction - part2.mkv | movie | Pulp Fiction | - | - | - | - | - | 1994 | -
            Movies/Lawrence of Arabia (1962) - pt1.mkv | movie | Lawrence of Arabia | - | - | - | - | - | 1962 | -
            Movies/Das Boot (1981) disc2.mkv | movie | Das Boot | - | - | - | - | - | 1981 | -
            Movies/Heat.1995.DVDRip.XviD-dvd1.avi | movie | Heat | - | - | - | - | - | 1995 | -
            Movies/Seven Samurai (1954)/Seven.Samurai.CD2.avi | movie | Seven Samurai | - | - | - | - | - | 1954 | -
            Movies/Seven Samurai.cd2.avi | other | Seven Samurai | - | - | - | - | - | - | -
            Movies/Lawrence of Arabia - Part 2.mkv | other | Lawrence of Arabia | - | - | - | - | - | - | -
            Movies/Lawrence of Arabia - Disk 1.mkv | other | Lawrence of Arabia | - | - | - | - | - | - | -
            # a part without a dash before it and apart from its number is the title's
            Movies/Harry Potter and the Deathly Hallows Part 2.mkv | other | Harry Potter and the Deathly Hallows Part 2 | - | - | - | - | - | - | -
            # provider ids in names, as Plex ({imdb-...}), Jellyfin ([imdbid-...]) and Emby ([imdbid=...]) write them
            Movies/Alien (1979) [imdbid-tt0078748]/Alien (1979) [imdbid-tt0078748].mkv | movie | Alien | - | - | - | - | - | 1979 | - | imdb=tt0078748
            Movies/Alien (1979) {imdb-tt0078748}/Alien (1979).mkv | movie | Alien | - | - | - | - | - | 1979 | - | imdb=tt0078748
            Movies/Alien (1979) {tmdb-348}/movie.mkv | movie | Alien | - | - | - | - | - | 1979 | - | tmdb=348
            Movies/Alien (1979) [tmdbid-348] [imdbid-tt0078748].mkv | movie | Alien | - | - | - | - | - | 1979 | - | imdb=tt0078748,tmdb=348
            Movies/Alien (1979) [tmdbid=348].mkv | movie | Alien | - | - | - | - | - | 1979 | - | tmdb=348
            Movies/Alien.1979.1080p.BluRay.x264 {imdb-tt0078748}.mkv | movie | Alien | - | - | - | - | - | 1979 | - | imdb=tt0078748
            Movies/Blade Runner (1982) {edition-Final Cut} {tmdb-78}/Blade Runner (1982) {edition-Final Cut} - cd2.mkv | movie | Blade Runner | - | - | - | - | - | 1982 | - | tmdb=78
            # the file's own id wins over its folder's
            Movies/Alien (1979) {tmdb-1}/Alien (1979) {tmdb-348}.mkv | movie | Alien | - | - | - | - | - | 1979 | - | tmdb=348
            # a show folder's id names the show, not the episode: left out of the show's name, not given to the episode
            TV/Firefly [tvdbid-78874]/Season 01/Firefly - S01E01 - Serenity.mkv | episode | Serenity | Firefly | 1 | 1 | - | - | - | -
            TV/Firefly {tvdb-78874}/Firefly - S01E02.mkv | episode | - | Firefly | 1 | 2 | - | - | - | -
            TV/Firefly {tvdb-78874}/S01E03.mkv | episode | - | Firefly | 1 | 3 | - | - | - | -
            TV/Firefly/Season 01/Firefly - S01E01 - Serenity [tvdbid-297989].mkv | episode | Serenity | Firefly | 1 | 1 | - | - | - | - | tvdb=297989
            TV/Firefly [tvdbid-78874]/Season 01/Extras/Here's How It Was.mkv | extra | Here's How It Was | Firefly | 1 | - | - | - | - | other
            # an extra is not its movie: no ids
            Movies/Alien (1979) [imdbid-tt0078748]/Alien (1979) [imdbid-tt0078748]-trailer.mkv | extra | Alien | - | - | - | - | - | 1979 | trailer
            Movies/Alien (1979) {imdb-tt0078748}/Featurettes/Making Alien.mkv | extra | Making Alien | - | - | - | - | - | 1979 | featurette
            # what is not an id stays out of the ids
            Movies/Alien (1979) [imdbid-0078748] {tmdb-abc} {tvdb-}.mkv | movie | Alien | - | - | - | - | - | 1979 | -
            Home Videos/Party [tmdbid-12].mp4 | other | Party | - | - | - | - | - | - | - | tmdb=12
            """;

    private record Row(String path, ItemKind kind, String title, String show, Integer season, Integer episode, Integer episodeEnd,
                       LocalDate airDate, Integer year, ExtraType extra, Map<String, String> ids) {}

    private static List<Row> rows() {
        return TABLE.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(line -> {
            String[] c = line.split("\\s*\\|\\s*", -1);
            if (c.length != 10 && c.length != 11) {
                throw new IllegalArgumentException("not 10 or 11 columns: " + line);
            }
            return new Row(c[0], ItemKind.valueOf(c[1].toUpperCase(java.util.Locale.ROOT)), text(c[2]), text(c[3]), number(c[4]),
                    number(c[5]), number(c[6]), c[7].equals("-") ? null : LocalDate.parse(c[7]), number(c[8]),
                    c[9].equals("-") ? null : ExtraType.valueOf(c[9].toUpperCase(java.util.Locale.ROOT)), c.length == 11 ? ids(c[10]) : Map.of());
        }).toList();
    }

    private static Map<String, String> ids(String cell) {
        Map<String, String> ids = new TreeMap<>();
        for (String pair : cell.split(",")) {
            String[] kv = pair.split("=", 2);
            ids.put(kv[0], kv[1]);
        }
        return ids;
    }

    private static String text(String cell) {
        return cell.equals("-") ? null : cell;
    }

    private static Integer number(String cell) {
        return cell.equals("-") ? null : Integer.valueOf(cell);
    }

    @TestFactory
    Stream<DynamicTest> eachNameGivesAllItShould() {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.path(), () -> {
            MediaNames.Recognised r = MediaNames.recognise(row.path());
            assertEquals(new MediaNames.Recognised(row.kind(), row.title(), row.show(), row.season(), row.episode(), row.episodeEnd(),
                    row.airDate(), row.year(), row.extra(), row.ids()), r, row.path());
        }));
    }

    @Test
    void theTableIsLargeAndCoversEveryKind() {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 60, rows.size() + " rows");
        for (ItemKind kind : ItemKind.values()) {
            assertTrue(rows.stream().anyMatch(r -> r.kind() == kind), "no row of kind " + kind);
        }
        for (String provider : List.of("imdb", "tmdb", "tvdb")) {
            assertTrue(rows.stream().anyMatch(r -> r.ids().containsKey(provider)), "no row with a " + provider + " id");
        }
    }
}
