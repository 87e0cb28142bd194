package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin's context offers: a state directory of its kind's own, and a cancellation its own threads can read. */
class PluginContextTest {
    @TempDir
    Path temp;

    @Test
    void theStateDirectoryIsMadeOnFirstUseForThisUserOnly() throws Exception {
        Path root = temp.resolve("data/plugins-state");
        PluginRegistry registry = PluginRegistry.of().withStateRoot(root);
        PluginContext context = PluginContext.forKind(registry, "plex", Clock.systemUTC());
        assertFalse(Files.exists(root), "nothing is made before a plugin asks");
        Path dir = context.stateDirectory().orElseThrow();
        assertEquals(root.resolve("plex"), dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
        assertEquals(dir, PluginContext.forKind(registry, "plex", Clock.systemUTC()).stateDirectory().orElseThrow(), "the same for every connection");
        assertTrue(PluginContext.forKind(PluginRegistry.of(), "plex", Clock.systemUTC()).stateDirectory().isEmpty(), "none when none is offered");
    }

    @Test
    void anInterruptOfTheCallingThreadIsSeenByThePluginsOwnThreadsAndStays() throws Exception {
        PluginContext context = PluginContext.forKind(PluginRegistry.of(), "scripted", Clock.systemUTC());
        assertFalse(CompletableFuture.supplyAsync(context::cancelled).get(), "not cancelled yet");
        Thread.currentThread().interrupt();
        boolean seen = context.cancelled();
        Thread.interrupted(); // as a plugin that swallowed it would
        assertTrue(seen);
        assertTrue(CompletableFuture.supplyAsync(context::cancelled).get(), "once cancelled, always cancelled, and seen from any thread");
    }

    @Test
    void aCancellationIsKeptWhenTheInterruptThatFollowsIsSwallowedUnseen() throws Exception {
        PluginContext context = PluginContext.forKind(PluginRegistry.of(), "scripted", Clock.systemUTC());
        context.cancel();
        assertTrue(CompletableFuture.supplyAsync(context::cancelled).get());
    }
}
