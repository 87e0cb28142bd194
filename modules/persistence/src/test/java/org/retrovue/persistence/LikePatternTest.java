package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternTest {
    @Test
    void globWildcardsBecomeLikeWildcardsAndLikeWildcardsAreLiteral() {
        assertEquals("/media/tv/%", LikePattern.fromGlob("/media/tv/*"));
        assertEquals("%Alien (19__)%", LikePattern.fromGlob("*Alien (19??)*"));
        assertEquals("/m/100\\% \\_done\\\\x", LikePattern.fromGlob("/m/100% _done\\x"));
        assertEquals("", LikePattern.fromGlob(""));
    }
}
