package io.dbchat.executor.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Checks a level's select list and rewrites {@code *} and {@code t.*} over published tables into their
 * published columns, so that a star never reaches a column the snapshot leaves out. Returns output names.
 */
final class SelectList {

    private final Scope level;
    private final ExpressionChecker checker;
    private final List<SelectItem<?>> items = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    SelectList(Scope level, ExpressionChecker checker) {
        this.level = level;
        this.checker = checker;
    }

    List<String> expand(PlainSelect plain) {
        for (SelectItem<?> item : plain.getSelectItems()) {
            NodeFields.onlyHandled(item, Set.of("expression", "alias"));
            switch (item.getExpression()) {
                case AllTableColumns star -> tableStar(star);
                case AllColumns star -> level.sources().forEach(this::source);
                default -> expression(item);
            }
        }
        plain.setSelectItems(items);
        return outputs;
    }

    private void tableStar(AllTableColumns star) {
        String qualifier = Identifiers.fold(star.getTable().getName());
        String schema = Identifiers.fold(star.getTable().getSchemaName());
        Scope.Source source = level.sources().stream()
                .filter(s -> s.answersTo(qualifier, schema)).findFirst()
                .orElseThrow(() -> Refusal.column(qualifier + ".*"));
        source(source);
    }

    private void source(Scope.Source source) {
        String qualifier = source.alias() != null ? source.alias() : source.isTable() ? source.table().name() : null;
        for (String column : source.columns()) {
            Table table = qualifier == null ? null : new Table(quote(qualifier));
            items.add(new SelectItem<>(new Column(table, quote(column))));
            outputs.add(column);
        }
    }

    private void expression(SelectItem<?> item) {
        checker.check(item.getExpression());
        items.add(item);
        outputs.add(item.getAlias() != null ? Identifiers.fold(item.getAlias().getName()) : name(item.getExpression()));
    }

    /** The column name PostgreSQL gives an unaliased expression. */
    private static String name(Expression e) {
        return switch (e) {
            case Column c -> Identifiers.fold(c.getColumnName());
            case Function f -> Identifiers.fold(f.getMultipartName().getLast());
            case CastExpression c -> name(c.getLeftExpression());
            default -> "?column?";
        };
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
