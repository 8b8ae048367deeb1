package io.dbchat.standalone.knowledge;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code dbchat knowledge import FILE.yaml [--datasource D] [--url URL]} and
 * {@code dbchat knowledge export [--datasource D] [--status S] [--kind K] [--output FILE] [--url URL]}: which action,
 * the file, the datasource (the file's, else {@code default}), the filters of an export, and the running gateway
 * (default {@code DBCHAT_URL}, else http://localhost:8080); the API key is read from {@code DBCHAT_API_KEY}.
 */
record KnowledgeOptions(String action, Path file, String datasource, String status, String kind, Path output, URI url,
                        String apiKey) {

    static final String USAGE = """
            usage: dbchat knowledge import FILE.yaml [--datasource NAME] [--url URL]
                   dbchat knowledge export [--datasource NAME] [--status proposed|approved] [--kind example|term|doc]
                                           [--output FILE.yaml] [--url URL]

            Imports knowledge entries (verified examples, business terms, notes) into a running dbchat through its
            HTTP API, or exports them as YAML. An entry with an id replaces the entry of that id; one without is
            added. Every entry's SQL is checked by the SQL guard on the server; an entry saved as approved needs an
            admin's API key (dbchat.gateway.knowledge.admins).

            File format:
              datasource: default          # optional; --datasource overrides it
              entries:
                - kind: example
                  id: teams-count          # optional
                  question: How many teams are there?
                  sql: SELECT count(*) FROM teams
                - kind: term
                  name: revenue
                  synonyms: [turnover]
                  definition: Money received for paid invoices
                  expression: sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid')
                  expression_kind: measure # or condition
                  table: invoices
                - kind: doc
                  table: projects
                  column: budget
                  note: In thousands of euros

              --datasource NAME  the datasource (default: the file's, else "default")
              --status S         export only proposed or approved entries
              --kind K           export only examples, terms or docs
              --output FILE      write the export there instead of to standard output
              --url URL          the gateway (default: $DBCHAT_URL, else http://localhost:8080)
              --help             print this and exit
            The API key, when the gateway asks for one, is read from DBCHAT_API_KEY.""";

    static KnowledgeOptions parse(String[] args, Map<String, String> environment) {
        if (args.length == 0 || !(args[0].equals("import") || args[0].equals("export"))) {
            throw new IllegalArgumentException("expected 'import FILE.yaml' or 'export'");
        }
        String action = args[0];
        Path file = null;
        String datasource = null;
        String status = null;
        String kind = null;
        Path output = null;
        String url = environment.getOrDefault("DBCHAT_URL", "http://localhost:8080");
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                if (!action.equals("import") || file != null) {
                    throw new IllegalArgumentException("unexpected argument '" + name + "'");
                }
                file = Path.of(name);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--datasource" -> datasource = value;
                case "--status" -> status = oneOf(name, value, "proposed", "approved");
                case "--kind" -> kind = oneOf(name, value, "example", "term", "doc");
                case "--output" -> output = Path.of(value);
                case "--url" -> url = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (action.equals("import") && file == null) {
            throw new IllegalArgumentException("import needs the FILE.yaml to read");
        }
        if (action.equals("import") && (status != null || kind != null || output != null)) {
            throw new IllegalArgumentException("--status, --kind and --output are options of export");
        }
        String key = environment.get("DBCHAT_API_KEY");
        return new KnowledgeOptions(action, file, datasource, status, kind, output,
                URI.create(url.endsWith("/") ? url : url + "/"), key == null || key.isBlank() ? null : key);
    }

    private static String oneOf(String option, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(option + " is one of " + String.join(", ", allowed) + ", not '" + value + "'");
    }
}
