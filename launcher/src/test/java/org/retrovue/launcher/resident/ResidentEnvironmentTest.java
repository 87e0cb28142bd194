package org.retrovue.launcher.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResidentEnvironmentTest {
    @Test
    void keepsWhatItServesWithAndDropsTheRest() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/bin", "HOME", "/root", "LC_ALL", "C.UTF-8", "RETROVUE_DATABASE_URL", "u",
                "RETROVUE_DATABASE_PASSWORD", "p", "RETROVUE_DATA_DIR", "/d", "RETROVUE_JAVA_OPTS", "-Xmx1g",
                "SOME_OTHER_SECRET", "x", "RETROVUE_PLEX_TOKEN", "t", "AWS_SECRET_ACCESS_KEY", "k"));
        ResidentEnvironment.restrict(env);
        assertEquals(Map.of("PATH", "/bin", "HOME", "/root", "LC_ALL", "C.UTF-8", "RETROVUE_DATABASE_URL", "u",
                "RETROVUE_DATABASE_PASSWORD", "p", "RETROVUE_DATA_DIR", "/d", "RETROVUE_JAVA_OPTS", "-Xmx1g"), env);
    }
}
