package org.retrovue.spi.testkit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory remote for the fake kinds: its name is what {@code --location} gives, and a test can break it. */
final class FakeRemote {
    static final String TOKEN = "s3cret-token-4711";
    private static final Map<String, FakeRemote> REMOTES = new ConcurrentHashMap<>();

    final String name;
    final List<String> items;
    volatile boolean broken;

    private FakeRemote(String name, List<String> items) {
        this.name = name;
        this.items = List.copyOf(items);
    }

    /** A new remote holding {@code items} (file names), reachable from now on by its name. */
    static FakeRemote create(List<String> items) {
        FakeRemote remote = new FakeRemote("shelf-" + UUID.randomUUID().toString().substring(0, 8), items);
        REMOTES.put(remote.name, remote);
        return remote;
    }

    static FakeRemote find(String name) {
        return REMOTES.get(name);
    }
}
