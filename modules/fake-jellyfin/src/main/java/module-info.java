/**
 * A fake Jellyfin or Emby server for tests and benchmarks: a real HTTP server on loopback that answers their JSON
 * API with generated libraries, and can be made slow, failing, stalling or dropping connections.
 */
module org.retrovue.fakejellyfin {
    requires jdk.httpserver;
    exports org.retrovue.fakejellyfin;
}
