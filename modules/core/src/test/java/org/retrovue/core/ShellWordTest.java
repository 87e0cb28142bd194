package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShellWordTest {
    @Test
    void aNameIsOneShellWordWhenPasted() {
        assertEquals("Local/movies", ShellWord.of("Local/movies"));
        assertEquals("'Media Library'", ShellWord.of("Media Library"));
        assertEquals("'Bob'\\''s Movies/4K'", ShellWord.of("Bob's Movies/4K"));
        assertEquals("'$HOME'", ShellWord.of("$HOME"));
    }
}
