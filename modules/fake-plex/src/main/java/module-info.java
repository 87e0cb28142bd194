/**
 * A fake Plex Media Server for tests and benchmarks: a real HTTP server on loopback that answers the Plex API
 * with generated libraries, and can be made slow, failing, stalling or dropping connections.
 */
module org.retrovue.fakeplex {
    requires jdk.httpserver;
    exports org.retrovue.fakeplex;
}
