/**
 * The interactive shell ({@code retrovue>}): the cli module's command tree under a JLine line editor, with
 * completion from the tree and the catalogue, history without secrets, and a plain mode for piped scripts.
 */
module org.retrovue.shell {
    requires transitive org.retrovue.cli;
    requires org.jline.reader;
    requires org.jline.terminal;

    exports org.retrovue.shell;
}
