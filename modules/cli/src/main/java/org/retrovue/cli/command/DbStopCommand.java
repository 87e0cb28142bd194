package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.pg.EmbeddedPostgresException;
final class DbStopCommand extends ContextCommand {
    DbStopCommand(CliContext context) {
        super(context, "stop", "Stop the resident process and the embedded PostgreSQL server (the next command starts them again).");
    }

    @Override
    public Integer call() {
        boolean resident = context.stopResident();
        context.dropCatalog();
        if (resident) {
            out().println("stopped the resident RetroVue process");
        }
        var external = context.locator().external();
        if (external.isPresent()) {
            out().println("the database at " + external.get().redactedUrl() + " is not RetroVue's to stop (RETROVUE_DATABASE_URL is set)");
            out().flush();
            return 0;
        }
        try {
            boolean stopped = context.locator().embedded().stop();
            out().println(stopped ? "stopped the embedded PostgreSQL" : "the embedded PostgreSQL was not running");
            out().flush();
        } catch (EmbeddedPostgresException e) {
            throw new RetrovueException(ErrorKind.DATABASE, e.getMessage(), e);
        }
        return 0;
    }
}
