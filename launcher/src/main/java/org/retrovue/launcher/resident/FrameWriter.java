package org.retrovue.launcher.resident;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A command's stderr as lines the client's shell can read with {@code read -r} and print with {@code printf %b}:
 * each flush sends {@code E} and the text written since, with backslashes doubled and newlines as {@code \n}, then
 * a newline. Progress lines without a newline of their own therefore show at once.
 */
final class FrameWriter extends Writer {
    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder();

    FrameWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\\') {
                pending.append("\\\\");
            } else if (c == '\n') {
                pending.append("\\n");
            } else {
                pending.append(c);
            }
        }
        if (pending.length() > 8192) {
            flush();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!pending.isEmpty()) {
            out.write(('E' + pending.toString() + '\n').getBytes(StandardCharsets.UTF_8));
            pending.setLength(0);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
