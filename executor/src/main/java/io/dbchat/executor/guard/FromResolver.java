package io.dbchat.executor.guard;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.imprt.Import;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.FromItemVisitor;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PivotQuery;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;

/**
 * Resolves the FROM clause of one level into {@link Scope.Source}s, default-deny over FROM item types, and with
 * PostgreSQL's visibility: a plain subquery in FROM sees only the enclosing levels, a LATERAL one and a function's
 * arguments also the items before it, a JOIN's ON clause only the items of its own join tree. Tables come from
 * the snapshot (unqualified names in schema public, as the default search path), CTEs first.
 */
final class FromResolver implements FromItemVisitor<List<Scope.Source>> {

    private static final String DEFAULT_SCHEMA = "public";
    private static final Set<String> JOIN_FIELDS = Set.of("onExpressions", "usingColumns", "outer", "right",
            "left", "full", "inner", "simple", "cross", "fromItem");

    /** Where a FROM item is resolved: the level it joins and how deep that level is. */
    record Place(Scope level, int depth) {
    }

    private final QueryWalker walker;
    private final SchemaSnapshot schema;

    FromResolver(QueryWalker walker, SchemaSnapshot schema) {
        this.walker = walker;
        this.schema = schema;
    }

    void resolve(PlainSelect plain, Scope level, int depth) {
        if (plain.getFromItem() == null) {
            return;
        }
        Place place = new Place(level, depth);
        List<Scope.Source> tree = new ArrayList<>(add(plain.getFromItem(), place, plain::setFromItem));
        joins(plain.getJoins(), tree, place);
    }

    /** Each comma starts a join tree; an ON clause sees its tree and the enclosing levels, nothing else. */
    private void joins(List<Join> joins, List<Scope.Source> tree, Place place) {
        for (Join join : joins == null ? List.<Join>of() : joins) {
            walker.countJoin();
            NodeFields.onlyHandled(join, JOIN_FIELDS);
            if (join.isSimple()) {
                tree.clear();
            }
            List<Scope.Source> left = List.copyOf(tree);
            List<Scope.Source> right = add(join.getRightItem(), place, join::setRightItem);
            tree.addAll(right);
            using(join.getUsingColumns(), left, right);
            if (!join.getOnExpressions().isEmpty()) {
                Scope on = new Scope(place.level().parent());
                tree.forEach(on::add);
                new ExpressionChecker(walker, on, place.depth()).checkAll(List.copyOf(join.getOnExpressions()));
            }
        }
    }

    private static void using(List<Column> columns, List<Scope.Source> left, List<Scope.Source> right) {
        for (Column using : columns == null ? List.<Column>of() : columns) {
            String name = Identifiers.fold(using.getColumnName());
            if (right.stream().noneMatch(s -> s.columns().contains(name))
                    || left.stream().noneMatch(s -> s.columns().contains(name))) {
                throw Refusal.column(name);
            }
        }
    }

    /** Resolves a FROM item and adds its sources to the level; {@code slot} puts another item in its place. */
    private List<Scope.Source> add(FromItem item, Place place, Consumer<FromItem> slot) {
        List<Scope.Source> sources = accept(item, place, slot);
        if (!(item instanceof ParenthesedFromItem)) {
            sources.forEach(place.level()::add);
        }
        return sources;
    }

    /** Resolves a FROM item; a published table read there is told to the walker with the slot that holds it. */
    private List<Scope.Source> accept(FromItem item, Place place, Consumer<FromItem> slot) {
        List<Scope.Source> sources = item.accept(this, place);
        if (item instanceof Table table && sources.size() == 1 && sources.getFirst().isTable()) {
            walker.slot(table, slot);
        }
        return sources;
    }

    @Override
    public <S> List<Scope.Source> visit(Table table, S context) {
        NodeFields.onlyHandled(table, Set.of("partItems", "partDelimiters", "alias"));
        Scope level = ((Place) context).level();
        String name = Identifiers.fold(table.getName());
        String schemaName = Identifiers.fold(table.getSchemaName());
        if (table.getDatabaseName() != null && !table.getDatabaseName().isBlank()) {
            throw Refusal.table(table.getFullyQualifiedName());
        }
        List<String> cte = schemaName == null ? level.cte(name) : null;
        if (cte != null) {
            return List.of(derived(table.getAlias(), cte, name));
        }
        if (Identifiers.isSystem(schemaName) || Identifiers.isSystem(name)) {
            throw Refusal.systemCatalog(schemaName == null ? name : schemaName + "." + name);
        }
        TableSchema found = find(schemaName, name);
        if (table.getAlias() != null && table.getAlias().getAliasColumns() != null) {
            // Positional renaming would reach unpublished columns under published-looking names.
            throw Refusal.construct("column aliases on a table");
        }
        walker.read(table, found);
        String alias = table.getAlias() == null ? null : Identifiers.fold(table.getAlias().getName());
        return List.of(new Scope.Source(alias, found, found.columns().stream().map(ColumnSchema::name).toList()));
    }

    /** A plain subquery in FROM cannot see the items beside it: it is walked under the enclosing levels only. */
    @Override
    public <S> List<Scope.Source> visit(ParenthesedSelect select, S context) {
        NodeFields.onlyHandled(select, Set.of("alias", "select"));
        Place place = (Place) context;
        return List.of(derived(select.getAlias(),
                walker.select(select.getSelect(), place.level().parent(), place.depth() + 1), null));
    }

