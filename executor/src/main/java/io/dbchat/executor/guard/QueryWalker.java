package io.dbchat.executor.guard;

import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks one query level by level, each level a {@link Scope}; returns a level's output column names so that
 * derived tables and CTEs expose exactly what their query selects. Throws {@link Refusal} on the first fault.
 */
final class QueryWalker {

    private final GuardLimits limits;
    private final FromResolver from;
    private final boolean markers;
    private int joins;

    /** With {@code markers}, numbered parameters stand for literals (a marked {@link Shape}) and are accepted. */
    QueryWalker(SchemaSnapshot schema, GuardLimits limits, boolean markers) {
        this.limits = limits;
        this.from = new FromResolver(this, schema);
        this.markers = markers;
    }

    boolean acceptsMarkers() {
        return markers;
    }

    List<String> select(Select select, Scope outer, int depth) {
        if (depth > limits.maxDepth()) {
            throw Refusal.tooComplex("more than " + limits.maxDepth() + " nested queries");
        }
        if (select.getForMode() != null || select.getForUpdateTable() != null) {
            throw Refusal.of("locking_clause", "Locking clauses such as FOR UPDATE or FOR SHARE are not allowed.");
        }
        if (select.getForClause() != null) {
            throw Refusal.construct("a FOR clause");
        }
        Scope scope = new Scope(outer);
        withItems(select.getWithItemsList(), scope, depth);
        return switch (select) {
            case PlainSelect plain -> plain(plain, scope, depth);
            case ParenthesedSelect parens -> outer(parens, select(parens.getSelect(), scope, depth + 1), scope, depth);
            case SetOperationList set -> outer(set, setOperation(set, scope, depth), scope, depth);
            case Values values -> outer(values, values(values, scope, depth), scope, depth);
            default -> throw Refusal.notAQuery();
        };
    }

    void countJoin() {
        if (++joins > limits.maxJoins()) {
            throw Refusal.tooComplex("more than " + limits.maxJoins() + " joins");
        }
    }

    private void withItems(List<WithItem<?>> items, Scope scope, int depth) {
        if (items == null) {
            return;
        }
        for (WithItem<?> item : items) {
            if (!(item.getParenthesedStatement() instanceof ParenthesedSelect query)) {
                throw Refusal.of("data_modifying_cte",
                        "A WITH clause may only hold queries, not INSERT, UPDATE or DELETE.");
            }
            String name = Identifiers.fold(item.getAlias().getName());
            List<String> declared = declaredColumns(item);
            if (item.isRecursive()) {
                scope.addCte(name, declared != null ? declared : anchorColumns(query, scope, depth));
            }
            List<String> out = select(query, scope, depth + 1);
            scope.addCte(name, declared != null ? declared : out);
        }
    }

    private static List<String> declaredColumns(WithItem<?> item) {
        if (item.getWithItemList() == null || item.getWithItemList().isEmpty()) {
            return null;
        }
        return item.getWithItemList().stream().map(i -> Identifiers.fold(i.toString())).toList();
    }

    /** A recursive CTE's columns are those of its first (non-recursive) branch. */
    private List<String> anchorColumns(ParenthesedSelect query, Scope scope, int depth) {
        if (query.getSelect() instanceof SetOperationList set) {
            return select(set.getSelects().getFirst(), scope, depth + 1);
        }
        return List.of();
    }

    private List<String> plain(PlainSelect plain, Scope outer, int depth) {
        if ((plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) || plain.getIntoTempTable() != null) {
            throw Refusal.of("select_into", "SELECT INTO creates a table and is not allowed.");
        }
        Scope level = new Scope(outer);
        from.resolve(plain, level, depth);
        ExpressionChecker checker = new ExpressionChecker(this, level, depth);
        if (plain.getDistinct() != null && plain.getDistinct().getOnSelectItems() != null) {
            plain.getDistinct().getOnSelectItems().forEach(i -> checker.check(i.getExpression()));
        }
        List<String> out = new SelectList(level, checker).expand(plain);
        checker.check(plain.getWhere());
        groupBy(plain, level, checker);
        checker.check(plain.getHaving());
        checker.check(plain.getQualify());
        if (plain.getWindowDefinitions() != null) {
            plain.getWindowDefinitions().forEach(w -> checker.checkAll(w.getAllExpressions()));
        }
        orderBy(plain.getOrderByElements(), checker, out);
        pagination(plain, checker);
        return out;
    }

    private List<String> setOperation(SetOperationList set, Scope scope, int depth) {
        List<String> out = null;
        for (Select branch : set.getSelects()) {
            List<String> columns = select(branch, scope, depth);
            out = out == null ? columns : out;
        }
        return out;
    }

    /** ORDER BY and LIMIT outside a set operation or parentheses see only the output columns. */
    private List<String> outer(Select select, List<String> out, Scope scope, int depth) {
        Scope outputs = new Scope(scope);
        outputs.add(new Scope.Source(null, null, out));
        ExpressionChecker checker = new ExpressionChecker(this, outputs, depth);
        orderBy(select.getOrderByElements(), checker, out);
        pagination(select, checker);
        return out;
    }

    private List<String> values(Values values, Scope scope, int depth) {
        new ExpressionChecker(this, scope, depth).check(values.getExpressions());
        List<String> out = new ArrayList<>();
        var rows = values.getExpressions();
        int width = rows.isEmpty() ? 0 : rows.getFirst() instanceof List<?> row ? row.size() : 1;
        for (int i = 1; i <= width; i++) {
            out.add("column" + i);
        }
        return out;
    }

    /** A bare GROUP BY name that is only an output alias becomes its expression: PostgreSQL would prefer an input column. */
    private static void groupBy(PlainSelect plain, Scope level, ExpressionChecker checker) {
        GroupByElement group = plain.getGroupBy();
        if (group == null) {
            return;
        }
        var list = group.getGroupByExpressionList();
        for (int i = 0; list != null && i < list.size(); i++) {
            Expression aliased = aliasedExpression(list.get(i), plain, level);
            if (aliased != null) {
                list.set(i, aliased);
            }
            checker.check(list.get(i));
        }
        if (group.getGroupingSets() != null) {
            group.getGroupingSets().forEach(checker::checkAll);
        }
    }

    private static Expression aliasedExpression(Expression e, PlainSelect plain, Scope level) {
        if (!(e instanceof Column c) || c.getTable() != null && c.getTable().getName() != null) {
            return null;
        }
        String name = Identifiers.fold(c.getColumnName());
        if (level.seesUnqualified(name)) {
            return null;
        }
        for (SelectItem<?> item : plain.getSelectItems()) {
            if (item.getAlias() != null && Identifiers.fold(item.getAlias().getName()).equals(name)) {
                return item.getExpression();
            }
        }
        return null;
    }

    /** ORDER BY may name an output column; anything else is an ordinary expression of the level. */
    private static void orderBy(List<OrderByElement> elements, ExpressionChecker checker, List<String> out) {
        if (elements == null) {
            return;
        }
        for (OrderByElement element : elements) {
            if (!(element.getExpression() instanceof Column c && c.getTable() == null
                    && out.contains(Identifiers.fold(c.getColumnName())))) {
                checker.check(element.getExpression());
            }
        }
    }

    private static void pagination(Select select, ExpressionChecker checker) {
        if (select.getLimit() != null) {
            checker.check(select.getLimit().getRowCount());
            checker.check(select.getLimit().getOffset());
        }
        if (select.getOffset() != null) {
            checker.check(select.getOffset().getOffset());
        }
        if (select.getFetch() != null) {
            checker.check(select.getFetch().getExpression());
        }
    }
}
