package io.dbchat.standalone.knowledge;

import io.dbchat.contracts.runtime.DatasourcesProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * {@code dbchat knowledge import|export}: knowledge entries between a YAML file ({@link KnowledgeFile}) and a running
 * dbchat, through its HTTP API (so the gateway's roles, validation and SQL guard apply). Exit code 0 when done (or
 * for {@code --help}), 2 on bad usage or a bad file, 1 when the gateway refused an entry or could not be reached;
 * an import goes on past a refused entry and names each one.
 */
public final class KnowledgeCommand {

    private KnowledgeCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(KnowledgeOptions.USAGE);
            return 0;
        }
        KnowledgeOptions options;
        try {
            options = KnowledgeOptions.parse(args, environment);
        } catch (RuntimeException e) {
            err.println("dbchat knowledge: " + e.getMessage());
            err.println(KnowledgeOptions.USAGE);
            return 2;
        }
        KnowledgeClient client = new KnowledgeClient(options.url(), options.apiKey());
        try {
            return options.action().equals("import") ? importFile(options, client, out, err) : export(options, client, out);
        } catch (IOException e) {
            err.println("dbchat knowledge " + options.action() + " failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int importFile(KnowledgeOptions options, KnowledgeClient client, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        KnowledgeFile.Contents contents;
        try {
            contents = KnowledgeFile.read(Files.readString(options.file(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            err.println("dbchat knowledge import: " + options.file() + ": " + e.getMessage());
            return 2;
        }
        String datasource = datasource(options.datasource(), contents.datasource());
        int refused = 0;
        for (int i = 0; i < contents.entries().size(); i++) {
            Map<String, Object> entry = contents.entries().get(i);
            try {
                client.save(datasource, entry);
            } catch (IOException e) {
                refused++;
                err.println("entry " + (i + 1) + (entry.get("id") == null ? "" : " (" + entry.get("id") + ")") + ": "
                        + e.getMessage());
            }
        }
        out.println((contents.entries().size() - refused) + " of " + contents.entries().size() + " entries imported into '"
                + datasource + "'");
        return refused == 0 ? 0 : 1;
    }

    private static int export(KnowledgeOptions options, KnowledgeClient client, PrintStream out)
            throws IOException, InterruptedException {
        String datasource = datasource(options.datasource(), null);
        String yaml = KnowledgeFile.write(datasource, client.list(datasource, options.kind(), options.status()));
        if (options.output() == null) {
            out.print(yaml);
        } else {
            Files.writeString(options.output(), yaml, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private static String datasource(String option, String file) {
        return option != null ? option : file != null ? file : DatasourcesProperties.DEFAULT_NAME;
    }
}
