package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.policy.PolicySubject;
import io.dbchat.executor.guard.GuardProperties;
import io.dbchat.executor.guard.GuardResult;
import io.dbchat.executor.guard.PolicyScopes;
import io.dbchat.executor.guard.SqlGuard;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.schema.SchemaSource;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every entry's SQL goes through the executor's own guard when it is saved, with the executor's limits
 * ({@link GuardProperties}) and under the saving principal's access policies (the file every stage reads), so an entry that would be refused at run time is refused at the door: an example's SQL as written; a
 * term's expression as a SELECT over its table ({@code SELECT (expr) FROM t} for a measure,
 * {@code SELECT count(*) FROM t WHERE (expr)} for a condition), after reading it alone as one expression so that it
 * cannot carry a clause of its own; a document's table and column as a SELECT of them.
 */
@Component
@EnableConfigurationProperties(GuardProperties.class)
public class KnowledgeCheck {

    private final SqlGuard guard;
    private final PolicyScopes scopes = new PolicyScopes(256);
    private final SchemaSource schemas;
    private final PolicyStore policies;

    /** @param limits the executor's own guard settings ({@code dbchat.executor.*}), read as the executor reads them */
    KnowledgeCheck(SchemaSource schemas, PolicyStore policies, GuardProperties limits) {
        this.guard = new SqlGuard(limits.limits());
        this.schemas = schemas;
        this.policies = policies;
    }

    /** Fails with a 400 carrying the guard's reason when the entry's SQL would be refused to this principal. */
    public void check(KnowledgeEntry entry, Map<String, String> attributes) {
        Optional<String> statement = statement(entry);
        if (statement.isEmpty()) {
            return;
        }
        SchemaSnapshot schema = schemas.latest(entry.datasource()).orElseThrow(() -> KnowledgeRules.invalid(
                "No schema of datasource '" + entry.datasource() + "' is known yet, so the entry cannot be checked."));
        GuardResult verdict = guard.check(statement.get(), schema,
                scopes.of(policies.current(), entry.datasource(), PolicySubject.of(attributes)));
        if (verdict instanceof GuardResult.Rejected(Problem problem)) {
            throw new ProblemException(400, new Problem(problem.code(), what(entry) + " is refused by the SQL guard: "
                    + problem.message()));
        }
    }

    /**
     * Whether the entry's SQL reads what this principal's policies hide (the guard accepts it under no policy and
     * refuses it under the principal's): such an entry is not shown to the principal, so its SQL does not tell a
     * column or table the principal may not see. An entry refused for everyone (a table since dropped) stays visible,
     * to be corrected or deleted.
     */
    public boolean hiddenFrom(KnowledgeEntry entry, Map<String, String> attributes) {
        if (policies.of(entry.datasource()).isEmpty()) {
            return false;
        }
        Optional<String> statement = readable(entry);
        Optional<SchemaSnapshot> schema = schemas.latest(entry.datasource());
        if (statement.isEmpty() || schema.isEmpty()) {
            return false;
        }
        return guard.check(statement.get(), schema.get()) instanceof GuardResult.Accepted
                && guard.check(statement.get(), schema.get(), scopes.of(policies.current(), entry.datasource(),
                        PolicySubject.of(attributes))) instanceof GuardResult.Rejected;
    }

    private static Optional<String> readable(KnowledgeEntry entry) {
        try {
            return statement(entry);
        } catch (ProblemException unreadable) {
            return Optional.empty();
        }
    }

    /** The statement the guard judges for an entry; empty for an entry with no SQL in it. */
    static Optional<String> statement(KnowledgeEntry entry) {
        return switch (entry.kind()) {
            case KnowledgeEntry.EXAMPLE -> Optional.of(entry.sql());
            case KnowledgeEntry.TERM -> entry.expression() == null ? Optional.empty()
                    : Optional.of(KnowledgeEntry.CONDITION.equals(entry.expressionKind())
                            ? "SELECT count(*) FROM " + entry.table() + " WHERE (" + alone(entry.expression(), true) + ")"
                            : "SELECT (" + alone(entry.expression(), false) + ") FROM " + entry.table());
            case KnowledgeEntry.DOC -> entry.table() == null ? Optional.empty()
                    : Optional.of("SELECT " + (entry.column() == null ? "count(*)" : entry.column()) + " FROM " + entry.table());
            default -> throw KnowledgeRules.invalid("Unknown kind '" + entry.kind() + "'.");
        };
    }

    /**
     * The expression as JSqlParser prints it back, when the text reads as exactly one expression (a condition: one
     * boolean expression): the statement judged holds that one tree, whatever the text's comments or quotes held.
     */
    private static String alone(String expression, boolean condition) {
        try {
            return (condition ? CCJSqlParserUtil.parseCondExpression(expression, false)
                    : CCJSqlParserUtil.parseExpression(expression, false)).toString();
        } catch (JSQLParserException | RuntimeException e) {
            throw KnowledgeRules.invalid("The term's expression is not one SQL " + (condition ? "condition" : "expression")
                    + " over its table.");
        }
    }

    private static String what(KnowledgeEntry entry) {
        return switch (entry.kind()) {
            case KnowledgeEntry.EXAMPLE -> "The example's SQL";
            case KnowledgeEntry.TERM -> "The term's expression";
            default -> "The entry's table or column";
        };
    }
}
