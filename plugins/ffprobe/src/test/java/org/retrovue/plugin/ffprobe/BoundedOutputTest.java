package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What is kept of a program's output: its head and its tail, however much it writes. */
class BoundedOutputTest {
    @Test
    void shortOutputIsKeptWhole() {
        BoundedOutput out = new BoundedOutput(10, 10);
        byte[] text = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        out.write(text, text.length);
        assertEquals("0123456789abcdef", out.text());
        assertFalse(out.truncated());
    }

    @Test
    void endlessOutputKeepsItsHeadAndTailOnly() {
        BoundedOutput out = new BoundedOutput(6, 8);
        byte[] start = "HEAD:\n".getBytes(StandardCharsets.UTF_8);
        out.write(start, start.length);
        byte[] junk = new byte[8192];
        java.util.Arrays.fill(junk, (byte) 'x');
        for (int i = 0; i < 10_000; i++) { // 80 MB
            out.write(junk, junk.length);
        }
        byte[] end = "\nSummary".getBytes(StandardCharsets.UTF_8);
        out.write(end, end.length);
        assertEquals("HEAD:\n\n\nSummary", out.text());
        assertTrue(out.truncated());
    }

    @Test
    void withoutATailWhatFollowsTheHeadIsDropped() {
        BoundedOutput out = new BoundedOutput(4, 0);
        byte[] text = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        out.write(text, text.length);
        assertEquals("{\"a\"", out.text());
        assertTrue(out.truncated());
    }
}
