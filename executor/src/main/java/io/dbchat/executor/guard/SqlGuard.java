package io.dbchat.executor.guard;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Proves a proposed statement safe before it runs: exactly one query over published tables, columns and
 * functions, within the complexity bounds, and returns it with its row limit added or tightened and, under a
 * principal's access policies ({@link PolicyScope}), checked against what the principal may see and rewritten by
 * {@link PolicyRewrite}. Pure and thread-safe: the same SQL, snapshot and policy scope always give the same verdict.
 * Verdicts are remembered by text ({@link VerdictCache}) and by shape ({@link ShapeCache}: the same statement with
 * other literal values), both keyed by the policy scope as well, so that one principal's rewrite never answers another.
 */
public final class SqlGuard {

    private static final Set<String> COMMANDS = Set.of(
            "insert", "update", "delete", "merge", "copy", "set", "reset", "call", "do", "explain", "begin",
            "start", "commit", "rollback", "savepoint", "release", "abort", "end", "lock", "listen", "notify",
            "unlisten", "prepare", "execute", "deallocate", "create", "alter", "drop", "truncate", "grant",
            "revoke", "vacuum", "analyze", "cluster", "reindex", "refresh", "discard", "load", "checkpoint",
            "comment", "security", "import", "declare", "fetch", "move", "close", "show", "table");

    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final GuardLimits limits;
    private final VerdictCache cache = new VerdictCache(2_048);
    private final ShapeCache shapes = new ShapeCache(2_048);

    public SqlGuard(GuardLimits limits) {
        this.limits = limits;
    }

    public GuardResult check(String sql, SchemaSnapshot schema) {
        return check(sql, schema, PolicyScope.NONE);
    }

    /** The verdict for a statement asked by a principal under these access policies. */
    public GuardResult check(String sql, SchemaSnapshot schema, PolicyScope policy) {
        return cache.get(sql, schema, policy.key(), () -> unknownText(sql, schema, policy));
    }

    /** How many checks the shape cache answered without parsing (a known shape with new values). */
    public long shapeAnswers() {
        return shapes.answered();
    }

    /** How many checks the verdict cache answered (a text seen before). */
    public long textAnswers() {
        return cache.hits();
    }

    /** A text the verdict cache does not know: bounded on the raw text, then answered by its shape or in full. */
    private GuardResult unknownText(String sql, SchemaSnapshot schema, PolicyScope policy) {
        try {
            bound(sql);
        } catch (Refusal refusal) {
            return new GuardResult.Rejected(refusal.problem());
        }
        Shape shape = schema.version() == null || sql.length() > VerdictCache.MAX_CACHED_LENGTH
                ? null : ShapeLexer.shape(sql);
        if (shape == null) {
            return verdict(sql, schema, false, policy);
        }
        return shapes.get(schema.datasource() + '\u0000' + schema.version() + '\u0000' + policy.key(), shape,
                () -> verdict(sql, schema, false, policy), marked -> verdict(marked, schema, true, policy));
    }

    /** The full check of a text already bounded; with {@code markers}, the numbered parameters of a marked shape. */
    private GuardResult verdict(String sql, SchemaSnapshot schema, boolean markers, PolicyScope policy) {
        try {
            Select select = singleQuery(sql);
            // a column the principal may not read is refused as if it did not exist
            QueryWalker walker = new QueryWalker(policy.view(schema), limits, markers);
            walker.select(select, null, 1);
            List<String> applied = PolicyRewrite.apply(walker.reads(), schema, policy, limits);
            return new GuardResult.Accepted(limit(select), applied);
        } catch (Refusal refusal) {
            return new GuardResult.Rejected(refusal.problem());
        } catch (RuntimeException unexpected) {
            // A tree shape the walker does not know is refused, never let through.
            return new GuardResult.Rejected(new Problem("sql.unsupported",
                    "The query uses a form that cannot be checked, so it is not run."));
        }
    }

    /** Bounds of the raw text, checked on every text whatever the caches know. */
    private void bound(String sql) {
        if (sql == null || sql.isBlank()) {
            throw Refusal.notAQuery();
        }
        if (sql.length() > limits.maxLength()) {
            throw Refusal.tooComplex("longer than " + limits.maxLength() + " characters");
        }
        // The parser backtracks on deep parentheses; bound them before it sees the text.
        if (SqlText.parenthesisDepth(sql) > limits.maxDepth() * 8) {
            throw Refusal.tooComplex("too deeply nested");
        }
    }

    private static Select singleQuery(String sql) {
        if (!(parseOne(sql) instanceof Select select)) {
            throw Refusal.notAQuery();
        }
        return select;
    }

    /**
     * Reads one statement and checks that only the end of the text follows it; anything else (an error, a second
     * statement) is read again as a list of statements, which classifies the fault.
     */
    private static Statement parseOne(String sql) {
        try {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false);
            Statement statement = parser.Statement();
            if (statement != null && parser.getNextToken().kind == CCJSqlParserConstants.EOF) {
                return statement;
            }
        } catch (Exception | StackOverflowError simple) {
            // classified below
        }
        Statements statements = parse(sql);
        if (statements.isEmpty()) {
            throw Refusal.notAQuery();
        }
        if (statements.size() != 1) {
            throw multipleStatements(String.valueOf(statements.size()));
        }
        return statements.getFirst();
    }

    /** Parses without the parser's costly complex mode first, as CCJSqlParserUtil does, and with it on failure. */
    private static Statements parse(String sql) {
        try {
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statements();
        } catch (Exception | StackOverflowError simple) {
            return parseComplex(sql);
        }
    }

    private static Statements parseComplex(String sql) {
        try {
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statements();
        } catch (Exception | StackOverflowError e) {
            if (COMMANDS.contains(SqlText.firstWord(sql).toLowerCase(Locale.ROOT))) {
                throw Refusal.notAQuery();
            }
            if (SqlText.hasStatementAfterSemicolon(sql)) {
                throw multipleStatements("several");
            }
            throw Refusal.of("parse_error", "The SQL could not be read" + position(e.getMessage()) + ".");
        }
    }

    /**
     * Lowers LIMIT / FETCH FIRST to the row limit, or adds a LIMIT; LIMIT ALL and computed limits are replaced.
     * FETCH … WITH TIES may return more rows than it names, so such a query is wrapped in one that is limited.
     */
    private String limit(Select select) {
        long max = limits.rowLimit();
        if (select.getFetch() != null) {
            var fetch = select.getFetch();
            if (!(fetch.getExpression() == null || fetch.getExpression() instanceof LongValue v && v.getValue() <= max)) {
                fetch.setExpression(new LongValue(max));
            }
            boolean ties = fetch.getFetchParameters().stream().anyMatch(p -> p.toUpperCase(Locale.ROOT).contains("TIES"));
            return ties ? "SELECT * FROM (" + select + ") AS limited LIMIT " + max : select.toString();
        }
        Limit limit = select.getLimit();
        if (limit != null && limit.getRowCount() instanceof LongValue v && v.getValue() <= max) {
            return select.toString();
        }
        if (limit == null) {
            limit = new Limit();
            select.setLimit(limit);
        }
        limit.setRowCount(new LongValue(max));
        return select.toString();
    }

    private static Refusal multipleStatements(String count) {
        return Refusal.of("multiple_statements", "Only one statement is allowed, and this text holds " + count + ".");
    }

    /** Where the parser stopped, as "near line 1, column 14", without echoing the text itself. */
    private static String position(String message) {
        Matcher m = message == null ? null : POSITION.matcher(message);
        return m != null && m.find() ? " near line " + m.group(1) + ", column " + m.group(2) : "";
    }
}
