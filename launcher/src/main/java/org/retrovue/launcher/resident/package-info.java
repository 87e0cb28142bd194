/**
 * The resident process (docs/adr/0008): one warm JVM per data directory that runs the latency-sensitive commands
 * ({@link org.retrovue.launcher.resident.ResidentCommands}) for {@code bin/retrovue}, which talks to it over two
 * loopback connections (stdout raw, stderr and the exit code framed) authenticated by a secret in the data
 * directory. Anything unexpected (no process, another build, another database, changed plugins) makes the client
 * run the command in a JVM of its own, as without it; {@code RETROVUE_RESIDENT=off} turns it off.
 */
package org.retrovue.launcher.resident;
