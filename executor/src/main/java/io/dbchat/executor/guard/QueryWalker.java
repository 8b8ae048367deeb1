package io.dbchat.executor.guard;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PivotQuery;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks one query level by level, each level a {@link Scope}, default-deny over query forms and their clauses;
 * returns a level's output column names so that derived tables and CTEs expose exactly what their query selects.
 * Throws {@link Refusal} on the first fault.
 */
final class QueryWalker implements SelectVisitor<List<String>> {

    /** Clauses every query form may carry; each form adds its own. Anything else set is refused. */
    private static final Set<String> ANY_QUERY = Set.of("withItemsList", "limit", "offset", "fetch",
            "orderByElements", "alias");
    private static final Set<String> PLAIN = union(ANY_QUERY, "distinct", "selectItems", "fromItem", "joins",
            "where", "groupBy", "having", "windowDefinitions");
    private static final Set<String> SET_OPERATION = union(ANY_QUERY, "selects", "operations");
    private static final Set<String> VALUES = union(ANY_QUERY, "expressions");
    private static final Set<String> PARENTHESED = union(ANY_QUERY, "select");

    /** Where a query is walked: the scope it is nested in and its depth. */
    private record Level(Scope outer, int depth) {
    }

    private final GuardLimits limits;
    private final FromResolver from;
    private final boolean markers;
    private final List<TableRead> reads = new ArrayList<>();
    private int joins;

    /**
     * A published table read by the statement: the node that names it, the table as the walker's schema shows it,
     * and the slot of its parent that holds the node (null until the FROM clause that holds it says so).
     */
    static final class TableRead {
        final Table node;
        final TableSchema table;
        Consumer<FromItem> slot;

        TableRead(Table node, TableSchema table) {
            this.node = node;
            this.table = table;
        }
    }

    /** With {@code markers}, numbered parameters stand for literals (a marked {@link Shape}) and are accepted. */
    QueryWalker(SchemaSnapshot schema, GuardLimits limits, boolean markers) {
        this.limits = limits;
        this.from = new FromResolver(this, schema);
        this.markers = markers;
    }

    boolean acceptsMarkers() {
        return markers;
    }

    /** A recursive CTE's anchor is walked twice: each node is kept once. */
    void read(Table node, TableSchema table) {
        if (find(node) == null) {
            reads.add(new TableRead(node, table));
        }
    }

    void slot(Table node, Consumer<FromItem> slot) {
        TableRead read = find(node);
        if (read != null) {
            read.slot = slot;
        }
    }

    private TableRead find(Table node) {
        for (TableRead read : reads) {
            if (read.node == node) {
                return read;
            }
        }
        return null;
    }

    /** Every published table the walked statement reads, at any depth, each node once, in the order first met. */
    List<TableRead> reads() {
        return List.copyOf(reads);
    }

    List<String> select(Select select, Scope outer, int depth) {
        if (depth > limits.maxDepth()) {
            throw Refusal.tooComplex("more than " + limits.maxDepth() + " nested queries");
        }
        if (select.getForMode() != null || select.getForUpdateTable() != null) {
            throw Refusal.of("locking_clause", "Locking clauses such as FOR UPDATE or FOR SHARE are not allowed.");
        }
        return select.accept(this, new Level(outer, depth));
    }

    void countJoin() {
        if (++joins > limits.maxJoins()) {
            throw Refusal.tooComplex("more than " + limits.maxJoins() + " joins");
        }
    }

    @Override
    public <S> List<String> visit(PlainSelect plain, S context) {
        if ((plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) || plain.getIntoTempTable() != null) {
            throw Refusal.of("select_into", "SELECT INTO creates a table and is not allowed.");
        }
        NodeFields.onlyHandled(plain, PLAIN);
        Level at = (Level) context;
        Scope scope = withItems(plain, at);
        Scope level = new Scope(scope);
        from.resolve(plain, level, at.depth());
        ExpressionChecker checker = new ExpressionChecker(this, level, at.depth());
        if (plain.getDistinct() != null) {
            NodeFields.onlyHandled(plain.getDistinct(), Set.of("onSelectItems"));
            if (plain.getDistinct().getOnSelectItems() != null) {
                plain.getDistinct().getOnSelectItems().forEach(i -> selectItem(i, checker));
            }
        }
        List<String> out = new SelectList(level, checker).expand(plain);
        checker.check(plain.getWhere());
        groupBy(plain, level, checker);
        checker.check(plain.getHaving());
        if (plain.getWindowDefinitions() != null) {
            plain.getWindowDefinitions().forEach(w -> checker.window((WindowDefinition) w));
        }
        orderBy(plain.getOrderByElements(), checker, out);
        pagination(plain, checker);
        return out;
    }

