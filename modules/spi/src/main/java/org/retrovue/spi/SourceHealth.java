package org.retrovue.spi;

import java.util.Objects;

/**
 * What a connection found when it checked itself ({@link SourceConnection#health()}, SPI 1.5): whether the remote
 * answered, whether it took the credentials, the server's own name and version where it has them, and what is
 * wrong (one line for the operator, never a secret) or null.
 */
public record SourceHealth(Check reachable, Check credentials, String serverName, String serverVersion, String problem) {
    /** The outcome of one check. */
    public enum Check {
        /** Checked, and fine. */
        OK,
        /** Checked, and failed: {@link #problem()} says why. */
        FAILED,
        /** Not checked (a plugin built before SPI 1.5, or a check that could not be made because an earlier one failed). */
        NOT_CHECKED,
        /** Nothing to check: the source takes no credentials (a directory on this machine). */
        NOT_APPLICABLE
    }

    public SourceHealth {
        Objects.requireNonNull(reachable, "reachable");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** What a plugin that does not check itself reports: nothing known, which is not healthy either. */
    public static SourceHealth notChecked() {
        return new SourceHealth(Check.NOT_CHECKED, Check.NOT_CHECKED, null, null, null);
    }

    /** Reached, and the credentials (if it takes any: {@code credentials}) accepted. */
    public static SourceHealth healthy(Check credentials, String serverName, String serverVersion) {
        return new SourceHealth(Check.OK, credentials, serverName, serverVersion, null);
    }

    /** Not reached; {@code problem} says why and what to do. */
    public static SourceHealth unreachable(String problem) {
        return new SourceHealth(Check.FAILED, Check.NOT_CHECKED, null, null, Objects.requireNonNull(problem, "problem"));
    }

    /** Reached, but the credentials were refused. */
    public static SourceHealth credentialsRejected(String serverName, String serverVersion, String problem) {
        return new SourceHealth(Check.OK, Check.FAILED, serverName, serverVersion, Objects.requireNonNull(problem, "problem"));
    }

    /** Whether every check that was made passed and none was left unmade. */
    public boolean healthy() {
        return reachable == Check.OK && (credentials == Check.OK || credentials == Check.NOT_APPLICABLE) && problem == null;
    }
}
