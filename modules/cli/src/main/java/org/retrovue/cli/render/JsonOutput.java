package org.retrovue.cli.render;

import java.io.PrintWriter;
import org.retrovue.persistence.JsonText;

/** Writes one JSON document (maps, lists and plain values) to standard output, indented, safe for a terminal. */
public final class JsonOutput {
    private JsonOutput() {}

    public static void print(PrintWriter out, Object document) {
        JsonText.write(document, out, true, true);
        out.println();
        out.flush();
    }
}
