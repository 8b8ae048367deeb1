package io.dbchat.executor.guard;

import io.dbchat.contracts.events.ColumnMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * The column names a query's result will have, read from its text as PostgreSQL names them (an alias, else a
 * column's or function's name, else {@code ?column?}), for a result without rows: the driver reports column
 * metadata only along with rows, and an empty table should still show its header. The types are not known
 * from the text and are given as {@code unknown}. Empty when the text names columns by {@code *} or cannot be
 * read (the guard expands {@code *}, so a checked statement has none).
 */
public final class ResultColumns {

    private ResultColumns() {
    }

    public static List<ColumnMeta> of(String sql) {
        try {
            // the parser itself, as the guard uses it: CCJSqlParserUtil.parse would start a thread for its timeout
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statement() instanceof Select select
                    ? columns(select) : List.of();
        } catch (Exception | StackOverflowError e) {
            return List.of();
        }
    }

    private static List<ColumnMeta> columns(Select select) {
        return switch (select) {
            case PlainSelect plain -> items(plain.getSelectItems());
            case SetOperationList set -> set.getSelects().isEmpty() ? List.of() : columns(set.getSelects().getFirst());
            case ParenthesedSelect parenthesed -> columns(parenthesed.getSelect());
            default -> List.of();
        };
    }

    private static List<ColumnMeta> items(List<SelectItem<?>> items) {
        List<ColumnMeta> out = new ArrayList<>();
        for (SelectItem<?> item : items) {
            String name = name(item.getAlias(), item.getExpression());
            if (name == null) {
                return List.of();
            }
            out.add(new ColumnMeta(name, "unknown"));
        }
        return out;
    }

    private static String name(Alias alias, Expression expression) {
        if (alias != null) {
            return unquote(alias.getName());
        }
        return switch (expression) {
            case AllColumns all -> null;
            case Column column -> unquote(column.getColumnName());
            case Function function -> unquote(function.getName()
                    .substring(function.getName().lastIndexOf('.') + 1));
            default -> "?column?";
        };
    }

    /** A quoted name as written, an unquoted one folded to lower case, as PostgreSQL does. */
    private static String unquote(String name) {
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
