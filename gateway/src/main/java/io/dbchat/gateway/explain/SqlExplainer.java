package io.dbchat.gateway.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Reads a query from JSqlParser's tree, with no model: which tables it reads and how they are joined, what
 * it keeps (each AND-ed condition as written), what it computes, how it groups and orders and how many rows
 * it returns at most. Anything but one SELECT is refused: this describes, it never decides what may run (the
 * executor's guard does).
 */
public final class SqlExplainer {

    private SqlExplainer() {
    }

    /** The reading of sql; an {@link IllegalArgumentException} with a sentence when it is not one query. */
    public static SqlReading explain(String sql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException e) {
            throw new IllegalArgumentException("The SQL could not be read: " + firstLine(e) + ".");
        }
        if (statements.size() != 1) {
            throw new IllegalArgumentException("One query at a time can be explained; this SQL holds " + statements.size() + ".");
        }
        Statement statement = statements.getFirst();
        if (!(statement instanceof Select select)) {
            String kind = statement.getClass().getSimpleName().toUpperCase(Locale.ROOT);
            throw new IllegalArgumentException("Only a query (SELECT) can be explained; this is "
                    + ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind + " statement.");
        }
        return read(select);
    }

    private static SqlReading read(Select select) {
        List<String> sentences = new ArrayList<>();
        if (select.getWithItemsList() != null) {
            for (WithItem<?> with : select.getWithItemsList()) {
                sentences.add("First it computes '" + with.getUnquotedAliasName() + "' as a named subquery.");
            }
        }
        Select body = select instanceof ParenthesedSelect p ? p.getSelect() : select;
        if (body instanceof SetOperationList set) {
            sentences.add("It combines " + set.getSelects().size() + " queries with "
                    + set.getOperations().stream().map(o -> o.toString().toUpperCase(Locale.ROOT)).distinct().toList() + ".");
            Long limit = limitOf(set);
            List<String> ordering = ordering(set.getOrderByElements());
            sentences.addAll(tail(ordering, limit));
            return new SqlReading(String.join(" ", sentences), List.of(), List.of(), List.of(), ordering, limit);
        }
        if (!(body instanceof PlainSelect plain)) {
            throw new IllegalArgumentException("Only a query (SELECT) can be explained.");
        }
        List<String> tables = new ArrayList<>();
        String from = source(plain, tables);
        List<String> computed = computed(plain.getSelectItems());
        List<String> filters = conditions(plain.getWhere());
        List<String> grouping = plain.getGroupBy() == null ? List.of() : expressions(plain.getGroupBy().getGroupByExpressionList());
        List<String> ordering = ordering(plain.getOrderByElements());
        Long limit = limitOf(plain);

        sentences.add("It reads " + from + ".");
        if (!filters.isEmpty()) {
            sentences.add("It keeps the rows where " + String.join(" and ", filters) + ".");
        }
        if (!grouping.isEmpty()) {
            sentences.add("It groups them by " + String.join(", ", grouping) + ".");
        }
        if (plain.getHaving() != null) {
            sentences.add("It keeps the groups where " + String.join(" and ", conditions(plain.getHaving())) + ".");
        }
        if (!computed.isEmpty()) {
            sentences.add("It computes " + String.join(", ", computed) + ".");
        }
        if (plain.getDistinct() != null) {
            sentences.add("It drops duplicate rows.");
        }
        sentences.addAll(tail(ordering, limit));
        return new SqlReading(String.join(" ", sentences), tables, filters, grouping, ordering, limit);
    }

    private static List<String> tail(List<String> ordering, Long limit) {
        List<String> sentences = new ArrayList<>();
        if (!ordering.isEmpty()) {
            sentences.add("It orders the result by " + String.join(", then ", ordering) + ".");
        }
        if (limit != null) {
            sentences.add(limit == 1 ? "It returns only the first row." : "It returns at most " + String.format(Locale.ROOT, "%,d", limit) + " rows.");
        }
        return sentences;
    }

    /** "the table projects joined with teams (on …)"; fills tables with the names read. */
    private static String source(PlainSelect plain, List<String> tables) {
        if (plain.getFromItem() == null) {
            return "no table (it computes values only)";
        }
        StringBuilder s = new StringBuilder(item(plain.getFromItem(), tables));
        if (plain.getJoins() != null) {
            for (Join join : plain.getJoins()) {
                s.append(join.isLeft() ? ", keeping all of them, with the matching rows of " : join.isRight() || join.isFull()
                        ? ", with all the rows of " : join.isCross() || join.isSimple() ? ", combined with every row of " : ", joined with ");
                s.append(item(join.getRightItem(), tables));
                if (join.getOnExpressions() != null && !join.getOnExpressions().isEmpty()) {
                    s.append(" (matching ").append(String.join(" and ", join.getOnExpressions().stream().map(Object::toString).toList()))
                            .append(')');
                }
            }
        }
        return s.toString();
    }

    private static String item(FromItem item, List<String> tables) {
        return switch (item) {
            case Table t -> {
                tables.add(t.getFullyQualifiedName());
                yield "the table " + t.getFullyQualifiedName();
            }
            case ParenthesedSelect p -> "a subquery" + (p.getAlias() == null ? "" : " named " + p.getAlias().getName());
            case ParenthesedFromItem p -> item(p.getFromItem(), tables);
            default -> item.toString();
        };
    }

    private static List<String> computed(List<SelectItem<?>> items) {
        List<String> out = new ArrayList<>();
        for (SelectItem<?> item : items) {
            if (item.getExpression() instanceof Function f) {
                String what = describe(f);
                out.add(item.getAlias() == null ? what : what + " as " + item.getAlias().getName());
            }
        }
        return out;
    }

    private static String describe(Function f) {
        String name = f.getName().toLowerCase(Locale.ROOT);
        String args = f.getParameters() == null ? "" : f.getParameters().toString();
        String distinct = f.isDistinct() ? "distinct " : "";
        return switch (name) {
            case "count" -> f.isAllColumns() || "*".equals(args) ? "the number of rows" : "the number of " + distinct + args;
            case "sum" -> "the total of " + distinct + args;
            case "avg" -> "the average of " + distinct + args;
            case "min" -> "the smallest " + args;
            case "max" -> "the largest " + args;
            default -> f.toString();
        };
    }

    /** The AND-ed parts of a condition, each as written. */
    private static List<String> conditions(Expression e) {
        if (e == null) {
            return List.of();
        }
        if (e instanceof AndExpression and) {
            List<String> out = new ArrayList<>(conditions(and.getLeftExpression()));
            out.addAll(conditions(and.getRightExpression()));
            return out;
        }
        return List.of(e.toString());
    }

    private static List<String> expressions(ExpressionList<?> list) {
        return list == null ? List.of() : list.stream().map(Object::toString).toList();
    }

    private static List<String> ordering(List<OrderByElement> elements) {
        if (elements == null) {
            return List.of();
        }
        return elements.stream().map(o -> o.getExpression() + (o.isAsc() ? " (lowest first)" : " (highest first)")).toList();
    }

    private static Long limitOf(Select select) {
        if (select.getLimit() != null && select.getLimit().getRowCount() instanceof LongValue n) {
            return n.getValue();
        }
        if (select.getFetch() != null && select.getFetch().getExpression() instanceof LongValue n) {
            return n.getValue();
        }
        return null;
    }

    private static String firstLine(JSQLParserException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        String line = message == null ? "not valid SQL" : message.lines().findFirst().orElse("not valid SQL").strip()
                .replaceFirst("^[\\w.$]+(Exception|Error): ", "").replaceFirst("\\.+$", "");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
