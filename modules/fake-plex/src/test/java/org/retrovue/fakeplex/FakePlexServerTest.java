package org.retrovue.fakeplex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class FakePlexServerTest {
    private static final String TOKEN = "test-token-123";
    private static final String UNAUTHORIZED =
            "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<FakePlexServer> servers = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        servers.forEach(FakePlexServer::close);
        client.close();
    }

    @Test
    void identityNeedsNoToken() throws Exception {
        FakePlexServer server = start(FakePlexServer.builder().machineIdentifier("machine-1").token(TOKEN));

        HttpResponse<String> xml = get(server, "/identity");
        assertEquals(200, xml.statusCode());
        assertEquals("text/xml;charset=utf-8", contentType(xml));
        Element container = xml(xml).getDocumentElement();
        assertEquals("MediaContainer", container.getTagName());
        assertEquals("machine-1", container.getAttribute("machineIdentifier"));
        assertEquals("0", container.getAttribute("size"));
        assertFalse(container.getAttribute("version").isEmpty());

        JsonNode json = json(get(server, "/identity", "Accept", "application/json")).path("MediaContainer");
        assertEquals("machine-1", json.path("machineIdentifier").asText());
        assertTrue(json.path("size").isInt());
        assertEquals(0, json.path("size").asInt());
    }

    @Test
    void missingOrWrongTokenIsRefusedWithHtml() throws Exception {
        FakePlexServer server = start(sample(3, 10));
        for (HttpResponse<String> refused : List.of(
                get(server, "/library/sections"),
                get(server, "/library/sections", "X-Plex-Token", "wrong"),
                get(server, "/library/sections?X-Plex-Token=wrong"),
                get(server, "/library/sections/1/all?type=1", "Accept", "application/json"))) {
            assertEquals(401, refused.statusCode());
            assertEquals("text/html", contentType(refused));
            assertEquals(UNAUTHORIZED, refused.body());
        }
    }

    @Test
    void tokenIsAcceptedFromHeaderOrQuery() throws Exception {
        FakePlexServer server = start(sample(3, 10));
        assertEquals(200, get(server, "/library/sections", "X-Plex-Token", TOKEN).statusCode());
        assertEquals(200, get(server, "/library/sections?X-Plex-Token=" + TOKEN).statusCode());
    }

    @Test
    void sectionsAreXmlByDefault() throws Exception {
        FakePlexServer server = start(sample(3, 10));
        HttpResponse<String> response = authorized(server, "/library/sections");
        assertEquals("text/xml;charset=utf-8", contentType(response));
        assertTrue(response.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer "));

        Element container = xml(response).getDocumentElement();
        assertEquals("3", container.getAttribute("size"));
        assertEquals("Plex Library", container.getAttribute("title1"));
        NodeList directories = container.getElementsByTagName("Directory");
        assertEquals(3, directories.getLength());
        Element movies = (Element) directories.item(0);
        assertEquals("1", movies.getAttribute("key"));
        assertEquals("movie", movies.getAttribute("type"));
        assertEquals(2, movies.getElementsByTagName("Location").getLength());
        Element shows = (Element) directories.item(1);
        assertEquals("show", shows.getAttribute("type"));
        Element location = (Element) shows.getElementsByTagName("Location").item(0);
        assertEquals("D:\\Media\\TV", location.getAttribute("path"));
        assertFalse(location.getAttribute("id").isEmpty());
    }

    @Test
    void sectionsAreJsonWhenAccepted() throws Exception {
        FakePlexServer server = start(sample(3, 10));
        HttpResponse<String> response = authorized(server, "/library/sections", "Accept", "application/json");
        assertEquals("application/json", contentType(response));

        JsonNode container = json(response).path("MediaContainer");
        assertTrue(container.path("size").isInt());
        assertEquals(3, container.path("size").asInt());
        JsonNode shows = container.path("Directory").get(1);
        assertEquals("2", shows.path("key").textValue());
        assertEquals("TV Shows", shows.path("title").asText());
        assertTrue(shows.path("updatedAt").isNumber());
        assertTrue(shows.path("scannedAt").isNumber());
        assertEquals("D:\\Media\\TV", shows.path("Location").get(0).path("path").asText());
        assertTrue(shows.path("Location").get(0).path("id").isNumber());
    }

    @Test
    void pagesThroughFiftyThousandItemsByHeader() throws Exception {
        FakePlexServer server = start(sample(1, 50_000));
        Set<String> seen = new HashSet<>();
        int start = 0;
        int pages = 0;
        while (true) {
            JsonNode container = json(authorized(server, "/library/sections/1/all?type=1", "Accept", "application/json",
                    "X-Plex-Container-Start", Integer.toString(start), "X-Plex-Container-Size", "1000"))
                    .path("MediaContainer");
            assertEquals(start, container.path("offset").asInt());
            assertEquals(50_000, container.path("totalSize").asInt());
            assertEquals(1000, container.path("size").asInt());
            for (JsonNode item : container.path("Metadata")) {
                assertTrue(seen.add(item.path("ratingKey").asText()), "seen twice: " + item.path("ratingKey"));
            }
            pages++;
            start += container.path("size").asInt();
            if (start >= container.path("totalSize").asInt()) {
                break;
            }
        }
        assertEquals(50, pages);
        assertEquals(50_000, seen.size());
    }

    @Test
    void itemsCarryYearAirDateAndExternalIdsOnlyWhenAskedFor() throws Exception {
        FakePlexServer server = start(sample(2, 3));
        JsonNode plain = json(authorized(server, "/library/sections/1/all?type=1", "Accept", "application/json")).path("MediaContainer");
        JsonNode movie = plain.path("Metadata").get(0);
        assertTrue(movie.path("year").isInt(), movie.toString());
        assertTrue(movie.path("originallyAvailableAt").asText().startsWith(movie.path("year").asText() + "-"), movie.toString());
        assertTrue(movie.path("Guid").isMissingNode(), "like Plex, no Guid without includeGuids=1: " + movie);
        JsonNode withIds = json(authorized(server, "/library/sections/1/all?type=1&includeGuids=1", "Accept", "application/json"))
                .path("MediaContainer").path("Metadata").get(0);
        assertTrue(withIds.path("Guid").get(0).path("id").asText().matches("imdb://tt[0-9]{7}"), withIds.toString());
        assertTrue(withIds.path("Guid").get(1).path("id").asText().startsWith("tmdb://"), withIds.toString());
        org.w3c.dom.Document xml = xml(authorized(server, "/library/sections/2/all?type=4&includeGuids=1"));
        Element guid = (Element) xml.getElementsByTagName("Guid").item(0);
        assertTrue(guid.getAttribute("id").startsWith("imdb://tt"), "in XML too");
        assertTrue(((Element) xml.getElementsByTagName("Guid").item(1)).getAttribute("id").startsWith("tvdb://"));
    }

    @Test
    void pagesByQueryParameters() throws Exception {
        FakePlexServer server = start(sample(1, 2_500));
        List<Integer> sizes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int start = 0; start < 2_500; start += 1_000) {
            Element container = xml(authorized(server, "/library/sections/1/all?type=1&X-Plex-Container-Start=" + start
                    + "&X-Plex-Container-Size=1000")).getDocumentElement();
            assertEquals(Integer.toString(start), container.getAttribute("offset"));
            assertEquals("2500", container.getAttribute("totalSize"));
            NodeList videos = container.getElementsByTagName("Video");
            assertEquals(container.getAttribute("size"), Integer.toString(videos.getLength()));
            sizes.add(videos.getLength());
            for (int i = 0; i < videos.getLength(); i++) {
                seen.add(((Element) videos.item(i)).getAttribute("ratingKey"));
            }
        }
        assertEquals(List.of(1000, 1000, 500), sizes);
        assertEquals(2_500, seen.size());

        JsonNode beyond = json(authorized(server, "/library/sections/1/all?type=1&X-Plex-Container-Start=3000"
                + "&X-Plex-Container-Size=10", "Accept", "application/json")).path("MediaContainer");
        assertEquals(0, beyond.path("size").asInt());
        assertEquals(2_500, beyond.path("totalSize").asInt());
        assertTrue(beyond.path("Metadata").isMissingNode());

        assertEquals(400, authorized(server, "/library/sections/1/all?X-Plex-Container-Size=lots").statusCode());
    }

    @Test
    void queryParametersWinOverHeaders() throws Exception {
        FakePlexServer server = start(sample(1, 100));
        JsonNode container = json(authorized(server, "/library/sections/1/all?X-Plex-Container-Start=10&X-Plex-Container-Size=2",
                "Accept", "application/json", "X-Plex-Container-Start", "0", "X-Plex-Container-Size", "5"))
                .path("MediaContainer");
        assertEquals(10, container.path("offset").asInt());
        assertEquals(2, container.path("size").asInt());

        assertEquals(200, get(server, "/library/sections?X-Plex-Token=" + TOKEN, "X-Plex-Token", "wrong").statusCode());
        assertEquals(401, get(server, "/library/sections?X-Plex-Token=wrong", "X-Plex-Token", TOKEN).statusCode());
    }

    @Test
    void filtersByUpdatedAtAndAddedAt() throws Exception {
        FakePlexServer server = start(sample(1, 1_000));
        JsonNode all = json(authorized(server, "/library/sections/1/all?type=1", "Accept", "application/json"))
                .path("MediaContainer").path("Metadata");
        assertEquals(1_000, all.size());
        long updatedSince = all.get(900).path("updatedAt").asLong();
        long addedSince = all.get(990).path("addedAt").asLong();
        assertTrue(all.get(0).path("updatedAt").asLong() < all.get(999).path("updatedAt").asLong());

        JsonNode updated = json(authorized(server, "/library/sections/1/all?type=1&updatedAt%3E%3E=" + updatedSince,
                "Accept", "application/json")).path("MediaContainer");
        long expected = 0;
        for (JsonNode item : all) {
            expected += item.path("updatedAt").asLong() >= updatedSince ? 1 : 0;
        }
        assertEquals(expected, updated.path("totalSize").asLong());
        assertEquals(expected, updated.path("Metadata").size());
        for (JsonNode item : updated.path("Metadata")) {
            assertTrue(item.path("updatedAt").asLong() >= updatedSince);
        }

        JsonNode added = json(authorized(server, "/library/sections/1/all?type=1&addedAt%3E%3E=" + addedSince
                + "&X-Plex-Container-Size=3", "Accept", "application/json")).path("MediaContainer");
        assertEquals(10, added.path("totalSize").asInt());
        assertEquals(3, added.path("size").asInt());

        long touchedAt = server.catalog().touchItems("1", 10, 5);
        JsonNode touched = json(authorized(server, "/library/sections/1/all?type=1&updatedAt%3E%3E=" + touchedAt,
                "Accept", "application/json")).path("MediaContainer");
        assertEquals(5, touched.path("totalSize").asInt());
        assertEquals(all.get(10).path("ratingKey").asText(), touched.path("Metadata").get(0).path("ratingKey").asText());
        assertEquals(touchedAt, server.catalog().library("1").orElseThrow().updatedAt());
    }

    @Test
    void showLibraryListsEpisodesOnWindowsPaths() throws Exception {
        FakePlexServer server = start(sample(2, 120));
        JsonNode episodes = json(authorized(server, "/library/sections/2/all?type=4&X-Plex-Container-Size=12",
                "Accept", "application/json")).path("MediaContainer");
        assertEquals(120, episodes.path("totalSize").asInt());
        JsonNode first = episodes.path("Metadata").get(0);
        String show = first.path("grandparentTitle").asText();
        assertEquals(1, first.path("parentIndex").asInt());
        assertEquals(1, first.path("index").asInt());
        JsonNode part = first.path("Media").get(0).path("Part").get(0);
        assertTrue(part.path("file").asText().matches("D:\\\\Media\\\\TV\\\\" + Pattern.quote(show)
                + "\\\\Season 01\\\\" + Pattern.quote(show) + " - s01e01\\.\\w+"), part.path("file").asText());
        JsonNode eleventh = episodes.path("Metadata").get(11);
        assertEquals(2, eleventh.path("parentIndex").asInt());
        assertEquals(2, eleventh.path("index").asInt());

        assertEquals(3, json(authorized(server, "/library/sections/2/all?type=2", "Accept", "application/json"))
                .path("MediaContainer").path("totalSize").asInt());
        assertEquals(12, json(authorized(server, "/library/sections/2/all?type=3", "Accept", "application/json"))
                .path("MediaContainer").path("totalSize").asInt());
        assertEquals(0, json(authorized(server, "/library/sections/2/all?type=1", "Accept", "application/json"))
                .path("MediaContainer").path("totalSize").asInt());
    }

    @Test
    void sizesExceedTwoGigabytesAndTitlesAreEscaped() throws Exception {
        FakePlexServer server = start(sample(1, 100));
        JsonNode movies = json(authorized(server, "/library/sections/1/all?type=1", "Accept", "application/json"))
                .path("MediaContainer").path("Metadata");
        long largest = 0;
        for (JsonNode movie : movies) {
            JsonNode size = movie.path("Media").get(0).path("Part").get(0).path("size");
            assertTrue(size.isIntegralNumber());
            largest = Math.max(largest, size.asLong());
        }
        assertTrue(largest > Integer.MAX_VALUE, "largest " + largest);
        String jsonTitle = movies.get(42).path("title").asText();
        assertTrue(jsonTitle.endsWith(" <Director's \"Cut\">"), jsonTitle);

        Element video = (Element) xml(authorized(server, "/library/sections/1/all?type=1")).getDocumentElement()
                .getElementsByTagName("Video").item(42);
        assertEquals(jsonTitle, video.getAttribute("title"));
        Element xmlPart = (Element) video.getElementsByTagName("Part").item(0);
        assertEquals(movies.get(42).path("Media").get(0).path("Part").get(0).path("size").asLong(),
                Long.parseLong(xmlPart.getAttribute("size")));
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        FakePlexServer server = start(sample(1, 10));
        for (String path : List.of("/library/sections/99/all?type=1", "/no/such/path")) {
            HttpResponse<String> response = authorized(server, path);
            assertEquals(404, response.statusCode());
            assertEquals("text/html", contentType(response));
            assertTrue(response.body().contains("404 Not Found"));
        }
        for (String method : List.of("HEAD", "POST")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/library/sections"))
                    .header("X-Plex-Token", TOKEN).method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build();
            assertEquals(405, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void failuresAnswer500() throws Exception {
        FakePlexServer server = start(sample(1, 10));
        server.faults().failNext(2);
        assertEquals(500, authorized(server, "/library/sections").statusCode());
        HttpResponse<String> failed = get(server, "/identity");
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().contains("500"));
        assertEquals(200, authorized(server, "/library/sections").statusCode());

        server.faults().setFailureRate(1);
        assertEquals(500, authorized(server, "/library/sections").statusCode());
        server.faults().setFailureRate(0);
        assertEquals(200, authorized(server, "/library/sections").statusCode());
    }

    @Test
    void stalledRequestTimesOutAndCloseReleasesItClosesThePortAndEndsItsThreads() throws Exception {
        FakePlexServer server = start(sample(1, 10));
        int port = server.port();
        server.faults().setStall(true);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/identity"))
                .timeout(Duration.ofSeconds(1)).build();
        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        List<Thread> handlers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("fake-plex-" + port + "-")).toList();
        assertFalse(handlers.isEmpty(), "a handler thread holds the stalled request");

        server.close(); // returns, the stalled request released: a close() that hangs fails on the class's @Timeout
        for (Thread handler : handlers) {
            handler.join(); // ends: a handler close() did not stop would wait here until the @Timeout
        }
        assertThrows(java.net.ConnectException.class, () -> new java.net.Socket("127.0.0.1", port).close(), "the port is closed");
    }

    @Test
    void droppedConnectionFailsTheClient() throws Exception {
        FakePlexServer server = start(sample(1, 10));
        server.faults().setDropConnections(true);
        assertThrows(IOException.class, () -> authorized(server, "/library/sections"));
        server.faults().setDropConnections(false);
        assertEquals(200, authorized(server, "/library/sections").statusCode());
    }

    @Test
    void redirectsSendTheNextRequestsElsewhere() throws Exception {
        FakePlexServer server = start(sample(1, 10));
        server.faults().redirectNext(2, "http://other.example:1234");
        HttpResponse<String> redirected = authorized(server, "/library/sections/1/all?type=1");
        assertEquals(302, redirected.statusCode());
        assertEquals("http://other.example:1234/library/sections/1/all?type=1", redirected.headers().firstValue("Location").orElseThrow());
        assertEquals(302, get(server, "/identity").statusCode());
        assertEquals(200, get(server, "/identity").statusCode());
    }

    @Test
    void aBodyStallSendsHalfTheAnswerThenNothing() throws Exception {
        FakePlexServer server = start(sample(1, 10));
        server.faults().setBodyStall(Faults.BodyStall.SILENT, "/library/sections/");
        assertEquals(200, get(server, "/identity").statusCode(), "other paths answer");
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/library/sections/1/all?type=1"))
                .header("X-Plex-Token", TOKEN).header("Accept", "application/json").build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), "the headers come");
        java.io.InputStream body = response.body();
        byte[] start = new byte[64];
        int read = body.readNBytes(start, 0, start.length);
        assertTrue(new String(start, 0, read, StandardCharsets.UTF_8).startsWith("{\"MediaContainer\":{"));
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
        FakePlexServer server = start(sample(1, 10));
        server.faults().setBodyStall(Faults.BodyStall.TRICKLE);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/identity")).build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(0, server.abandonedAnswers());
        response.body().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, server.abandonedAnswers());
    }

    @Test
    void pagingFaultsChangeTheListings() throws Exception {
        FakePlexServer server = start(sample(1, 2_500));
        String page = "/library/sections/1/all?type=1&X-Plex-Container-Size=1000&X-Plex-Container-Start=";
        server.faults().setItemsServed(1_500);
        JsonNode shortPage = json(authorized(server, page + "1000", "Accept", "application/json")).path("MediaContainer");
        assertEquals(2_500, shortPage.path("totalSize").asInt());
        assertEquals(500, shortPage.path("Metadata").size());
        assertEquals(0, json(authorized(server, page + "2000", "Accept", "application/json")).path("MediaContainer").path("size").asInt());
        server.faults().setItemsServed(-1);

        String first = json(authorized(server, page + "0", "Accept", "application/json")).path("MediaContainer").path("Metadata").get(0)
                .path("ratingKey").asText();
        server.faults().setIgnorePaging(true);
        JsonNode everything = json(authorized(server, page + "1000", "Accept", "application/json")).path("MediaContainer");
        assertTrue(everything.path("totalSize").isMissingNode() && everything.path("offset").isMissingNode(), everything.toString());
        assertEquals(2_500, everything.path("Metadata").size());
        assertEquals(first, everything.path("Metadata").get(0).path("ratingKey").asText());
        server.faults().setIgnorePaging(false);

        server.faults().setPageCap(300);
        assertEquals(300, json(authorized(server, page + "0", "Accept", "application/json")).path("MediaContainer").path("Metadata").size());
        server.faults().setPageCap(Integer.MAX_VALUE);

        server.faults().setTotalChange(1_000);
        List<Integer> totals = new ArrayList<>();
        for (int start = 0; start < 4_000; start += 1_000) {
            JsonNode grown = json(authorized(server, page + start, "Accept", "application/json")).path("MediaContainer");
            totals.add(grown.path("totalSize").asInt());
            assertEquals(1_000, grown.path("Metadata").size());
        }
        assertEquals(List.of(2_500, 3_500, 4_500, 5_500), totals);
        server.faults().setTotalChange(0);

        server.faults().setRepeatedItem(999);
        JsonNode before = json(authorized(server, page + "0", "Accept", "application/json")).path("MediaContainer");
        JsonNode after = json(authorized(server, page + "1000", "Accept", "application/json")).path("MediaContainer");
        assertEquals(2_501, before.path("totalSize").asInt());
        assertEquals(before.path("Metadata").get(999).path("ratingKey").asText(), after.path("Metadata").get(0).path("ratingKey").asText(),
                "the last item of a page comes again first on the next");
        assertEquals(1_000, after.path("Metadata").size());
        assertEquals(501, json(authorized(server, page + "2000", "Accept", "application/json")).path("MediaContainer").path("Metadata").size());
        server.faults().setRepeatedItem(-1);

        server.faults().setItemPadding(1_000);
        JsonNode padded = json(authorized(server, page + "0", "Accept", "application/json")).path("MediaContainer");
        assertEquals(1_000, padded.path("Metadata").get(0).path("summary").asText().length());
    }

    @Test
    void itTellsTheMostRequestsItAnsweredAtOnce() throws Exception {
        FakePlexServer server = start(sample(1, 10).latency(Duration.ofMillis(300)));
        assertEquals(200, get(server, "/identity").statusCode());
        assertEquals(1, server.mostInFlight());
        HttpClient parallel = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // no h2c upgrade to wait for
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(parallel.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/identity")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        answers.forEach(answer -> assertEquals(200, answer.join().statusCode()));
        assertEquals(3, server.mostInFlight());
        server.resetMostInFlight();
        assertEquals(0, server.mostInFlight());
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        FakePlexServer server = start(sample(1, 10).latency(Duration.ofMillis(150)));
        long started = System.nanoTime();
        assertEquals(200, get(server, "/identity").statusCode());
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(150).toNanos());

        server.faults().setLatency(Duration.ofMillis(300));
        started = System.nanoTime();
        assertEquals(401, get(server, "/library/sections").statusCode());
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void identityCanAnswerLikeAnotherServer() throws Exception {
        FakePlexServer server = start(sample(1, 10));
        server.faults().setIdentity(Faults.Identity.NOT_FOUND);
        assertEquals(404, get(server, "/identity").statusCode());
        server.faults().setIdentity(Faults.Identity.WEB_PAGE);
        HttpResponse<String> page = get(server, "/identity", "Accept", "application/json");
        assertEquals(200, page.statusCode());
        assertEquals("text/html", contentType(page));
        assertFalse(page.body().contains("MediaContainer"));
    }

    @Test
    void mutatorsChangeTheSectionList() throws Exception {
        FakePlexServer server = start(sample(2, 10));
        Catalog catalog = server.catalog();
        long before = catalog.library("1").orElseThrow().updatedAt();

        Library added = catalog.addLibrary(Library.Type.MOVIE, "Kids", 5, "/srv/kids");
        catalog.renameLibrary("1", "Films");
        catalog.setLocations("2", "E:\\TV", "F:\\TV");
        catalog.removeLibrary("2");

        JsonNode directories = json(authorized(server, "/library/sections", "Accept", "application/json"))
                .path("MediaContainer").path("Directory");
        assertEquals(List.of("1:Films", "3:Kids"), titles(directories));
        assertEquals("3", added.key());
        assertTrue(directories.get(0).path("updatedAt").asLong() > before);
        assertEquals("/srv/kids", directories.get(1).path("Location").get(0).path("path").asText());
        assertEquals(404, authorized(server, "/library/sections/2/all").statusCode());
        assertEquals(5, json(authorized(server, "/library/sections/3/all", "Accept", "application/json"))
                .path("MediaContainer").path("totalSize").asInt());

        catalog.addLibrary(Library.Type.SHOW, "Anime", 5, "/srv/anime");
        catalog.setLocations("4", "/srv/anime-2");
        JsonNode anime = json(authorized(server, "/library/sections", "Accept", "application/json"))
                .path("MediaContainer").path("Directory").get(2);
        assertEquals("/srv/anime-2", anime.path("Location").get(0).path("path").asText());
        assertTrue(json(authorized(server, "/library/sections/4/all?type=4", "Accept", "application/json"))
                .path("MediaContainer").path("Metadata").get(0).path("Media").get(0).path("Part").get(0)
                .path("file").asText().startsWith("/srv/anime-2/"));
    }

    @Test
    void requestsAreRecordedWithTheirHeaders() throws Exception {
        FakePlexServer server = start(sample(1, 10));
        authorized(server, "/library/sections", "Accept", "application/json", "X-Plex-Client-Identifier", "client-1");
        get(server, "/identity?X-Plex-Token=" + TOKEN);

        List<RecordedRequest> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(2, server.requestCount());
        RecordedRequest sections = requests.get(0);
        assertEquals("GET", sections.method());
        assertEquals("/library/sections", sections.uri());
        assertEquals(TOKEN, sections.header("x-plex-token").orElseThrow());
        assertEquals("application/json", sections.header("Accept").orElseThrow());
        assertEquals("client-1", sections.header("X-Plex-Client-Identifier").orElseThrow());
        assertFalse(sections.uri().contains(TOKEN));
        assertEquals("/identity", requests.get(1).path());
        assertTrue(requests.get(1).uri().contains("X-Plex-Token=" + TOKEN));
        assertTrue(requests.get(1).header("X-Plex-Token").isEmpty());
    }

    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        FakePlexServer server = start(sample(1, 10));
        server.faults().setStall(true);
        HttpRequest stalled = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/identity"))
                .timeout(Duration.ofMillis(200)).build();
        assertThrows(HttpTimeoutException.class, () -> client.send(stalled, HttpResponse.BodyHandlers.ofString()));
        server.faults().setStall(false);
        assertEquals(200, get(server, "/identity").statusCode());
        List<Thread> started = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (!before.contains(thread) && (name.startsWith("fake-plex-") || name.equals("HTTP-Dispatcher")
                    || name.equals("idle-timeout-task"))) {
                started.add(thread);
            }
        }
        assertFalse(started.isEmpty(), "the server runs threads of its own");
        server.close();
        for (Thread thread : started) {
            thread.join(); // one that close() did not stop waits here until the class's @Timeout fails the test
        }
    }

    private FakePlexServer start(FakePlexServer.Builder builder) {
        FakePlexServer server = builder.build();
        servers.add(server);
        return server.start();
    }

    private static FakePlexServer.Builder sample(int libraries, int items) {
        return FakePlexServer.builder().token(TOKEN).sampleLibraries(libraries, items);
    }

    private HttpResponse<String> authorized(FakePlexServer server, String path, String... headers) throws Exception {
        String[] withToken = new String[headers.length + 2];
        withToken[0] = "X-Plex-Token";
        withToken[1] = TOKEN;
        System.arraycopy(headers, 0, withToken, 2, headers.length);
        return get(server, path, withToken);
    }

    private HttpResponse<String> get(FakePlexServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static Document xml(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static List<String> titles(JsonNode directories) {
        List<String> titles = new ArrayList<>();
        directories.forEach(directory -> titles.add(directory.path("key").asText() + ":" + directory.path("title").asText()));
        return titles;
    }
}
