package io.dbchat.standalone.grants;

import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.executor.role.ReaderGrants;
import io.dbchat.executor.stage.ExecutorProperties;
import io.dbchat.schemapublisher.catalog.CatalogConnections;
import io.dbchat.schemapublisher.catalog.CatalogReader;
import io.dbchat.schemapublisher.catalog.Sampling;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code dbchat grants}: reads the database's catalog as the schema publisher does, under the same exposure
 * policy, and prints the SQL of the executor's read-only role ({@link ReaderGrants}), with the executor's
 * default timeouts as the role's defaults. Exit code 0 when printed (or for {@code --help}), 2 on bad usage,
 * 1 when the database cannot be read.
 */
public final class GrantsCommand {

    private GrantsCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(GrantsOptions.USAGE);
            return 0;
        }
        GrantsOptions options;
        try {
            options = GrantsOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("dbchat grants: " + e.getMessage());
            err.println(GrantsOptions.USAGE);
            return 2;
        }
        var datasource = new DatasourceProperties("grants", options.datasource(),
                environment.get("DBCHAT_DATASOURCE_USERNAME"), environment.get("DBCHAT_DATASOURCE_PASSWORD"));
        try (Connection db = new CatalogConnections(Duration.ofSeconds(10), Duration.ofMinutes(2)).open(datasource)) {
            List<TableSchema> tables = new CatalogReader(options.policy(), Sampling.off()).read(db);
            out.print(ReaderGrants.sql(db.getCatalog(), tables, role(options)));
            return 0;
        } catch (Exception e) {
            err.println("dbchat grants failed: " + e.getMessage());
            return 1;
        }
    }

    private static ReaderGrants.Role role(GrantsOptions options) {
        ExecutorProperties executor = ExecutorProperties.defaults();
        return new ReaderGrants.Role(options.role(), options.rolePassword(), executor.statementTimeout(),
                executor.lockTimeout(), executor.idleInTransactionTimeout(), options.connectionLimit());
    }
}
