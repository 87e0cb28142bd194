/** The {@code retrovue} program: wires the command tree to the process (streams, environment, exit code). */
module org.retrovue.launcher {
    requires org.retrovue.cli;
    requires org.retrovue.shell;
    requires java.logging;
    requires jdk.unsupported; // sun.misc.Signal: Ctrl-C interrupts the command (Interrupts)
}
