package io.dbchat.executor.guard;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a principal's row filters to a statement the guard has walked: every read of a policed table, at any depth
 * (the walker found each one where PostgreSQL would resolve it: in CTEs, subqueries, joins, LATERAL items, set
 * operations, EXISTS and scalar subqueries, function arguments), is replaced in its place by
 * {@code (SELECT <the columns the principal may read> FROM <table> WHERE (<filter>) OFFSET 0) AS <its name or alias>}.
 * {@code OFFSET 0} keeps the planner from pulling the subquery up or pushing the statement's own conditions below the
 * filter, so that no expression of the statement is evaluated on a row the filter hides (an error it raises would
 * tell the row exists), as PostgreSQL's security-barrier views do. A filter must read only its own table's published
 * columns and allowlisted functions, checked by the guard's own expression checker; a filter that fails this, and a
 * read the walker found in no FROM slot, refuse the statement: the rewrite never lets a read through unfiltered.
 */
final class PolicyRewrite {

    private static final Logger log = LoggerFactory.getLogger(PolicyRewrite.class);

    private PolicyRewrite() {
    }

    /**
     * Rewrites the walked tree in place; returns the names of the policies that applied ({@code rows:<table>} for a
     * row filter, {@code columns:<schema.table>} for hidden columns of a table read), each once, in reading order.
     */
    static List<String> apply(List<QueryWalker.TableRead> reads, SchemaSnapshot schema, PolicyScope scope,
                              GuardLimits limits) {
        if (scope.isNone()) {
            return List.of();
        }
        Set<String> applied = new LinkedHashSet<>();
        for (QueryWalker.TableRead read : reads) {
            if (scope.hidesColumnsOf(read.table)) {
                applied.add("columns:" + read.table.qualifiedName());
            }
            PolicyScope.Filter filter = scope.filter(read.table);
            if (filter == null) {
                continue;
            }
            TableSchema published = published(schema, read.table);
            String fault = filter.fault() != null ? filter.fault() : fault(filter, published, schema, limits);
            if (fault != null || read.slot == null) {
                log.error("The row policy '{}' cannot be applied: {}", filter.name(),
                        fault != null ? fault : "the table is read where no filter can be put");
                throw Refusal.of("policy_invalid", "The access policy of '" + read.table.name()
                        + "' cannot be applied, so the query is not run.");
            }
            read.slot.accept(filtered(read, filter));
            applied.add("rows:" + filter.name());
        }
        return List.copyOf(applied);
    }

    /** The derived table standing for one read: the principal's columns of the rows its filter keeps. */
    private static ParenthesedSelect filtered(QueryWalker.TableRead read, PolicyScope.Filter filter) {
        TableSchema table = read.table;
        PlainSelect inner = new PlainSelect();
        List<SelectItem<?>> items = new ArrayList<>();
        for (ColumnSchema column : table.columns()) {
            items.add(new SelectItem<>(new Column(quote(column.name()))));
        }
        inner.setSelectItems(items);
        inner.setFromItem(new Table(quote(table.schema() == null ? "public" : table.schema()), quote(table.name())));
        inner.setWhere(new ParenthesedExpressionList<>(filter.bound()));
        inner.setOffset(new Offset().withOffset(new LongValue(0)));
        Alias alias = read.node.getAlias() != null ? read.node.getAlias()
                : new Alias(quote(Identifiers.fold(read.node.getName())), true);
        ParenthesedSelect derived = new ParenthesedSelect();
        derived.setSelect(inner);
        derived.setAlias(alias);
        return derived;
    }

    /** Why a bound filter cannot stand over its table, or null: it must read only that table's published columns. */
    private static String fault(PolicyScope.Filter filter, TableSchema table, SchemaSnapshot schema, GuardLimits limits) {
        QueryWalker walker = new QueryWalker(schema, limits, false);
        Scope only = new Scope(null);
        only.add(new Scope.Source(null, table, table.columns().stream().map(ColumnSchema::name).toList()));
        try {
            new ExpressionChecker(walker, only, 1).check(filter.bound());
        } catch (Refusal refusal) {
            return refusal.problem().message();
        }
        return walker.reads().isEmpty() ? null : "its filter reads another table";
    }

    /** The table as published (a filter may read a column the principal may not). */
    private static TableSchema published(SchemaSnapshot schema, TableSchema seen) {
        return schema.tables().stream()
                .filter(t -> t.name().equals(seen.name()) && java.util.Objects.equals(t.schema(), seen.schema()))
                .findFirst().orElse(seen);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
