package io.dbchat.standalone.audit;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.audit.AuditRecord;
import io.dbchat.gateway.audit.AuditTopic;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code dbchat audit}: one query's audit record (and the schema version it saw), or an export of the records of a
 * stretch of time, read from the broker's audit topic. Exit code 0 when printed, 2 on bad usage, 1 when the query is
 * unknown or the broker cannot be read.
 */
public final class AuditCommand {

    private AuditCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(AuditOptions.USAGE);
            return 0;
        }
        AuditOptions options;
        try {
            options = AuditOptions.parse(args, environment);
        } catch (RuntimeException e) {
            err.println("dbchat audit: " + e.getMessage());
            err.println(AuditOptions.USAGE);
            return 2;
        }
        try {
            return options.queryId() != null ? one(options, out, err) : export(options, out, err);
        } catch (Exception e) {
            err.println("dbchat audit failed: " + e.getMessage());
            return 1;
        }
    }

    private static int one(AuditOptions options, PrintStream out, PrintStream err) {
        AuditRecord record = newest(options, options.queryId());
        if (record == null) {
            err.println("dbchat audit: no audit record of query '" + options.queryId() + "'");
            return 1;
        }
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record));
        if (options.schema()) {
            SchemaSnapshot seen = schema(options, record.datasource(), record.schemaVersion());
            if (seen == null) {
                err.println("dbchat audit: schema version " + record.schemaVersion() + " of '" + record.datasource()
                        + "' is no longer on the schema topic (see dbchat.kafka.schema-history)");
                return 1;
            }
            out.println();
            out.println("Schema " + seen.version() + " of " + seen.datasource() + ", read at " + seen.readAt() + ":");
            out.println(SchemaText.render(seen));
        }
        return 0;
    }

    private static int export(AuditOptions options, PrintStream out, PrintStream err) throws IOException {
        if (options.out() == null) {
            var writer = new PrintWriter(out, false, StandardCharsets.UTF_8);
            export(options, writer);
        } else {
            try (var writer = new PrintWriter(Files.newBufferedWriter(options.out(), StandardCharsets.UTF_8))) {
                long n = export(options, writer);
                err.println(n + " audit records written to " + options.out().toAbsolutePath());
            }
        }
        return 0;
    }

    private static long export(AuditOptions options, PrintWriter writer) {
        var export = new AuditExport(options.format(), writer);
        long n = AuditExport.stream(each -> TopicReading.readAll(options.bootstrapServers(),
                AuditTopic.withPrefix(options.topicPrefix()), null,
                (record, value) -> each.accept(new AuditExport.Version(value.queryId(), record.offset(), value))),
                options::wants, export::write);
        export.flush();
        return n;
    }

    /** The newest record of one query on the audit topic, or null. */
    static AuditRecord newest(AuditOptions options, String queryId) {
        AtomicReference<AuditRecord> newest = new AtomicReference<>();
        TopicReading.readAll(options.bootstrapServers(), AuditTopic.withPrefix(options.topicPrefix()), null,
                (record, value) -> {
                    if (queryId.equals(value.queryId())) {
                        newest.set(value);
                    }
                });
        return newest.get();
    }

    /** The snapshot of that version, from the schema topic's history. */
    private static SchemaSnapshot schema(AuditOptions options, String datasource, String version) {
        AtomicReference<SchemaSnapshot> found = new AtomicReference<>();
        TopicReading.readAll(options.bootstrapServers(), Topics.withPrefix(options.topicPrefix()).schema(),
                (Instant) null, (record, snapshot) -> {
                    if (snapshot.datasource().equals(datasource) && snapshot.version().equals(version)) {
                        found.set(snapshot);
                    }
                });
        return found.get();
    }
}
