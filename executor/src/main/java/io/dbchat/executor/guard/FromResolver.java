package io.dbchat.executor.guard;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * Resolves the FROM clause of one level into {@link Scope.Source}s: CTEs first, then tables of the snapshot
 * (unqualified names in schema public, as PostgreSQL's default search path), derived tables by their outputs.
 */
final class FromResolver {

    private static final String DEFAULT_SCHEMA = "public";

    private final QueryWalker walker;
    private final SchemaSnapshot schema;

    FromResolver(QueryWalker walker, SchemaSnapshot schema) {
        this.walker = walker;
        this.schema = schema;
    }

    void resolve(PlainSelect plain, Scope level, int depth) {
        if (plain.getFromItem() != null) {
            add(plain.getFromItem(), level, depth);
        }
        if (plain.getJoins() != null) {
            plain.getJoins().forEach(j -> join(j, level, depth));
        }
    }

    private void join(Join join, Scope level, int depth) {
        walker.countJoin();
        if (join.isNatural()) {
            throw Refusal.construct("NATURAL JOIN (it matches columns by name, unpublished ones included)");
        }
        if (join.isApply() || join.isWindowJoin()) {
            throw Refusal.construct("a non-PostgreSQL join");
        }
        List<Scope.Source> left = List.copyOf(level.sources());
        Scope.Source right = add(join.getRightItem(), level, depth);
        for (Column using : join.getUsingColumns() == null ? List.<Column>of() : join.getUsingColumns()) {
            String name = Identifiers.fold(using.getColumnName());
            if (!right.columns().contains(name) || left.stream().noneMatch(s -> s.columns().contains(name))) {
                throw Refusal.column(name);
            }
        }
        new ExpressionChecker(walker, level, depth).checkAll(List.copyOf(join.getOnExpressions()));
    }

    private Scope.Source add(FromItem item, Scope level, int depth) {
        if (item.getPivot() != null || item.getUnPivot() != null) {
            throw Refusal.construct("PIVOT");
        }
        Scope.Source source = switch (item) {
            case Table table -> table(table, level);
            case ParenthesedSelect select -> derived(select.getAlias(), walker.select(select.getSelect(), level, depth + 1));
            case TableFunction function -> tableFunction(function, level, depth);
            case ParenthesedFromItem parens -> nested(parens, level, depth);
            default -> throw Refusal.construct("this kind of FROM item");
        };
        if (!(item instanceof ParenthesedFromItem)) {
            level.add(source);
        }
        return source;
    }

    private Scope.Source table(Table table, Scope level) {
        String name = Identifiers.fold(table.getName());
        String schemaName = Identifiers.fold(table.getSchemaName());
        if (table.getDatabaseName() != null && !table.getDatabaseName().isBlank()) {
            throw Refusal.table(table.getFullyQualifiedName());
        }
        List<String> cte = schemaName == null ? level.cte(name) : null;
        if (cte != null) {
            return derived(table.getAlias(), cte, name);
        }
        if (Identifiers.isSystem(schemaName) || Identifiers.isSystem(name)) {
            throw Refusal.systemCatalog(schemaName == null ? name : schemaName + "." + name);
        }
        TableSchema found = find(schemaName, name);
        if (table.getAlias() != null && table.getAlias().getAliasColumns() != null) {
            // Positional renaming would reach unpublished columns under published-looking names.
            throw Refusal.construct("column aliases on a table");
        }
        String alias = table.getAlias() == null ? null : Identifiers.fold(table.getAlias().getName());
        return new Scope.Source(alias, found, found.columns().stream().map(ColumnSchema::name).toList());
    }

    private TableSchema find(String schemaName, String name) {
        for (TableSchema t : schema.tables()) {
            boolean schemaMatches = schemaName == null
                    ? t.schema() == null || DEFAULT_SCHEMA.equals(t.schema())
                    : schemaName.equals(t.schema());
            if (schemaMatches && t.name().equals(name)) {
                return t;
            }
        }
        throw Refusal.table(schemaName == null ? name : schemaName + "." + name);
    }

    private Scope.Source tableFunction(TableFunction function, Scope level, int depth) {
        List<String> parts = function.getFunction().getMultipartName();
        String name = parts.size() == 1 ? Identifiers.fold(parts.getFirst()) : null;
        if (name == null || !Allowlists.tableFunction(name)) {
            throw Refusal.function(String.join(".", parts));
        }
        new ExpressionChecker(walker, level, depth).check(function.getFunction().getParameters());
        return derived(function.getAlias(), List.of(), name);
    }

    private Scope.Source nested(ParenthesedFromItem parens, Scope level, int depth) {
        Scope.Source first = add(parens.getFromItem(), level, depth);
        if (parens.getJoins() != null) {
            parens.getJoins().forEach(j -> join(j, level, depth));
        }
        return first;
    }

    private static Scope.Source derived(Alias alias, List<String> outputs) {
        return derived(alias, outputs, null);
    }

    /** A derived source's columns are its alias column list if given, else its query's outputs (or its own name). */
    private static Scope.Source derived(Alias alias, List<String> outputs, String defaultName) {
        String name = alias == null ? defaultName : Identifiers.fold(alias.getName());
        if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
            return new Scope.Source(name, null,
                    alias.getAliasColumns().stream().map(c -> Identifiers.fold(c.name)).toList());
        }
        return new Scope.Source(name, null, outputs.isEmpty() && name != null ? List.of(name) : outputs);
    }
}
