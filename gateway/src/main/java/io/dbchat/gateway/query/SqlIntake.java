package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.ratelimit.SubmissionLimiter;
import io.dbchat.gateway.replies.ReplyListener;
import io.dbchat.gateway.schema.SchemaLookup;
import io.dbchat.gateway.schema.SchemaSource;
import io.dbchat.gateway.security.DatasourcePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * SQL that the caller wrote or edited, sent past the translator: after the same datasource rule, conversation
 * ownership and rate limit as a question, it becomes a {@link SqlProposed} (attempt 1, translator
 * {@link TranslatorInfo#USER} with the way it came, "mcp" or "web") on the {@code sql} topic, so the executor's
 * guard, plan check and read-only execution and the interpreter handle it exactly as translated SQL. It joins
 * the given conversation as a new turn (or one the caller names with an id nobody has), else starts one of its
 * own; {@code purpose} (what the SQL should answer) stands as the question, or the SQL itself when none is given;
 * {@code edits} names the turn of that conversation whose SQL was edited, and must be one. The caller's attributes
 * go with it, so the executor applies the caller's access policies to this SQL as to translated SQL.
 */
public final class SqlIntake {

    private static final Logger log = LoggerFactory.getLogger(SqlIntake.class);

    /** What to run: the SQL, and optionally its conversation, datasource, purpose and the query it edits. */
    public record SqlRun(String sql, String conversationId, String datasource, String purpose, String edits) {
    }

    private final SqlSubmitter submitter;
    private final List<ReplyListener> listeners;
    private final SchemaLookup lookup;
    private final SchemaSource schemas;
    private final DatasourcePolicy policy;
    private final Conversations conversations;
    private final SubmissionLimiter limiter;
    private final int maxSqlBytes;
    private final String via;
    private final Clock clock;

    public SqlIntake(SqlSubmitter submitter, List<ReplyListener> listeners, SchemaLookup lookup, SchemaSource schemas,
                     DatasourcePolicy policy, Conversations conversations, SubmissionLimiter limiter, int maxSqlBytes,
                     String via, Clock clock) {
        this.submitter = submitter;
        this.listeners = List.copyOf(listeners);
        this.lookup = lookup;
        this.schemas = schemas;
        this.policy = policy;
        this.conversations = conversations;
        this.limiter = limiter;
        this.maxSqlBytes = maxSqlBytes;
        this.via = via;
        this.clock = clock;
    }

    /** The same intake, labelling its SQL as come through {@code how} ("mcp", "web", "rerun"). */
    public SqlIntake via(String how) {
        return new SqlIntake(submitter, listeners, lookup, schemas, policy, conversations, limiter, maxSqlBytes, how, clock);
    }

    /** The query the SQL runs as, once Kafka acknowledged it; a {@link ProblemException} when not acceptable. */
    public Mono<QuestionAsked> accept(SqlRun run, String principal, Map<String, String> attributes) {
        return Mono.fromCallable(() -> question(validated(run), principal).withAttributes(attributes))
                .flatMap(q -> {
                    policy.check(principal, q.datasource());
                    Mono<Void> conversation = (run.conversationId() == null
                            ? conversations.open(principal, q.conversationId())
                            : conversations.claim(principal, q.conversationId())).then();
                    Mono<Void> edited = run.edits() == null ? Mono.empty() : run.conversationId() == null
                            ? Mono.error(unknownQuery(run.edits()))
                            : conversations.hasTurn(principal, run.conversationId(), run.edits())
                                    .flatMap(known -> known ? Mono.<Void>empty() : Mono.error(unknownQuery(run.edits())));
                    return conversation.then(edited).then(limiter.check(principal)).then(submit(q, run.sql().strip()));
                });
    }

    /** An edited query must be a turn of the conversation the edit joins; anything else is unknown. */
    private static ProblemException unknownQuery(String queryId) {
        return ProblemException.of(ErrorCode.NOT_FOUND, "Unknown query '" + queryId + "'.");
    }

    private SqlRun validated(SqlRun run) {
        if (run == null || run.sql() == null || run.sql().isBlank()) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, "The field 'sql' is required and must not be empty.");
        }
        int bytes = run.sql().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxSqlBytes) {
            throw ProblemException.of(ErrorCode.PAYLOAD_TOO_LARGE, "The SQL is " + bytes + " bytes long; at most "
                    + maxSqlBytes + " bytes are accepted.");
        }
        return run;
    }

    private QuestionAsked question(SqlRun run, String principal) {
        String text = run.purpose() == null || run.purpose().isBlank() ? run.sql().strip() : run.purpose().strip();
        String conversationId = run.conversationId() == null ? UUID.randomUUID().toString() : run.conversationId();
        return QuestionAsked.of(UUID.randomUUID().toString(), conversationId, principal, lookup.nameOf(run.datasource()),
                text, clock.instant());
    }

    private Mono<QuestionAsked> submit(QuestionAsked question, String sql) {
        String schemaVersion = schemas.latest(question.datasource()).map(SchemaSnapshot::version).orElse(null);
        var proposal = SqlProposed.of(question, sql, 1, TranslatorInfo.user(via), Usage.NONE, 0, schemaVersion, List.of());
        return Mono.defer(() -> {
            listeners.forEach(l -> l.onQuestion(question));
            return submitter.submit(proposal);
        }).onErrorMap(e -> !(e instanceof ProblemException), e -> {
            log.warn("Could not submit SQL of query {}", question.queryId(), e);
            return ProblemException.of(ErrorCode.UNAVAILABLE, "The SQL could not be handed to the pipeline; try again shortly.");
        }).thenReturn(question);
    }
}
