package org.retrovue.cli.command;

import java.util.Iterator;
import java.util.List;

/** Completion candidates for {@code --type}: filled in by the CLI from the plugin registry. */
public final class KindNames implements Iterable<String> {
    private static volatile List<String> names = List.of();

    public static void set(List<String> kinds) {
        names = List.copyOf(kinds);
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }
}
