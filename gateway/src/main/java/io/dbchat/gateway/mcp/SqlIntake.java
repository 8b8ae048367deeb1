package io.dbchat.gateway.mcp;

import io.dbchat.contracts.Headers;
import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.tracing.StageTracing;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.kafka.TopicWriter;
import io.dbchat.gateway.metrics.QuestionMeters;
import io.dbchat.gateway.ratelimit.SubmissionLimiter;
import io.dbchat.gateway.replies.ReplySource;
import io.dbchat.gateway.schema.SchemaLookup;
import io.dbchat.gateway.schema.SchemaSource;
import io.dbchat.gateway.security.DatasourcePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * SQL that the caller wrote, sent past the translator: after the same datasource rule and rate limit as a
 * question, it becomes a {@link SqlProposed} (attempt 1, translator {@link TranslatorInfo#USER}) on the
 * {@code sql} topic, so the executor's guard and read-only execution and the interpreter handle it exactly
 * as translated SQL. Its query opens a conversation of its own, or continues one of the caller's (a re-run);
 * {@code purpose} (what the SQL should answer) stands as the question, or the SQL itself when none is given. The
 * caller's attributes go with it, so the executor applies the caller's access policies to this SQL as to
 * translated SQL.
 */
public final class SqlIntake {

    private static final Logger log = LoggerFactory.getLogger(SqlIntake.class);

    private final TopicWriter<SqlProposed> writer;
    private final ReplySource replies;
    private final SchemaLookup lookup;
    private final SchemaSource schemas;
    private final DatasourcePolicy policy;
    private final Conversations conversations;
    private final SubmissionLimiter limiter;
    private final McpProperties properties;
    private final QuestionMeters meters;
    private final Optional<StageTracing> tracing;
    private final Clock clock;

    SqlIntake(TopicWriter<SqlProposed> writer, ReplySource replies, SchemaLookup lookup, SchemaSource schemas,
              DatasourcePolicy policy, Conversations conversations, SubmissionLimiter limiter, McpProperties properties,
              QuestionMeters meters, Optional<StageTracing> tracing, Clock clock) {
        this.writer = writer;
        this.replies = replies;
        this.lookup = lookup;
        this.schemas = schemas;
        this.policy = policy;
        this.conversations = conversations;
        this.limiter = limiter;
        this.properties = properties;
        this.meters = meters;
        this.tracing = tracing;
        this.clock = clock;
    }

    /** The query the SQL runs as, once Kafka acknowledged it; a {@link ProblemException} when not acceptable. */
    Mono<QuestionAsked> accept(String sql, String datasource, String purpose, String principal,
                               Map<String, String> attributes) {
        return accept(sql, datasource, purpose, principal, attributes, null, "mcp");
    }

    /** An earlier turn's SQL run again in the caller's conversation, with the turn's question. */
    public Mono<QuestionAsked> rerun(String sql, String datasource, String question, String principal,
                                     Map<String, String> attributes, String conversationId) {
        return accept(sql, datasource, question, principal, attributes, conversationId, "rerun");
    }

    /** In the caller's conversation (null: a new one), sent through {@code via}. */
    private Mono<QuestionAsked> accept(String sql, String datasource, String purpose, String principal,
                                       Map<String, String> attributes, String conversationId, String via) {
        return Mono.fromCallable(() -> question(validated(sql), datasource, purpose, principal, conversationId)
                        .withAttributes(attributes))
                .flatMap(q -> {
                    policy.check(principal, q.datasource());
                    Mono<Void> conversation = conversationId == null ? conversations.open(principal, q.conversationId())
                            : conversations.claim(principal, q.conversationId());
                    return conversation.then(limiter.check(principal)).then(submit(q, sql.strip(), via));
                });
    }

    private String validated(String sql) {
        if (sql == null || sql.isBlank()) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, "The argument 'sql' is required and must not be empty.");
        }
        int bytes = sql.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > properties.maxSqlBytes()) {
            throw ProblemException.of(ErrorCode.PAYLOAD_TOO_LARGE, "The SQL is " + bytes + " bytes long; at most "
                    + properties.maxSqlBytes() + " bytes are accepted.");
        }
        return sql;
    }

    private QuestionAsked question(String sql, String datasource, String purpose, String principal,
                                   String conversationId) {
        String text = purpose == null || purpose.isBlank() ? sql.strip() : purpose.strip();
        return QuestionAsked.of(UUID.randomUUID().toString(),
                conversationId == null ? UUID.randomUUID().toString() : conversationId, principal,
                lookup.nameOf(datasource), text, clock.instant());
    }

    private Mono<QuestionAsked> submit(QuestionAsked question, String sql, String via) {
        String schemaVersion = schemas.latest(question.datasource()).map(SchemaSnapshot::version).orElse(null);
        var proposal = SqlProposed.of(question, sql, 1, TranslatorInfo.user(via), Usage.NONE, 0, schemaVersion, List.of());
        return Mono.defer(() -> {
            replies.register(question);
            Map<String, String> headers = new HashMap<>(tracing.map(t -> t.start("gateway run sql", question.queryId()))
                    .orElse(Map.of()));
            headers.put(Headers.TRACE_ID, question.queryId());
            headers.put(Headers.SOURCE_STAGE, "gateway");
            return writer.send(question.conversationId(), proposal, headers)
                    .doOnSuccess(done -> meters.submitted(question, "sql"));
        }).onErrorMap(e -> !(e instanceof ProblemException), e -> {
            log.warn("Could not submit SQL of query {}", question.queryId(), e);
            return ProblemException.of(ErrorCode.UNAVAILABLE, "The SQL could not be handed to the pipeline; try again shortly.");
        }).thenReturn(question);
    }
}
