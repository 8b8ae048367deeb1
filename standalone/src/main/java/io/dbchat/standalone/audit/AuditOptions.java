package io.dbchat.standalone.audit;

import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.audit.AuditRecord;
import io.dbchat.gateway.audit.AuditSearch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * {@code dbchat audit QUERY_ID [--schema]} or {@code dbchat audit [--from TIME] [--to TIME] [--principal P]
 * [--datasource D] [--outcome O] [--format jsonl|csv] [--out FILE]}, against {@code --bootstrap-servers} (default
 * DBCHAT_KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092) and {@code --topic-prefix} (DBCHAT_KAFKA_TOPIC_PREFIX, else dbchat.).
 */
record AuditOptions(String queryId, boolean schema, Instant from, Instant to, String principal, String datasource,
                    AuditRecord.Outcome outcome, String format, Path out, String bootstrapServers, String topicPrefix) {

    static final String USAGE = """
            usage: dbchat audit QUERY_ID [--schema]
                   dbchat audit [--from TIME] [--to TIME] [--principal P] [--datasource D]
                                [--outcome answered|refused|failed|timed_out|untranslatable] [--format jsonl|csv] [--out FILE]
              either form: [--bootstrap-servers HOST:PORT] [--topic-prefix PREFIX]

            Reads the audit topic of the broker (one record per query: question, principal, translator and model,
            every model call with tokens and cost, every SQL attempt with the guard's and the plan check's verdicts,
            the answer and the timeline) and prints one query's record as JSON (with --schema, also the text of
            the schema version it saw, from the schema topic's history), or exports the records asked in
            [--from, --to) (ISO-8601 instants, such as 2026-12-01T00:00:00Z) as JSON Lines or CSV.""";

    static AuditOptions parse(String[] args, Map<String, String> environment) {
        String queryId = null;
        boolean schema = false;
        Instant from = null;
        Instant to = null;
        String principal = null;
        String datasource = null;
        AuditRecord.Outcome outcome = null;
        String format = "jsonl";
        Path out = null;
        String servers = environment.getOrDefault("DBCHAT_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String prefix = environment.getOrDefault("DBCHAT_KAFKA_TOPIC_PREFIX", Topics.DEFAULT_PREFIX);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                if (queryId != null) {
                    throw new IllegalArgumentException("unexpected argument '" + name + "'");
                }
                queryId = name;
                continue;
            }
            if (name.equals("--schema")) {
                schema = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--from" -> from = Instant.parse(value);
                case "--to" -> to = Instant.parse(value);
                case "--principal" -> principal = value;
                case "--datasource" -> datasource = value;
                case "--outcome" -> outcome = AuditSearch.outcome(value);
                case "--format" -> format = format(value);
                case "--out" -> out = Path.of(value);
                case "--bootstrap-servers" -> servers = value;
                case "--topic-prefix" -> prefix = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (schema && queryId == null) {
            throw new IllegalArgumentException("--schema needs a QUERY_ID");
        }
        return new AuditOptions(queryId, schema, from, to, principal, datasource, outcome, format, out, servers, prefix);
    }

    private static String format(String value) {
        if (!value.equals("jsonl") && !value.equals("csv")) {
            throw new IllegalArgumentException("--format is jsonl or csv, not '" + value + "'");
        }
        return value;
    }

    /** Whether an exported record is wanted: asked in [from, to), of the principal, datasource and outcome given. */
    boolean wants(AuditRecord r) {
        Instant at = r.askedAt();
        return (from == null || at != null && !at.isBefore(from)) && (to == null || at != null && at.isBefore(to))
                && (principal == null || principal.equals(r.principal()))
                && (datasource == null || datasource.equals(r.datasource()))
                && (outcome == null || outcome == r.outcome());
    }
}