    @Override
    public <S> List<String> visit(SetOperationList set, S context) {
        NodeFields.onlyHandled(set, SET_OPERATION);
        Level at = (Level) context;
        Scope scope = withItems(set, at);
        List<String> out = null;
        for (Select branch : set.getSelects()) {
            List<String> columns = select(branch, scope, at.depth());
            out = out == null ? columns : out;
        }
        return outer(set, out, scope, at.depth());
    }

    @Override
    public <S> List<String> visit(ParenthesedSelect parens, S context) {
        NodeFields.onlyHandled(parens, PARENTHESED);
        Level at = (Level) context;
        Scope scope = withItems(parens, at);
        return outer(parens, select(parens.getSelect(), scope, at.depth() + 1), scope, at.depth());
    }

    @Override
    public <S> List<String> visit(Values values, S context) {
        NodeFields.onlyHandled(values, VALUES);
        Level at = (Level) context;
        Scope scope = withItems(values, at);
        new ExpressionChecker(this, scope, at.depth()).check(values.getExpressions());
        List<String> out = new ArrayList<>();
        var rows = values.getExpressions();
        int width = rows.isEmpty() ? 0 : rows.getFirst() instanceof List<?> row ? row.size() : 1;
        for (int i = 1; i <= width; i++) {
            out.add("column" + i);
        }
        return outer(values, out, scope, at.depth());
    }

    @Override
    public <S> List<String> visit(WithItem<?> item, S context) {
        throw Refusal.notAQuery();
    }

    @Override
    public <S> List<String> visit(LateralSubSelect lateral, S context) {
        throw Refusal.construct("LATERAL outside FROM");
    }

    @Override
    public <S> List<String> visit(TableStatement table, S context) {
        throw Refusal.notAQuery();
    }

    @Override
    public <S> List<String> visit(PivotQuery query, S context) {
        throw Refusal.construct("PIVOT");
    }

    @Override
    public <S> List<String> visit(FromQuery query, S context) {
        throw Refusal.construct("a piped query");
    }

    /** The scope a query's WITH clause opens: its CTEs, each visible to the ones after it. */
    private Scope withItems(Select select, Level at) {
        Scope scope = new Scope(at.outer());
        List<WithItem<?>> items = select.getWithItemsList();
        if (items == null) {
            return scope;
        }
        for (WithItem<?> item : items) {
            NodeFields.onlyHandled(item, Set.of("statement", "alias", "withItemList", "recursive", "materialized",
                    "usingNot"));
            if (!(item.getParenthesedStatement() instanceof ParenthesedSelect query)) {
                throw Refusal.of("data_modifying_cte",
                        "A WITH clause may only hold queries, not INSERT, UPDATE or DELETE.");
            }
            String name = Identifiers.fold(item.getAlias().getName());
            List<String> declared = declaredColumns(item);
            if (item.isRecursive()) {
                scope.addCte(name, declared != null ? declared : anchorColumns(query, scope, at.depth()));
            }
            List<String> out = select(query, scope, at.depth() + 1);
            scope.addCte(name, declared != null ? declared : out);
        }
        return scope;
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

    private static void selectItem(SelectItem<?> item, ExpressionChecker checker) {
        NodeFields.onlyHandled(item, Set.of("expression", "alias"));
        checker.check(item.getExpression());
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

    /** A bare GROUP BY name that is only an output alias becomes its expression: PostgreSQL would prefer an input column. */
    private static void groupBy(PlainSelect plain, Scope level, ExpressionChecker checker) {
        GroupByElement group = plain.getGroupBy();
        if (group == null) {
            return;
        }
        NodeFields.onlyHandled(group, Set.of("groupByExpressions", "groupingSets"));
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
        String name = ExpressionChecker.bareName(e);
        if (name == null || level.seesUnqualified(name)) {
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
        List<OrderByElement> expressions = new ArrayList<>();
        for (OrderByElement element : elements) {
            String name = ExpressionChecker.bareName(element.getExpression());
            if (name != null && out.contains(name)) {
                NodeFields.onlyHandled(element, Set.of("expression", "asc", "ascDescPresent", "nullOrdering"));
            } else {
                expressions.add(element);
            }
        }
        checker.checkOrderBy(expressions);
    }

    private static void pagination(Select select, ExpressionChecker checker) {
        if (select.getLimit() != null) {
            NodeFields.onlyHandled(select.getLimit(), Set.of("rowCount", "offset"));
            checker.check(select.getLimit().getRowCount());
            checker.check(select.getLimit().getOffset());
        }
        if (select.getOffset() != null) {
            NodeFields.onlyHandled(select.getOffset(), Set.of("offsetExpression", "offsetParam"));
            checker.check(select.getOffset().getOffset());
        }
        if (select.getFetch() != null) {
            NodeFields.onlyHandled(select.getFetch(), Set.of("fetchParameters", "expression", "isFetchParamFirst"));
            checker.check(select.getFetch().getExpression());
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> out = new HashSet<>(base);
        out.addAll(List.of(more));
        return Set.copyOf(out);
    }
}
