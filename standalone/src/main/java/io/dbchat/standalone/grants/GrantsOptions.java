package io.dbchat.standalone.grants;

import io.dbchat.schemapublisher.catalog.ExposurePolicy;
import java.util.Arrays;
import java.util.List;

/**
 * {@code dbchat grants --datasource URL [--role NAME] [--role-password P] [--connection-limit N]
 * [--schemas|--exclude-schemas|--tables|--exclude-tables|--columns|--exclude-columns PATTERNS]}: which database,
 * which role to make, and what is published (the schema publisher's allow and deny lists, comma-separated
 * globs, as in {@code dbchat.schema.*}).
 */
record GrantsOptions(String datasource, String role, String rolePassword, int connectionLimit,
                     ExposurePolicy.Lists schemas, ExposurePolicy.Lists tables, ExposurePolicy.Lists columns) {

    static final String USAGE = """
            usage: dbchat grants --datasource postgresql://HOST:PORT/DB [--role dbchat_reader] [--role-password P]
                                 [--connection-limit 32] [--schemas S,...] [--exclude-schemas S,...]
                                 [--tables T,...] [--exclude-tables T,...] [--columns C,...] [--exclude-columns C,...]
            Prints the SQL that makes a read-only role with SELECT on exactly the columns dbchat publishes of the
            database (the same allow and deny lists as dbchat.schema.*, e.g. --exclude-columns users.password_hash),
            USAGE on their schemas, CONNECT, and nothing else. Run the output as the owner of the tables, then start
            dbchat with DBCHAT_EXECUTOR_USERNAME / DBCHAT_EXECUTOR_PASSWORD set to the role.
            The catalog is read with DBCHAT_DATASOURCE_USERNAME / DBCHAT_DATASOURCE_PASSWORD when set.""";

    static GrantsOptions parse(String[] args) {
        String datasource = null;
        String role = "dbchat_reader";
        String rolePassword = null;
        int connectionLimit = 32;
        String[][] lists = new String[6][];
        List<String> listOptions = List.of("--schemas", "--exclude-schemas", "--tables", "--exclude-tables",
                "--columns", "--exclude-columns");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length || !name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            String value = args[++i];
            switch (name) {
                case "--datasource" -> datasource = value;
                case "--role" -> role = value;
                case "--role-password" -> rolePassword = value;
                case "--connection-limit" -> connectionLimit = Integer.parseInt(value);
                default -> {
                    int list = listOptions.indexOf(name);
                    if (list < 0) {
                        throw new IllegalArgumentException("unknown option " + name);
                    }
                    lists[list] = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                            .toArray(String[]::new);
                }
            }
        }
        if (datasource == null || datasource.isBlank()) {
            throw new IllegalArgumentException("--datasource is required");
        }
        if (role.isBlank() || connectionLimit < 1) {
            throw new IllegalArgumentException("--role must be a name and --connection-limit at least 1");
        }
        return new GrantsOptions(datasource, role, rolePassword, connectionLimit, lists(lists, 0), lists(lists, 2),
                lists(lists, 4));
    }

    ExposurePolicy policy() {
        return new ExposurePolicy(schemas, tables, columns);
    }

    private static ExposurePolicy.Lists lists(String[][] lists, int include) {
        return new ExposurePolicy.Lists(list(lists[include]), list(lists[include + 1]));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
