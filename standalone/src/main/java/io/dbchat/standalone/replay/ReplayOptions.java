package io.dbchat.standalone.replay;

import io.dbchat.contracts.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code dbchat replay} re-runs and how: the recorded questions asked in [from, to) (of a principal, a
 * datasource), with which translator, model and prompt version (null: the stage's configured ones), at most
 * {@code limit} of them at {@code rate} per second, each waited for {@code timeout}; where the report goes and the
 * share of results that may get worse ({@code maxRegressions}, 0 to 1) before the exit code says so.
 */
public record ReplayOptions(Instant from, Instant to, String principal, String datasource, String translator,
                            String model, String promptVersion, Path report, double maxRegressions, double rate,
                            int limit, Duration timeout, String bootstrapServers, String topicPrefix) {

    static final String USAGE = """
            usage: dbchat replay --from TIME --to TIME [--principal P] [--datasource D]
                                 [--translator offline|openai|openai-compatible|anthropic|gemini|azure-openai|ollama] [--model M] [--prompt-version V]
                                 [--report FILE] [--max-regressions SHARE] [--rate PER_SECOND] [--limit N]
                                 [--timeout SECONDS] [--bootstrap-servers HOST:PORT] [--topic-prefix PREFIX]

            Re-asks the questions recorded in [--from, --to) (ISO-8601 instants) as new queries in a namespace of
            their own (topics PREFIX + "replay-" + run id + ".", deleted afterwards), through a translator, executor and
            interpreter started for the run with the given translator, model and prompt version, against the
            configured datasource (DBCHAT_DATASOURCE_URL ...). Each follow-up carries the earlier turns its original
            had. No user sees a replay's replies; conversations and rate limits are untouched. Then compares each
            replayed query with its original (same SQL? same rows, as dbchat eval compares them? latency, tokens, cost;
            refused now or no longer) and prints the counts per kind of change and every changed question.

              --max-regressions SHARE  exit 3 when more than this share of the replayed results got worse (default 0)
              --rate PER_SECOND        questions published per second (default 10)
              --limit N                at most N questions, the earliest first (default 1000)
              --timeout SECONDS        how long each replayed question is waited for (default 120)
            Exit code 0 when within --max-regressions, 3 when not, 2 on bad usage or a refused replay, 1 on failure.""";

    public ReplayOptions {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("--from and --to are required, --from before --to");
        }
        if (maxRegressions < 0 || maxRegressions > 1) {
            throw new IllegalArgumentException("--max-regressions is a share from 0 to 1, such as 0.05");
        }
        if (rate <= 0 || limit < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--rate, --limit and --timeout must be positive");
        }
        if (topicPrefix.contains(ReplayNamespace.MARK)) {
            throw new IllegalArgumentException("a replay of a replay is refused: '" + topicPrefix
                    + "' is a replay's namespace");
        }
    }

    static ReplayOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            o.put(name, args[++i]);
        }
        return new ReplayOptions(instant(o.get("--from")), instant(o.get("--to")), o.get("--principal"),
                o.get("--datasource"), o.get("--translator"), o.get("--model"), o.get("--prompt-version"),
                o.containsKey("--report") ? Path.of(o.get("--report")) : null,
                Double.parseDouble(o.getOrDefault("--max-regressions", "0")),
                Double.parseDouble(o.getOrDefault("--rate", "10")),
                Integer.parseInt(o.getOrDefault("--limit", "1000")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("--timeout", "120"))),
                o.getOrDefault("--bootstrap-servers", environment.getOrDefault("DBCHAT_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")),
                o.getOrDefault("--topic-prefix", environment.getOrDefault("DBCHAT_KAFKA_TOPIC_PREFIX", Topics.DEFAULT_PREFIX)));
    }

    private static final java.util.Set<String> NAMES = java.util.Set.of("--from", "--to", "--principal", "--datasource",
            "--translator", "--model", "--prompt-version", "--report", "--max-regressions", "--rate", "--limit",
            "--timeout", "--bootstrap-servers", "--topic-prefix");

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
