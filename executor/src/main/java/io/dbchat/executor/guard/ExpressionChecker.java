package io.dbchat.executor.guard;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FunctionAllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Checks the expressions of one query level: every column visible, every function and cast type on the
 * allowlist, subqueries checked as nested levels ({@link ForeignConstructs} refuses what is not plain PostgreSQL).
 */
final class ExpressionChecker extends ForeignConstructs {

    private static final Set<String> TIME_KEYS = Set.of(
            "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp");

    private static final Set<String> QUANTIFIERS = Set.of("any", "all", "some");

    private final QueryWalker walker;
    private final Scope scope;
    private final int depth;

    ExpressionChecker(QueryWalker walker, Scope scope, int depth) {
        this.walker = walker;
        this.scope = scope;
        this.depth = depth;
    }

    void check(Expression expression) {
        if (expression != null) {
            expression.accept(this, null);
        }
    }

    void checkAll(List<? extends Expression> expressions) {
        if (expressions != null) {
            expressions.forEach(this::check);
        }
    }

    @Override
    public <S> Void visit(Column column, S context) {
        String name = Identifiers.fold(column.getColumnName());
        if (column.getTable() == null || column.getTable().getName() == null) {
            // Reserved words in PostgreSQL, so never a column: the parser may still read them as one.
            if (!scope.seesUnqualified(name) && !TIME_KEYS.contains(name)) {
                throw Refusal.column(name);
            }
            return null;
        }
        String qualifier = Identifiers.fold(column.getTable().getName());
        String schema = Identifiers.fold(column.getTable().getSchemaName());
        if (Identifiers.isSystem(schema) || Identifiers.isSystem(qualifier)) {
            throw Refusal.systemCatalog(schema != null ? schema : qualifier);
        }
        Scope.Source source = scope.source(qualifier, schema);
        if (source == null || !source.columns().contains(name)) {
            throw Refusal.column(qualifier + "." + name);
        }
        return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
        if (!isComparisonQuantifier(function)) {
            String name = functionName(function.getMultipartName());
            if (!Allowlists.function(name)) {
                throw Refusal.function(String.join(".", function.getMultipartName()));
            }
        }
        if (function.getAttribute() != null || function.getKeep() != null || function.getHavingClause() != null
                || function.getChainedParameters() != null || function.getKeywordArguments() != null) {
            throw Refusal.construct("a function call form outside PostgreSQL");
        }
        // Every part that can hold an expression is checked here: the adapter does not visit them all.
        checkAll(function.getParameters());
        checkAll(function.getNamedParameters());
        if (function.getOrderByElements() != null) {
            function.getOrderByElements().forEach(o -> check(o.getExpression()));
        }
        if (function.getLimit() != null) {
            check(function.getLimit().getRowCount());
            check(function.getLimit().getOffset());
        }
        return null;
    }

    /** A numbered parameter is a literal's place when the walker checks a marked shape, else it is refused. */
    @Override
    public <S> Void visit(JdbcParameter parameter, S context) {
        if (walker.acceptsMarkers() && parameter.isUseFixedIndex()) {
            return null;
        }
        return super.visit(parameter, context);
    }

    @Override
    public <S> Void visit(TrimFunction trim, S context) {
        check(trim.getExpression());
        check(trim.getFromExpression());
        return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression analytic, S context) {
        String name = analytic.getName().toLowerCase(Locale.ROOT);
        if (!Allowlists.function(name)) {
            throw Refusal.function(analytic.getName());
        }
        return super.visit(analytic, context);
    }

    @Override
    public <S> Void visit(CastExpression cast, S context) {
        if (cast.getColDataType() != null && !Allowlists.castType(cast.getColDataType().toString())) {
            throw Refusal.of("cast_not_allowed",
                    "Casting to '" + cast.getColDataType() + "' is not allowed.");
        }
        return super.visit(cast, context);
    }

    @Override
    public <S> Void visit(TimeKeyExpression key, S context) {
        if (!TIME_KEYS.contains(key.getStringValue().toLowerCase(Locale.ROOT))) {
            throw Refusal.function(key.getStringValue());
        }
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        walker.select(select, scope, depth + 1);
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        walker.select(select, scope, depth + 1);
        return null;
    }

    /** A bare star in an expression is count(*): it reads no column values. */
    @Override
    public <S> Void visit(AllColumns all, S context) {
        if (all.getClass() != AllColumns.class) {
            throw Refusal.column(all.toString());
        }
        return null;
    }

    @Override
    public <S> Void visit(AllTableColumns all, S context) {
        throw Refusal.column(all.toString());
    }

    @Override
    public <S> Void visit(FunctionAllColumns all, S context) {
        throw Refusal.column(all.toString());
    }

    @Override
    public <S> Void visit(RowGetExpression row, S context) {
        throw Refusal.column(row.toString());
    }

    /** A schema-qualified call could reach a shadowing function, so only bare names are looked up. */
    private static String functionName(List<String> parts) {
        if (parts.size() != 1) {
            throw Refusal.function(String.join(".", parts));
        }
        return Identifiers.fold(parts.getFirst());
    }

    /** The parser reads "x = ANY (array)" as a call of ANY; unquoted, PostgreSQL reads it as the quantifier. */
    private static boolean isComparisonQuantifier(Function function) {
        return function.getMultipartName().size() == 1
                && QUANTIFIERS.contains(function.getMultipartName().getFirst().toLowerCase(Locale.ROOT));
    }
}