    @Override
    public <S> List<Scope.Source> visit(LateralSubSelect lateral, S context) {
        NodeFields.onlyHandled(lateral, Set.of("alias", "select", "prefix"));
        Place place = (Place) context;
        return List.of(derived(lateral.getAlias(),
                walker.select(lateral.getSelect(), place.level(), place.depth() + 1), null));
    }

    /** A function in FROM sees the items before it (PostgreSQL treats it as LATERAL) and returns its declared columns. */
    @Override
    public <S> List<Scope.Source> visit(TableFunction item, S context) {
        NodeFields.onlyHandled(item, Set.of("alias", "function", "prefix", "withClause"));
        Place place = (Place) context;
        Function function = item.getFunction();
        NodeFields.onlyHandled(function, Set.of("nameparts", "parameters"));
        List<String> parts = function.getMultipartName();
        String name = parts.size() == 1 ? Identifiers.fold(parts.getFirst()) : null;
        int arguments = function.getParameters() == null ? 0 : function.getParameters().size();
        List<String> declared = name == null ? null : Allowlists.tableFunctionColumns(name, arguments);
        if (declared == null) {
            throw Refusal.function(String.join(".", parts));
        }
        CallBounds.check(name, function.getParameters());
        new ExpressionChecker(walker, place.level(), place.depth()).check(function.getParameters());
        String alias = item.getAlias() == null ? name : Identifiers.fold(item.getAlias().getName());
        List<String> columns = new ArrayList<>(declared.isEmpty() ? List.of(alias) : declared);
        if (item.getWithClause() != null) {
            if (!item.getWithClause().strip().toUpperCase(Locale.ROOT).endsWith("ORDINALITY")) {
                throw Refusal.construct(item.getWithClause());
            }
            columns.add("ordinality");
        }
        return List.of(derived(item.getAlias(), columns, name));
    }

    /**
     * {@code (a JOIN b ON …)}: its own join tree, whose items join the level. An alias is taken only on a single
     * item ({@code (VALUES …) v}), where it renames that item and keeps what it reads.
     */
    @Override
    public <S> List<Scope.Source> visit(ParenthesedFromItem parens, S context) {
        NodeFields.onlyHandled(parens, Set.of("fromItem", "joins", "alias"));
        Place place = (Place) context;
        if (parens.getAlias() != null) {
            if (parens.getJoins() != null && !parens.getJoins().isEmpty()) {
                throw Refusal.construct("an alias on a parenthesised join");
            }
            List<Scope.Source> inner = accept(parens.getFromItem(), place, parens::setFromItem);
            Scope.Source only = inner.getFirst();
            if (only.isTable() && parens.getAlias().getAliasColumns() != null) {
                throw Refusal.construct("column aliases on a table");
            }
            Scope.Source renamed = derived(parens.getAlias(), only.columns(), null);
            Scope.Source source = new Scope.Source(renamed.alias(), only.table(), renamed.columns());
            place.level().add(source);
            return List.of(source);
        }
        List<Scope.Source> tree = new ArrayList<>(add(parens.getFromItem(), place, parens::setFromItem));
        joins(parens.getJoins(), tree, place);
        return tree;
    }

    @Override
    public <S> List<Scope.Source> visit(Values values, S context) {
        Place place = (Place) context;
        return List.of(derived(values.getAlias(), walker.select(values, place.level().parent(), place.depth() + 1),
                null));
    }

    @Override
    public <S> List<Scope.Source> visit(PlainSelect select, S context) {
        throw Refusal.construct("an unparenthesised query in FROM");
    }

    @Override
    public <S> List<Scope.Source> visit(SetOperationList select, S context) {
        throw Refusal.construct("an unparenthesised query in FROM");
    }

    @Override
    public <S> List<Scope.Source> visit(TableStatement table, S context) {
        throw Refusal.construct("TABLE in FROM");
    }

    @Override
    public <S> List<Scope.Source> visit(Import item, S context) {
        throw Refusal.construct("IMPORT");
    }

    @Override
    public <S> List<Scope.Source> visit(PivotQuery query, S context) {
        throw Refusal.construct("PIVOT");
    }

    @Override
    public <S> List<Scope.Source> visit(FromQuery item, S context) {
        throw Refusal.construct("a piped query");
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

    /** A derived source's columns are its alias column list if given, else its query's outputs (or its own name). */
    private static Scope.Source derived(Alias alias, List<String> outputs, String defaultName) {
        String name = alias == null ? defaultName : Identifiers.fold(alias.getName());
        if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
            if (alias.getAliasColumns().size() > outputs.size()) {
                throw Refusal.construct("more column aliases than columns");
            }
            List<String> renamed = new ArrayList<>(outputs);
            for (int i = 0; i < alias.getAliasColumns().size(); i++) {
                renamed.set(i, Identifiers.fold(alias.getAliasColumns().get(i).name));
            }
            return new Scope.Source(name, null, renamed);
        }
        return new Scope.Source(name, null, outputs.isEmpty() && name != null ? List.of(name) : outputs);
    }
}
