package org.retrovue.cli.command;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Text;
import org.retrovue.core.PlainSecrets;
import org.retrovue.core.RetrovueException;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.CatalogException;
import org.retrovue.persistence.CatalogReader;
import org.retrovue.persistence.DatabaseTarget;
import org.retrovue.persistence.SchemaMigrator;
import org.retrovue.pg.ServerStatus;
import picocli.CommandLine.Model.OptionSpec;

final class DbStatusCommand extends ContextCommand {
    private final OptionSpec json = jsonFlag();

    DbStatusCommand(CliContext context) {
        super(context, "status", "Show which database is in use and whether it is up. Starts nothing.");
    }

    @Override
    public Integer call() {
        Map<String, Object> status = new LinkedHashMap<>();
        Optional<DatabaseTarget> external = context.locator().external();
        DatabaseTarget target;
        String problem = null;
        status.put("mode", external.isPresent() ? "external" : "embedded");
        status.put("url", null);
        status.put("user", null);
        status.put("data_dir", null);
        status.put("server_version", null);
        status.put("initialised", null);
        status.put("pid", null);
        status.put("port", null);
        status.put("log", null);
        if (external.isPresent()) {
            target = external.get();
        } else {
            ServerStatus embedded = context.locator().embeddedStatus();
            status.put("data_dir", embedded.home().toString());
            status.put("server_version", embedded.version());
            status.put("initialised", embedded.initialised());
            status.put("pid", embedded.pid().isPresent() ? embedded.pid().getAsLong() : null);
            status.put("port", embedded.port().isPresent() ? embedded.port().getAsInt() : null);
            status.put("log", context.locator().embedded().logFile().toString());
            if (embedded.securityProblem().isPresent()) {
                problem = "the embedded server may be open to other local users: " + embedded.securityProblem().get()
                        + "; the next command that uses the database locks it down (or run `retrovue db stop`)";
            }
            target = embedded.running() && problem == null ? context.locator().locate() : null;
        }
        if (target != null) {
            status.put("url", target.redactedUrl());
            status.put("user", target.user());
        }
        boolean up = false;
        Object schema = null;
        PlainSecrets.Report plain = null;
        if (target != null) {
            try (Connection connection = Catalog.connect(target)) {
                up = true;
                int version = SchemaMigrator.currentVersion(connection);
                schema = version;
                problem = SchemaMigrator.tooNew(version, target).orElse(null); // every command that opens the catalogue refuses it
                if (version == SchemaMigrator.latestVersion()) { // behind: the next command migrates it, then seals them
                    plain = PlainSecrets.find(Catalog.read(connection, CatalogReader::sourceSummaries), context.registry());
                }
            } catch (CatalogException | RetrovueException | java.sql.SQLException e) {
                problem = e.getMessage();
            }
        } else if (problem == null) {
            problem = "the embedded server is not running; any command that needs it starts it";
        }
        status.put("up", up);
        status.put("schema_version", schema);
        status.put("schema_version_supported", SchemaMigrator.latestVersion());
        status.put("plain_secrets", plain == null ? null : plain.count());
        status.put("problem", problem);
        if (isSet(json)) {
            json(status);
        } else {
            Map<String, String> text = new LinkedHashMap<>();
            status.forEach((k, v) -> text.put(k, v == null ? "-" : v instanceof Boolean b ? (b ? "yes" : "no") : v.toString()));
            if (plain != null && !plain.notInstalled().isEmpty()) {
                text.put("plain_secrets", plain.count() + " (left plain while their type is not installed: "
                        + String.join(", ", plain.notInstalled().stream().map(n -> "'" + n + "'").toList()) + ")");
            }
            Text.block(out(), text, "");
        }
        return 0;
    }
}
