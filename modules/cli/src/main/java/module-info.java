/**
 * The command tree ({@code retrovue source ...}, {@code retrovue db ...}) on picocli: parsing, the text and JSON
 * renderers, and the mapping of failures to one {@code error:} line and an exit code.
 */
module org.retrovue.cli {
    requires transitive org.retrovue.core;
    requires transitive info.picocli;

    exports org.retrovue.cli;
    exports org.retrovue.cli.render to org.retrovue.shell;
}
