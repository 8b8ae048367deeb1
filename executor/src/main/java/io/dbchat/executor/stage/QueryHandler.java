package io.dbchat.executor.stage;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.policy.PolicySubject;
import io.dbchat.executor.execution.QueryRunner;
import io.dbchat.executor.execution.SessionSettings;
import io.dbchat.executor.guard.GuardResult;
import io.dbchat.executor.guard.PolicyScope;
import io.dbchat.executor.guard.PolicyScopes;
import io.dbchat.executor.guard.ResultColumns;
import io.dbchat.executor.guard.SqlGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One proposal's way through the stage. {@link #check} yields, in order, STATUS validating, then a refusal (final,
 * or a SqlFailed the translator may correct),
 * or STATUS executing and the {@link Execution} to start; {@link #run} starts it without waiting, and
 * {@link #outcome} / {@link #failure} turn how it ended into the event to publish. The guard checks each statement
 * under the access policies of the principal who asked ({@link PolicyScope}, from the question's attributes), so
 * the SQL that runs, and that the plan check sees, is the rewritten one; with {@link SessionSettings} on, the
 * principal's attributes also reach the database for its own row-level security.
 */
public final class QueryHandler {

    private final SqlGuard guard;
    private final QueryRunner runner;
    private final ExecutorProperties properties;
    private final Clock clock;
    private final Consumer<SchemaSnapshot> schemas;
    private final Consumer<String> refused;
    private final PolicyStore policies;
    private final SessionSettings settings;
    private final PolicyScopes scopes = new PolicyScopes(4_096);

    public QueryHandler(SqlGuard guard, QueryRunner runner, ExecutorProperties properties, Clock clock) {
        this(guard, runner, properties, clock, schema -> { }, code -> { });
    }

    /**
     * {@code schemas} hears every snapshot a proposal is checked against (the plan check judges by the newest);
     * {@code refused} hears the code of every refusal, for counting.
     */
    public QueryHandler(SqlGuard guard, QueryRunner runner, ExecutorProperties properties, Clock clock,
                        Consumer<SchemaSnapshot> schemas, Consumer<String> refused) {
        this(guard, runner, properties, clock, schemas, refused, PolicyStore.none(), SessionSettings.OFF);
    }

    /** {@code policies}: the access policies in force; {@code settings}: whether attributes reach the database. */
    public QueryHandler(SqlGuard guard, QueryRunner runner, ExecutorProperties properties, Clock clock,
                        Consumer<SchemaSnapshot> schemas, Consumer<String> refused, PolicyStore policies,
                        SessionSettings settings) {
        this.policies = policies;
        this.settings = settings;
        this.guard = guard;
        this.runner = runner;
        this.properties = properties;
        this.clock = clock;
        this.schemas = schemas;
        this.refused = refused;
    }

    public List<Checked> check(SqlProposed proposal, SchemaSnapshot schema) {
        int attempt = proposal.attempt();
        if (attempt < 1 || attempt > ReplySeq.MAX_ATTEMPTS) {
            return List.of(new Checked.Refused(QueryRejected.of(proposal, ErrorCode.INVALID_REQUEST.problem(
                    "Attempt " + attempt + " is out of range."))));
        }
        List<Checked> out = new ArrayList<>();
        out.add(status(proposal, ReplySeq.validating(attempt), "validating"));
        String datasource = proposal.question().datasource();
        Problem refusal = refusal(datasource, schema);
        if (schema != null) {
            schemas.accept(schema);
        }
        String sql = proposal.sql();
        List<String> applied = List.of();
        if (refusal == null && properties.guardEnabled()) {
            PolicyScope scope = scopes.of(policies.current(), datasource,
                    PolicySubject.of(proposal.question().attributes()));
            GuardResult verdict = guard.check(sql, schema, scope);
            refusal = verdict instanceof GuardResult.Rejected r ? r.problem() : null;
            if (verdict instanceof GuardResult.Accepted a) {
                sql = a.sql();
                applied = a.policies();
            }
        }
        if (refusal != null) {
            refused.accept(refusal.code());
            out.add(Outcomes.refused(proposal, refusal));
            return out;
        }
        out.add(status(proposal, ReplySeq.executing(attempt), "executing"));
        out.add(new Execution(proposal, datasource, sql, applied));
        return out;
    }

    public CompletionStage<ExecutionOutcome> run(Execution execution) {
        return runner.run(execution.datasource(), execution.sql(),
                settings.of(execution.proposal().question().attributes()));
    }

    public Ran outcome(Execution execution, ExecutionOutcome outcome) {
        if (outcome instanceof ExecutionOutcome.Rows r && r.rows().isEmpty() && r.columns().isEmpty()) {
            // no row, so no metadata from the driver: the header comes from the checked statement itself
            outcome = new ExecutionOutcome.Rows(ResultColumns.of(execution.sql()), r.rows(), r.truncated(), r.execMs(),
                    r.plan());
        }
        Ran event = Outcomes.event(execution.proposal(), outcome, properties.statementTimeout());
        return event instanceof Ran.Result(QueryAnswered answered) && !execution.policies().isEmpty()
                ? new Ran.Result(answered.withPolicies(execution.policies())) : event;
    }

    /** A run that failed outside the database's own answer: the bounded wait ran out, or the driver broke. */
    public Ran failure(Execution execution, Throwable error) {
        if (error instanceof TimeoutException) {
            return new Ran.Result(Outcomes.timeout(execution.proposal(), properties.statementTimeout()));
        }
        return outcome(execution, new ExecutionOutcome.Failed(null, error.getClass().getSimpleName(),
                String.valueOf(error.getMessage())));
    }

    private Problem refusal(String datasource, SchemaSnapshot schema) {
        if (!runner.knows(datasource)) {
            return new Problem("unknown_datasource", "The datasource '" + datasource + "' is not configured.");
        }
        if (schema == null) {
            return ErrorCode.NO_SCHEMA.problem("The schema of '" + datasource + "' is not known yet.");
        }
        return null;
    }

    private Checked status(SqlProposed proposal, long seq, String stage) {
        return new Checked.Status(ReplyEvent.status(proposal.question(), seq, stage, clock.instant()));
    }
}
