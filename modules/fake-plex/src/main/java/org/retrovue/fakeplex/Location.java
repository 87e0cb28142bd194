package org.retrovue.fakeplex;

/** One root folder of a library as the Plex server sees it: a server-side path, Windows-style or not. */
public record Location(long id, String path) {
}
