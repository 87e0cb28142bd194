package org.retrovue.fakejellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class FakeJellyfinServerTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String AUTHORIZATION = "MediaBrowser Client=\"RetroVue\", Device=\"test\", DeviceId=\"d1\", Version=\"0.1\", Token=\"" + KEY + "\"";
    private static final String EPISODES = "IncludeItemTypes=Movie,Episode&Recursive=true&Fields=Path,MediaSources,Etag,DateCreated,ProviderIds";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<FakeJellyfinServer> servers = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        servers.forEach(FakeJellyfinServer::close);
        client.close();
    }

    @Test
    void publicInfoNeedsNoKeyAndTellsTheDialectsApart() throws Exception {
        FakeJellyfinServer jellyfin = start(jellyfin().serverId("abc123").serverName("Home"));
        HttpResponse<String> info = get(jellyfin, "/System/Info/Public");
        assertEquals(200, info.statusCode());
        assertTrue(info.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode publicInfo = json(info);
        assertEquals("abc123", publicInfo.path("Id").asText());
        assertEquals("Home", publicInfo.path("ServerName").asText());
        assertEquals("Jellyfin Server", publicInfo.path("ProductName").asText());
        assertEquals(jellyfin.baseUrl(), publicInfo.path("LocalAddress").asText());
        assertFalse(publicInfo.path("Version").asText().isEmpty());

        FakeJellyfinServer emby = start(emby().serverId("def456"));
        JsonNode embyInfo = json(get(emby, "/System/Info/Public"));
        assertEquals("def456", embyInfo.path("Id").asText());
        assertTrue(embyInfo.path("ProductName").isMissingNode(), "Emby's PublicSystemInfo has no ProductName");
        assertTrue(embyInfo.path("LocalAddresses").isArray());
        assertTrue(embyInfo.path("Version").asText().startsWith("4."));

        FakeJellyfinServer named = start(emby().productName("Emby Server"));
        assertEquals("Emby Server", json(get(named, "/System/Info/Public")).path("ProductName").asText());
    }

    @Test
    void systemInfoNeedsTheKey() throws Exception {
        FakeJellyfinServer server = start(jellyfin().serverId("abc123"));
        HttpResponse<String> refused = get(server, "/System/Info");
        assertEquals(401, refused.statusCode());
        assertEquals("", refused.body());
        assertEquals(401, get(server, "/System/Info", "Authorization", "MediaBrowser Token=\"wrong\"").statusCode());
        JsonNode info = json(get(server, "/System/Info", "Authorization", AUTHORIZATION));
        assertEquals("abc123", info.path("Id").asText());
        assertEquals("Linux", info.path("OperatingSystemDisplayName").asText());
    }

    @Test
    void jellyfinRefusesTheLegacyWaysUnlessLegacyAuthorizationIsOn() throws Exception {
        FakeJellyfinServer server = start(jellyfin());
        assertFalse(server.legacyAuthorization(), "off by default, as from Jellyfin 12");
        assertEquals(200, get(server, "/System/Info", "Authorization", AUTHORIZATION).statusCode());
        assertEquals(200, get(server, "/System/Info", "authorization", "mediabrowser Token=\"" + KEY + "\"").statusCode());
        assertEquals(200, get(server, "/System/Info?ApiKey=" + KEY).statusCode(), "ApiKey is not a legacy way");
        assertEquals(200, get(server, "/System/Info?apikey=" + KEY).statusCode(), "query names are case-insensitive");
        List<String[]> legacy = List.of(
                new String[] {"/System/Info", "X-Emby-Token", KEY},
                new String[] {"/System/Info", "X-MediaBrowser-Token", KEY},
                new String[] {"/System/Info", "X-Emby-Authorization", AUTHORIZATION},
                new String[] {"/System/Info", "Authorization", "Emby Token=\"" + KEY + "\""},
                new String[] {"/System/Info?api_key=" + KEY});
        for (String[] way : legacy) {
            String[] headers = way.length == 1 ? new String[0] : new String[] {way[1], way[2]};
            assertEquals(401, get(server, way[0], headers).statusCode(), String.join(" ", way) + " with legacy off");
        }
        server.setLegacyAuthorization(true);
        for (String[] way : legacy) {
            String[] headers = way.length == 1 ? new String[0] : new String[] {way[1], way[2]};
            assertEquals(200, get(server, way[0], headers).statusCode(), String.join(" ", way) + " with legacy on");
        }
        assertEquals(401, get(server, "/System/Info", "X-Emby-Token", "wrong").statusCode());
    }

    @Test
    void embyTakesItsTokenHeaderOrQueryParameter() throws Exception {
        FakeJellyfinServer server = start(emby());
        assertEquals(200, get(server, "/System/Info", "X-Emby-Token", KEY).statusCode());
        assertEquals(200, get(server, "/System/Info?api_key=" + KEY).statusCode());
        assertEquals(200, get(server, "/System/Info", "X-Emby-Authorization", "Emby UserId=\"u\", Client=\"RetroVue\", Token=\"" + KEY + "\"").statusCode());
        assertEquals(401, get(server, "/System/Info").statusCode());
        assertEquals(401, get(server, "/System/Info", "X-Emby-Token", "wrong").statusCode());
        assertEquals(401, get(server, "/System/Info?api_key=wrong").statusCode());
    }

    @Test
    void aBasePathPrefixesTheApi() throws Exception {
        FakeJellyfinServer jellyfin = start(jellyfin().basePath("/jellyfin/"));
        assertTrue(jellyfin.baseUrl().endsWith("/jellyfin"));
        assertEquals(200, get(jellyfin, "/System/Info/Public").statusCode());
        HttpResponse<String> outside = send(URI.create("http://127.0.0.1:" + jellyfin.port() + "/System/Info/Public"));
        assertEquals(302, outside.statusCode(), "Jellyfin redirects what is outside its base path");
        assertEquals("/jellyfin/web/", outside.headers().firstValue("Location").orElseThrow());

        FakeJellyfinServer emby = start(emby());
        assertTrue(emby.baseUrl().endsWith("/emby"), "Emby's own base path by default");
        assertEquals(200, get(emby, "/Library/VirtualFolders", "X-Emby-Token", KEY).statusCode());
        assertEquals(200, send(URI.create("http://127.0.0.1:" + emby.port() + "/System/Info/Public")).statusCode(),
                "Emby answers at the root too");
    }

    @Test
    void virtualFoldersListEveryKindOfLibrary() throws Exception {
        FakeJellyfinServer server = start(jellyfin()
                .library(Library.Type.MOVIES, "Films", 3, "/movies", "/more-movies")
                .library(Library.Type.TVSHOWS, "Series", 3, "D:\\TV")
                .library(Library.Type.MUSIC, "Music", 3, "/music")
                .library(Library.Type.HOMEVIDEOS, "Photos", 3, "/photos")
                .library(Library.Type.BOOKS, "Books", 3, "/books")
                .library(Library.Type.MIXED, "Mixed", 3, "/mixed"));
        JsonNode folders = json(authorized(server, "/Library/VirtualFolders"));
        assertTrue(folders.isArray());
        assertEquals(6, folders.size());
        List<String> types = new ArrayList<>();
        folders.forEach(folder -> types.add(folder.path("CollectionType").asText("(none)")));
        assertEquals(List.of("movies", "tvshows", "music", "homevideos", "books", "(none)"), types);
        JsonNode films = folders.get(0);
        assertEquals("Films", films.path("Name").asText());
        assertEquals("/movies", films.path("Locations").get(0).asText());
        assertEquals("/more-movies", films.path("Locations").get(1).asText());
        assertTrue(films.path("ItemId").asText().matches("[0-9a-f]{32}"), films.toString());
        assertEquals(server.catalog().libraries().getFirst().itemId(), films.path("ItemId").asText());
        assertEquals("D:\\TV", folders.get(1).path("Locations").get(0).asText());
        assertEquals(404, authorized(server, "/Library/VirtualFolders/Query").statusCode(), "Jellyfin has no such route");

        JsonNode mediaFolders = json(authorized(server, "/Library/MediaFolders"));
        assertEquals(6, mediaFolders.path("TotalRecordCount").asInt());
        assertEquals("CollectionFolder", mediaFolders.path("Items").get(0).path("Type").asText());
    }

    @Test
    void embyPagesItsVirtualFolderQuery() throws Exception {
        FakeJellyfinServer server = start(emby().sampleLibraries(5, 2));
        JsonNode page = json(authorized(server, "/Library/VirtualFolders/Query?StartIndex=1&Limit=2"));
        assertEquals(5, page.path("TotalRecordCount").asInt());
        assertEquals(2, page.path("Items").size());
        assertEquals("Shows", page.path("Items").get(0).path("Name").asText());
        assertEquals("2", page.path("Items").get(0).path("ItemId").asText(), "Emby numbers its items");
        assertEquals("2", page.path("Items").get(0).path("Id").asText());
        assertEquals(5, json(authorized(server, "/Library/MediaFolders")).path("Items").size());
    }

    @Test
    void pagesThroughFiftyThousandEpisodesWithStableTotals() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(2, 50_000));
        String shows = server.catalog().libraries().get(1).itemId();
        Set<String> ids = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (int start = 0; start < 50_000; start += 5_000) {
            JsonNode page = json(authorized(server, "/Items?ParentId=" + shows + "&IncludeItemTypes=Movie,Episode&Recursive=true&Fields=Path"
                    + "&StartIndex=" + start + "&Limit=5000"));
            assertEquals(50_000, page.path("TotalRecordCount").asInt());
            assertEquals(start, page.path("StartIndex").asInt());
            assertEquals(5_000, page.path("Items").size());
            page.path("Items").forEach(item -> {
                ids.add(item.path("Id").asText());
                paths.add(item.path("Path").asText());
            });
        }
        assertEquals(50_000, ids.size());
        assertEquals(50_000, paths.size());
        JsonNode beyond = json(authorized(server, "/Items?ParentId=" + shows + "&" + EPISODES + "&StartIndex=50000&Limit=100"));
        assertEquals(0, beyond.path("Items").size());
        assertEquals(50_000, beyond.path("TotalRecordCount").asInt());
    }

    @Test
    void itemsCarryWhatTheFieldsAskFor() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(2, 100));
        String movies = server.catalog().libraries().get(0).itemId();
        String shows = server.catalog().libraries().get(1).itemId();

        JsonNode bare = json(authorized(server, "/Items?ParentId=" + movies + "&Recursive=true&IncludeItemTypes=Movie&Limit=1")).path("Items").get(0);
        for (String field : List.of("Path", "MediaSources", "Etag", "DateCreated", "ProviderIds")) {
            assertTrue(bare.path(field).isMissingNode(), field + " only when asked for: " + bare);
        }
        assertEquals("Movie", bare.path("Type").asText());
        assertTrue(bare.path("RunTimeTicks").asLong() > 80L * 60 * 10_000_000, "100 ns ticks of a feature film");

        JsonNode movie = json(authorized(server, "/Items?ParentId=" + movies + "&" + EPISODES + "&Limit=1")).path("Items").get(0);
        assertTrue(movie.path("Path").asText().startsWith("/data/media/movies/"), movie.toString());
        assertTrue(movie.path("Etag").asText().matches("[0-9a-f]{32}"));
        assertTrue(movie.path("DateCreated").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.0000000Z"));
        assertTrue(movie.path("ProviderIds").path("Imdb").asText().startsWith("tt"));
        assertFalse(movie.path("ProviderIds").path("Tmdb").asText().isEmpty());
        JsonNode source = movie.path("MediaSources").get(0);
        assertEquals(movie.path("Path").asText(), source.path("Path").asText());
        assertEquals(movie.path("Container").asText(), source.path("Container").asText());
        assertTrue(source.path("Size").asLong() >= 700_000_000L);
        assertEquals(movie.path("Id").asText(), source.path("Id").asText());

        JsonNode episodes = json(authorized(server, "/Items?ParentId=" + shows + "&" + EPISODES + "&Limit=10")).path("Items");
        JsonNode first = episodes.get(0);
        assertEquals("Episode", first.path("Type").asText());
        assertEquals("The Silent Harbor", first.path("SeriesName").asText());
        assertEquals(1, first.path("ParentIndexNumber").asInt());
        assertEquals(1, first.path("IndexNumber").asInt());
        assertTrue(first.path("IndexNumberEnd").isMissingNode());
        assertTrue(first.path("Path").asText().startsWith("D:\\Media\\TV\\The Silent Harbor\\Season 01\\"), first.toString());
        assertFalse(first.path("ProviderIds").path("Tvdb").asText().isEmpty());
        JsonNode last = episodes.get(9);
        assertEquals(10, last.path("IndexNumber").asInt());
        assertEquals(11, last.path("IndexNumberEnd").asInt(), "a double episode ends each season");

        JsonNode everything = json(authorized(server, "/Items?ParentId=" + shows + "&Recursive=true&Limit=1000"));
        assertEquals(2 + 10 + 100, everything.path("TotalRecordCount").asInt(), "series, seasons and episodes");
        JsonNode topLevel = json(authorized(server, "/Items?ParentId=" + shows));
        assertEquals(2, topLevel.path("TotalRecordCount").asInt());
        assertEquals("Series", topLevel.path("Items").get(0).path("Type").asText());
    }

    @Test
    void sortsByDateCreatedOrSortNameEitherWay() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(1, 30));
        String movies = server.catalog().libraries().getFirst().itemId();
        String query = "/Items?ParentId=" + movies + "&IncludeItemTypes=Movie&Recursive=true&Fields=DateCreated,SortName";
        List<String> ascending = values(json(authorized(server, query + "&SortBy=DateCreated")), "DateCreated");
        List<String> sorted = new ArrayList<>(ascending);
        sorted.sort(null);
        assertEquals(sorted, ascending);
        assertEquals(30, new HashSet<>(ascending).size());
        List<String> byName = values(json(authorized(server, query + "&SortBy=SortName,ProductionYear".replace(",ProductionYear", ""))), "SortName");
        List<String> sortedNames = new ArrayList<>(byName);
        sortedNames.sort(null);
        assertEquals(sortedNames, byName);
        assertEquals(ids(json(authorized(server, query))), ids(json(authorized(server, query + "&SortBy=SortName"))), "SortName is the default");
        List<String> descending = values(json(authorized(server, query + "&SortBy=DateCreated&SortOrder=Descending")), "DateCreated");
        assertEquals(sorted.reversed(), descending);
        assertEquals(400, authorized(server, query + "&SortBy=Random").statusCode());
    }

    @Test
    void touchingAnItemChangesItsEtagAlone() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(2, 20));
        Library shows = server.catalog().libraries().get(1);
        String query = "/Items?ParentId=" + shows.itemId() + "&" + EPISODES;
        JsonNode before = json(authorized(server, query)).path("Items");
        server.catalog().touchItems(shows.itemId(), 5, 2);
        JsonNode after = json(authorized(server, query)).path("Items");
        for (int i = 0; i < 20; i++) {
            boolean touched = i == 5 || i == 6;
            assertEquals(before.get(i).path("Id"), after.get(i).path("Id"));
            assertEquals(touched, !before.get(i).path("Etag").equals(after.get(i).path("Etag")), "item " + i);
            assertEquals(before.get(i).path("DateCreated"), after.get(i).path("DateCreated"));
        }
        assertEquals(server.catalog().itemId(shows.itemId(), 5), after.get(5).path("Id").asText());

        server.catalog().setLocations(shows.itemId(), "/srv/tv");
        JsonNode moved = json(authorized(server, query)).path("Items");
        for (int i = 0; i < 20; i++) {
            assertNotEquals(after.get(i).path("Etag"), moved.get(i).path("Etag"), "a move changes every path and ETag");
            assertTrue(moved.get(i).path("Path").asText().startsWith("/srv/tv/"));
        }
    }

    @Test
    void librariesAndItemsChangeWhileTheServerRuns() throws Exception {
        FakeJellyfinServer server = start(emby().sampleLibraries(2, 10));
        Library movies = server.catalog().libraries().get(0);
        Library shows = server.catalog().libraries().get(1);
        server.catalog().renameLibrary(movies.itemId(), "Films");
        Library added = server.catalog().addLibrary(Library.Type.MOVIES, "New", 4, "/new");
        server.catalog().removeLibrary(shows.itemId());
        JsonNode folders = json(authorized(server, "/Library/VirtualFolders"));
        assertEquals(List.of("Films", "New"), List.of(folders.get(0).path("Name").asText(), folders.get(1).path("Name").asText()));
        assertEquals("3", added.itemId(), "numbers are never reused");

        String query = "/Items?ParentId=" + movies.itemId() + "&" + EPISODES;
        server.catalog().removeItems(movies.itemId(), 2, 3);
        server.catalog().addItems(movies.itemId(), 5);
        JsonNode items = json(authorized(server, query));
        assertEquals(12, items.path("TotalRecordCount").asInt());
        Set<String> ids = new HashSet<>(ids(items));
        assertFalse(ids.contains(server.catalog().itemId(movies.itemId(), 2)));
        assertTrue(ids.contains(server.catalog().itemId(movies.itemId(), 14)));
        assertTrue(items.path("StartIndex").isMissingNode(), "Emby's pages have no StartIndex");

        JsonNode all = json(authorized(server, "/Items?" + EPISODES));
        assertEquals(16, all.path("TotalRecordCount").asInt(), "no parent: every library");
        JsonNode unknownParent = json(authorized(server, "/Items?ParentId=999999&" + EPISODES));
        assertEquals(16, unknownParent.path("TotalRecordCount").asInt(), "an unknown parent falls back to the root, as Jellyfin does");

        server.catalog().setForbidden(added.itemId(), true);
        HttpResponse<String> forbidden = authorized(server, "/Items?ParentId=" + added.itemId() + "&" + EPISODES);
        assertEquals(403, forbidden.statusCode());
        assertEquals("", forbidden.body());
        assertEquals(12, json(authorized(server, "/Items?" + EPISODES)).path("TotalRecordCount").asInt());
        assertEquals(2, json(authorized(server, "/Library/VirtualFolders")).size(), "still listed");
    }

    @Test
    void anItemMayLoseItsFileOrHaveSeveralVersions() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(1, 5));
        String movies = server.catalog().libraries().getFirst().itemId();
        server.catalog().removeFile(movies, 1);
        server.catalog().setMediaSourceCount(movies, 3, 3);
        JsonNode items = json(authorized(server, "/Items?ParentId=" + movies + "&" + EPISODES)).path("Items");
        JsonNode pathless = items.get(1);
        assertTrue(pathless.path("Path").isMissingNode(), pathless.toString());
        assertEquals(0, pathless.path("MediaSources").size());
        assertEquals("Virtual", pathless.path("LocationType").asText());
        JsonNode versions = items.get(3).path("MediaSources");
        assertEquals(3, versions.size());
        Set<String> paths = new HashSet<>();
        Set<String> ids = new HashSet<>();
        versions.forEach(source -> {
            paths.add(source.path("Path").asText());
            ids.add(source.path("Id").asText());
        });
        assertEquals(3, paths.size());
        assertEquals(3, ids.size());
        assertEquals(items.get(3).path("Path").asText(), versions.get(0).path("Path").asText());
    }

    @Test
    void failuresAnswerTheirStatusThenStop() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(1, 5));
        server.faults().failNext(2, 503);
        assertEquals(503, authorized(server, "/System/Info").statusCode());
        assertEquals(503, get(server, "/System/Info/Public").statusCode());
        assertEquals(200, authorized(server, "/System/Info").statusCode());
        server.faults().setFailureRate(1);
        assertEquals(500, authorized(server, "/System/Info").statusCode());
        server.faults().setFailureRate(0);
        assertEquals(200, authorized(server, "/System/Info").statusCode());
        assertEquals(405, send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/Items"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
    }

    @Test
    void aStalledRequestTimesOutAndCloseReleasesIt() throws Exception {
        FakeJellyfinServer server = start(jellyfin());
        server.faults().setStall(true);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/System/Info/Public"))
                .timeout(Duration.ofMillis(300)).build();
        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        server.close();
        assertThrows(IOException.class, () -> get(server, "/System/Info/Public"));
    }

    @Test
    void aDroppedConnectionFailsTheClient() throws Exception {
        FakeJellyfinServer server = start(jellyfin());
        server.faults().setDropConnections(true);
        assertThrows(IOException.class, () -> get(server, "/System/Info/Public"));
        server.faults().setDropConnections(false);
        assertEquals(200, get(server, "/System/Info/Public").statusCode());
    }

    @Test
    void aStalledBodySendsHalfAPageThenNothing() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(1, 10));
        server.faults().setBodyStall(Faults.BodyStall.SILENT);
        assertEquals(200, get(server, "/System/Info/Public").statusCode(), "answers without items are whole");
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/Items?" + EPISODES))
                .header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), "the headers come");
        java.io.InputStream body = response.body();
        byte[] start = new byte[17];
        int read = body.readNBytes(start, 0, start.length);
        assertEquals("{\"Items\":[{\"Name\"", new String(start, 0, read, java.nio.charset.StandardCharsets.UTF_8));
        java.util.concurrent.CompletableFuture<byte[]> rest = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return body.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        });
        Thread.sleep(500);
        assertFalse(rest.isDone(), "the rest never comes");
        server.close();
        rest.get(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aTrickledBodyTellsWhenTheClientHungUp() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(1, 10));
        server.faults().setBodyStall(Faults.BodyStall.TRICKLE);
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/Items?" + EPISODES))
                .header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(0, server.abandonedAnswers());
        response.body().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, server.abandonedAnswers());
    }

    @Test
    void itCanAnswerLikeSomethingElse() throws Exception {
        FakeJellyfinServer server = start(jellyfin());
        server.faults().setIdentity(Faults.Identity.WEB_PAGE);
        HttpResponse<String> page = get(server, "/System/Info/Public");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().startsWith("<!DOCTYPE html>"));
        server.faults().setIdentity(Faults.Identity.PLEX);
        assertEquals(401, get(server, "/System/Info/Public").statusCode());
        HttpResponse<String> identity = send(URI.create("http://127.0.0.1:" + server.port() + "/identity"));
        assertEquals(200, identity.statusCode());
        assertTrue(identity.body().contains("<MediaContainer") && identity.body().contains("machineIdentifier="));
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        FakeJellyfinServer server = start(jellyfin().latency(Duration.ofMillis(200)));
        long started = System.nanoTime();
        assertEquals(200, get(server, "/System/Info/Public").statusCode());
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos());
    }

    @Test
    void pagingFaultsChangeTheListings() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(1, 10));
        String movies = server.catalog().libraries().getFirst().itemId();
        String query = "/Items?ParentId=" + movies + "&" + EPISODES + "&Limit=4&StartIndex=";
        List<String> straight = ids(json(authorized(server, "/Items?ParentId=" + movies + "&" + EPISODES)));

        server.faults().setTotalChange(3);
        assertEquals(10, json(authorized(server, query + 0)).path("TotalRecordCount").asInt());
        assertEquals(13, json(authorized(server, query + 4)).path("TotalRecordCount").asInt());
        assertEquals(16, json(authorized(server, query + 8)).path("TotalRecordCount").asInt());
        server.faults().setTotalChange(0);

        server.faults().setRepeatedItem(3);
        JsonNode first = json(authorized(server, query + 0));
        JsonNode second = json(authorized(server, query + 4));
        assertEquals(11, second.path("TotalRecordCount").asInt());
        assertEquals(ids(first).getLast(), ids(second).getFirst(), "the last of one page starts the next");
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        all.addAll(ids(json(authorized(server, query + 8))));
        assertEquals(11, all.size());
        assertEquals(straight, new ArrayList<>(new java.util.LinkedHashSet<>(all)), "nothing is lost");
        server.faults().setRepeatedItem(-1);

        server.faults().setItemsServed(6);
        assertEquals(2, json(authorized(server, query + 4)).path("Items").size());
        assertEquals(0, json(authorized(server, query + 8)).path("Items").size());
        assertEquals(10, json(authorized(server, query + 8)).path("TotalRecordCount").asInt());
        server.faults().setItemsServed(-1);

        server.faults().setPageCap(3);
        assertEquals(3, json(authorized(server, query + 0)).path("Items").size());
    }

    @Test
    void requestsAreRecordedWithTheirHeaders() throws Exception {
        FakeJellyfinServer server = start(jellyfin().sampleLibraries(1, 1));
        authorized(server, "/Library/VirtualFolders");
        RecordedRequest request = server.requests().getLast();
        assertEquals("GET", request.method());
        assertEquals("/Library/VirtualFolders", request.path());
        assertEquals(AUTHORIZATION, request.header("authorization").orElseThrow());
        assertFalse(request.uri().contains(KEY));
        assertEquals(1, server.requestCount());
    }

    private FakeJellyfinServer start(FakeJellyfinServer.Builder builder) {
        FakeJellyfinServer server = builder.build().start();
        servers.add(server);
        return server;
    }

    private static FakeJellyfinServer.Builder jellyfin() {
        return FakeJellyfinServer.builder().dialect(Dialect.JELLYFIN).apiKey(KEY);
    }

    private static FakeJellyfinServer.Builder emby() {
        return FakeJellyfinServer.builder().dialect(Dialect.EMBY).apiKey(KEY);
    }

    /** With the key as the dialect wants it: Jellyfin's Authorization header, Emby's X-Emby-Token. */
    private HttpResponse<String> authorized(FakeJellyfinServer server, String path) throws Exception {
        return server.dialect() == Dialect.JELLYFIN
                ? get(server, path, "Authorization", AUTHORIZATION)
                : get(server, path, "X-Emby-Token", KEY);
    }

    private HttpResponse<String> get(FakeJellyfinServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        return values(page, "Id");
    }

    private static List<String> values(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.path("Items").forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
