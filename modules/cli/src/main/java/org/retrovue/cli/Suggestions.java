package org.retrovue.cli;

import java.util.Collection;
import picocli.CommandLine;

/** The nearest known word to a mistyped one, for one-line usage errors that say what was meant. */
public final class Suggestions {
    private Suggestions() {}

    /** "unknown command 'X' under `retrovue source`; did you mean 'list'? Its commands: ..." */
    public static String unknownCommand(String word, CommandLine parent) {
        Collection<String> commands = parent.getSubcommands().keySet();
        String nearest = nearest(word, commands);
        return "unknown command '" + word + "' under `" + parent.getCommandSpec().qualifiedName() + "`"
                + (nearest == null ? "" : "; did you mean '" + nearest + "'?") + " Its commands: " + String.join(", ", commands);
    }

    /** The candidate at most two edits away from {@code typed} (or that it begins), nearest first; null when none is. */
    static String nearest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : candidates) {
            int distance = name.startsWith(typed) && typed.length() > 3 ? 1 : editDistance(typed, name);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
