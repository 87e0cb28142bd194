package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** {@code retrovue}: alone it prints its usage. */
final class RootCommand extends ContextCommand {
    RootCommand(CliContext context) {
        super(context, "retrovue", "RetroVue Sources: connect media systems, choose their collections, keep the catalogue.");
        spec().versionProvider(new VersionProvider());
        spec().addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        spec().addOption(OptionSpec.builder("--debug").arity("0").type(boolean.class).scopeType(ScopeType.INHERIT)
                .description("Print stack traces of errors, and library logging.").build());
        footer("Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 ambiguous, 5 conflict, 6 database unavailable, 130 interrupted.",
                "Environment: RETROVUE_DATABASE_URL, RETROVUE_DATABASE_USER, RETROVUE_DATABASE_PASSWORD, RETROVUE_DATA_DIR, "
                        + "RETROVUE_PLUGIN_PATH, RETROVUE_JAVA_OPTS, RETROVUE_RESIDENT, RETROVUE_SECRET_KEY, RETROVUE_FFPROBE, RETROVUE_FFMPEG, RETROVUE_<TYPE>_<OPTION> (a secret option for source add).",
                "Reference: docs/cli.md");
    }

    @Override
    public Integer call() {
        spec().commandLine().usage(out());
        return 0;
    }
}
