package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.pg.EmbeddedPostgresException;
final class DbStopCommand extends ContextCommand {
    DbStopCommand(CliContext context) {
        super(context, "stop", "Stop the embedded PostgreSQL server (the next command starts it again).");
    }

    @Override
    public Integer call() {
        if (context.locator().external().isPresent()) {
            throw new RetrovueException(ErrorKind.USAGE, "RETROVUE_DATABASE_URL is set, so the embedded server is not in use; nothing to stop");
        }
        context.stopResident();
        context.dropCatalog();
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
