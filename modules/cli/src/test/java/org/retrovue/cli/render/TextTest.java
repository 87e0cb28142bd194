package org.retrovue.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one escaping function of text output and stderr, and the class names kept out of error lines. */
class TextTest {
    @Test
    void controlCharactersAreWrittenOut() {
        assertEquals("a\\x1b]0;t\\x07\\x1b[2J\\nb\\tc\\rd\\x7f\\u009b\\u202e\\x00", Text.escape("a\u001b]0;t\u0007\u001b[2J\nb\tc\rd\u007f\u009b\u202e\0"));
        assertEquals("D:\\Media\\TV é 日本", Text.escape("D:\\Media\\TV é 日本"), "backslashes and letters stay");
        assertEquals(null, Text.escape(null));
    }

    @Test
    void classNamesAreLeftOut() {
        assertEquals("Connection refused", Text.withoutClassNames("java.net.ConnectException: Connection refused"));
        assertEquals("cannot reach x: refused", Text.withoutClassNames("cannot reach x: DatabaseUnavailableException: refused"));
        assertEquals("an Error in the plan", Text.withoutClassNames("an Error in the plan"));
        // a plugin's warning that names what the JDK threw says it in words
        assertEquals("cannot read a.mkv: no such file /m/a.mkv", Text.withoutClassNames("cannot read a.mkv: NoSuchFileException /m/a.mkv"));
        assertEquals("cannot read b: permission denied", Text.withoutClassNames("cannot read b: AccessDeniedException"));
        assertEquals("permission denied: /m/b", Text.withoutClassNames("java.nio.file.AccessDeniedException: /m/b"));
        assertEquals("cannot read c: Too many levels of symbolic links",
                Text.withoutClassNames("cannot read c: FileSystemException: Too many levels of symbolic links"));
    }
}
