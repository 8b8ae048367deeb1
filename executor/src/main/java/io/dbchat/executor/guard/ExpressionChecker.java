package io.dbchat.executor.guard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.execute.ExecuteArgument;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FunctionAllColumns;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Checks the expressions of one query level, default-deny: every node type of JSqlParser's expression visitor
 * is decided here, explicitly. A node is either refused, or accepted with each of its fields that can hold an
 * expression checked ({@link NodeFields} refuses any other field that is set). Columns resolve through the
 * level's {@link Scope}; functions and casts through {@link Allowlists}; subqueries are walked as nested levels.
 */
final class ExpressionChecker implements ExpressionVisitor<Void> {

    private static final Set<String> TIME_KEYS = Set.of(
            "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp");

    /** String prefixes PostgreSQL reads as the parser does: none, national, bit, hex, and escape strings. */
    private static final Set<String> STRING_PREFIXES = Set.of("", "N", "B", "X", "E");

    private static final Set<String> QUANTIFIERS = Set.of("any", "all", "some");

    /**
     * The operators a JsonExpression chains: jsonb path extraction by key, index or path array, and the colon of
     * an array slice, which the parser reads into the same node. Both sides of each are checked.
     */
    private static final Set<String> ACCESS_OPERATORS = Set.of("->", "->>", "#>", "#>>", ":");

    private static final Set<String> BINARY = Set.of("leftExpression", "rightExpression");
    private static final Set<String> COMPARISON = Set.of("leftExpression", "rightExpression", "operator");
    private static final Set<String> NEGATABLE_BINARY = Set.of("leftExpression", "rightExpression", "not",
            "operator", "op", "operatorType");
    private static final Set<String> LITERAL = Set.of("value", "stringValue", "prefix", "quoteStr", "data",
            "type", "sign");

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

    void checkOrderBy(List<OrderByElement> elements) {
        if (elements == null) {
            return;
        }
        for (OrderByElement element : elements) {
            NodeFields.onlyHandled(element, Set.of("expression", "asc", "ascDescPresent", "nullOrdering"));
            check(element.getExpression());
        }
    }

    private void subquery(Select select) {
        walker.select(select, scope, depth + 1);
    }

    private Void binary(BinaryExpression e, Set<String> handled) {
        NodeFields.onlyHandled(e, handled);
        check(e.getLeftExpression());
        check(e.getRightExpression());
        return null;
    }

    private static Void refuse(String what) {
        throw Refusal.construct(what);
    }

    // ---- literals and keywords: nothing to resolve

    @Override
    public <S> Void visit(NullValue e, S context) {
        return null;
    }

    @Override
    public <S> Void visit(LongValue e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        return null;
    }

    @Override
    public <S> Void visit(DoubleValue e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        return null;
    }

    @Override
    public <S> Void visit(HexValue e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        return null;
    }

    /**
     * The statement runs as the parser deparses it, each string printed as it was read. The parser ends an E'' string
     * at a quote after a backslash where PostgreSQL reads an escaped quote and runs on into the text beyond, so a
     * backslash there is refused; so is any prefix PostgreSQL does not give a string (R'', Q'', _utf8'', U&'').
     */
    @Override
    public <S> Void visit(StringValue e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        String prefix = e.getPrefix() == null ? "" : e.getPrefix().toUpperCase(Locale.ROOT);
        if (!STRING_PREFIXES.contains(prefix)) {
            throw Refusal.construct("a " + prefix + "'' string");
        }
        if (prefix.equals("E") && e.getValue().indexOf('\\') >= 0) {
            throw Refusal.construct("a backslash escape in an E'' string");
        }
        return null;
    }

    @Override
    public <S> Void visit(BooleanValue e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        return null;
    }

    @Override
    public <S> Void visit(DateValue e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        return null;
    }

    @Override
    public <S> Void visit(TimeValue e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        return null;
    }

    @Override
    public <S> Void visit(TimestampValue e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        return null;
    }

    @Override
    public <S> Void visit(DateTimeLiteralExpression e, S context) {
        NodeFields.onlyHandled(e, LITERAL);
        printedVerbatim(e.getValue());
        return null;
    }

    /**
     * A typed literal's string ({@code DATE '…'}, {@code INTERVAL '…'}) is kept as written and printed back so: an
     * escape string there would be read past its end by PostgreSQL (see {@link #visit(StringValue, Object)}).
     */
    private static void printedVerbatim(String literal) {
        if (literal != null && literal.indexOf('\\') >= 0) {
            throw Refusal.construct("a backslash in a typed literal");
        }
    }

    /** LIMIT ALL. */
    @Override
    public <S> Void visit(AllValue e, S context) {
        return null;
    }

    @Override
    public <S> Void visit(TimeKeyExpression key, S context) {
        if (!TIME_KEYS.contains(key.getStringValue().toLowerCase(Locale.ROOT))) {
            throw Refusal.function(key.getStringValue());
        }
        return null;
    }

    @Override
    public <S> Void visit(IntervalExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("intervalKeyword", "parameter", "intervalType", "intervalQualifier",
                "expression"));
        printedVerbatim(e.getParameter());
        check(e.getExpression());
        return null;
    }

    // ---- columns and whole rows

    @Override
    public <S> Void visit(Column column, S context) {
        // a COMMENT after a column is printed back inside /* */, where its own */ would end the comment early
        NodeFields.onlyHandled(column, Set.of("table", "columnName", "arrayConstructor", "tableDelimiter"));
        if (column.getArrayConstructor() != null) {
            // a[i] and a[i:j] as the parser reads them: the subscripts are expressions of this level
            column.getArrayConstructor().accept(this, context);
        }
        String name = Identifiers.fold(column.getColumnName());
        if (column.getTable() == null || column.getTable().getName() == null) {
            // CURRENT_DATE and the like are keywords only unquoted; "current_date" is a name, maybe a whole row's
            boolean keyword = TIME_KEYS.contains(name) && !column.getColumnName().startsWith("\"");
            if (!scope.seesUnqualified(name) && !keyword) {
                throw scope.namesWholeRow(name) ? Refusal.wholeRow(name) : Refusal.column(name);
            }
            return null;
        }
        String qualifier = Identifiers.fold(column.getTable().getName());
        String schema = Identifiers.fold(column.getTable().getSchemaName());
        if (Identifiers.isSystem(schema) || Identifiers.isSystem(qualifier)) {
            throw Refusal.systemCatalog(schema != null ? schema : qualifier);
        }
        if (column.getTable().getDatabaseName() != null) {
            throw Refusal.column(column.getFullyQualifiedName());
        }
        Scope.Source source = scope.source(qualifier, schema);
        if (source == null || !source.columns().contains(name)) {
            throw Refusal.column(qualifier + "." + name);
        }
        return null;
    }

    /** A bare star in an expression is count(*): it reads no column values. */
    @Override
    public <S> Void visit(AllColumns all, S context) {
        if (all.getClass() != AllColumns.class) {
            throw Refusal.column(all.toString());
        }
        NodeFields.onlyHandled(all, Set.of());
        return null;
    }

    @Override
    public <S> Void visit(AllTableColumns all, S context) {
        throw Refusal.wholeRow(all.toString());
    }

    @Override
    public <S> Void visit(FunctionAllColumns all, S context) {
        throw Refusal.wholeRow(all.toString());
    }

    @Override
    public <S> Void visit(RowGetExpression row, S context) {
        throw Refusal.wholeRow(row.toString());
    }

    // ---- functions

    @Override
    public <S> Void visit(Function function, S context) {
        NodeFields.onlyHandled(function, Set.of("nameparts", "parameters", "namedParameters", "allColumns",
                "distinct", "orderByElements"));
        if (!isComparisonQuantifier(function)) {
            String name = functionName(function.getMultipartName());
            if (!Allowlists.function(name)) {
                throw Refusal.function(String.join(".", function.getMultipartName()));
            }
            CallBounds.check(name, function.getParameters());
        }
        checkList(function.getParameters());
        if (function.getNamedParameters() != null) {
            NodeFields.onlyHandled(function.getNamedParameters(), Set.of("names"));
            checkAll(function.getNamedParameters());
        }
        checkOrderBy(function.getOrderByElements());
        return null;
    }

    private void checkList(ExpressionList<?> list) {
        if (list != null) {
            NodeFields.onlyHandled(list, Set.of());
            checkAll(list);
        }
    }

    @Override
    public <S> Void visit(AnalyticExpression analytic, S context) {
        NodeFields.onlyHandled(analytic, Set.of("name", "expression", "offset", "defaultValue", "allColumns",
                "type", "distinct", "filterExpression", "funcOrderBy", "windowName", "windowDef"));
        String name = analytic.getName().toLowerCase(Locale.ROOT);
        if (!Allowlists.function(name)) {
            throw Refusal.function(analytic.getName());
        }
        if (analytic.getType() != AnalyticType.OVER && analytic.getType() != AnalyticType.WITHIN_GROUP
                && analytic.getType() != AnalyticType.WITHIN_GROUP_OVER
                && analytic.getType() != AnalyticType.FILTER_ONLY) {
            throw Refusal.construct("a window form outside PostgreSQL");
        }
        check(analytic.getExpression());
        check(analytic.getOffset());
        check(analytic.getDefaultValue());
        check(analytic.getFilterExpression());
        checkOrderBy(analytic.getFuncOrderBy());
        window(analytic.getWindowDefinition());
        return null;
    }

    /** PARTITION BY, ORDER BY and the frame offsets of a window: each an expression of this level. */
    void window(WindowDefinition window) {
        if (window == null) {
            return;
        }
        NodeFields.onlyHandled(window, Set.of("orderBy", "partitionBy", "windowElement", "windowName"));
        if (window.getPartitionBy() != null) {
            NodeFields.onlyHandled(window.getPartitionBy(), Set.of("brackets"));
            checkAll(window.getPartitionBy());
        }
        if (window.getOrderBy() != null) {
            NodeFields.onlyHandled(window.getOrderBy(), Set.of("orderByElements"));
            checkOrderBy(window.getOrderBy().getOrderByElements());
        }
        WindowElement element = window.getWindowElement();
        if (element != null) {
            NodeFields.onlyHandled(element, Set.of("type", "offset", "range"));
            offset(element.getOffset());
            if (element.getRange() != null) {
                offset(element.getRange().getStart());
                offset(element.getRange().getEnd());
            }
        }
    }

    private void offset(WindowOffset offset) {
        if (offset != null) {
            check(offset.getExpression());
        }
    }

    @Override
    public <S> Void visit(CastExpression cast, S context) {
        NodeFields.onlyHandled(cast, Set.of("keyword", "leftExpression", "colDataType", "isImplicitCast"));
        if (cast.keyword != null && !"cast".equalsIgnoreCase(cast.keyword)) {
            throw Refusal.construct(cast.keyword);
        }
        if (cast.getColDataType() == null || !Allowlists.castType(cast.getColDataType().toString())) {
            throw Refusal.of("cast_not_allowed", "Casting to '" + cast.getColDataType() + "' is not allowed.");
        }
        check(cast.getLeftExpression());
        return null;
    }

    @Override
    public <S> Void visit(TrimFunction trim, S context) {
        NodeFields.onlyHandled(trim, Set.of("trimSpecification", "expression", "fromExpression",
                "isUsingFromKeyword"));
        check(trim.getExpression());
        check(trim.getFromExpression());
        return null;
    }

    @Override
    public <S> Void visit(ExtractExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("name", "expression"));
        check(e.getExpression());
        return null;
    }

    /** {@code make_interval(days => 3)}: the name is the parameter's, the value an expression. */
    @Override
    public <S> Void visit(PostgresNamedFunctionParameter e, S context) {
        NodeFields.onlyHandled(e, Set.of("name", "expression"));
        check(e.getExpression());
        return null;
    }

    @Override
    public <S> Void visit(OracleNamedFunctionParameter e, S context) {
        NodeFields.onlyHandled(e, Set.of("name", "expression"));
        check(e.getExpression());
        return null;
    }

    // ---- structure

    @Override
    public <S> Void visit(ExpressionList<? extends Expression> list, S context) {
        NodeFields.onlyHandled(list, Set.of());
        checkAll(list);
        return null;
    }

    @Override
    public <S> Void visit(RowConstructor<? extends Expression> row, S context) {
        NodeFields.onlyHandled(row, Set.of("name"));
        if (row.getName() != null && !row.getName().equalsIgnoreCase("row")) {
            throw Refusal.construct(row.getName());
        }
        checkAll(row);
        return null;
    }

    @Override
    public <S> Void visit(ArrayConstructor array, S context) {
        NodeFields.onlyHandled(array, Set.of("expressions", "arrayKeyword"));
        checkAll(array.getExpressions());
        return null;
    }

    @Override
    public <S> Void visit(ArrayExpression array, S context) {
        NodeFields.onlyHandled(array, Set.of("objExpression", "indexExpression", "startIndexExpression",
                "stopIndexExpression"));
        check(array.getObjExpression());
        check(array.getIndexExpression());
        check(array.getStartIndexExpression());
        check(array.getStopIndexExpression());
        return null;
    }

    @Override
    public <S> Void visit(CaseExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("usingBrackets", "switchExpression", "whenClauses", "elseExpression"));
        check(e.getSwitchExpression());
        checkAll(e.getWhenClauses());
        check(e.getElseExpression());
        return null;
    }

    @Override
    public <S> Void visit(WhenClause e, S context) {
        NodeFields.onlyHandled(e, Set.of("whenExpression", "thenExpression"));
        check(e.getWhenExpression());
        check(e.getThenExpression());
        return null;
    }

    @Override
    public <S> Void visit(SignedExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("sign", "expression"));
        check(e.getExpression());
        return null;
    }

    @Override
    public <S> Void visit(NotExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("expression", "exclamationMark"));
        check(e.getExpression());
        return null;
    }

    @Override
    public <S> Void visit(CollateExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("leftExpression", "collate"));
        check(e.getLeftExpression());
        return null;
    }

    @Override
    public <S> Void visit(TimezoneExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("leftExpression", "timezoneExpressions"));
        check(e.getLeftExpression());
        checkAll(e.getTimezoneExpressions());
        return null;
    }

    @Override
    public <S> Void visit(JsonExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("expr", "idents"));
        check(e.getExpression());
        for (Map.Entry<Expression, String> ident : e.getIdentList()) {
            if (!ACCESS_OPERATORS.contains(ident.getValue())) {
                throw Refusal.construct("the operator " + ident.getValue());
            }
            check(ident.getKey());
        }
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        subquery(select);
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        subquery(select);
        return null;
    }

    @Override
    public <S> Void visit(AnyComparisonExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("select", "anyType"));
        subquery(e.getSelect());
        return null;
    }

    @Override
    public <S> Void visit(ExistsExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("rightExpression", "not"));
        check(e.getRightExpression());
        return null;
    }

    @Override
    public <S> Void visit(InExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("leftExpression", "rightExpression", "not"));
        check(e.getLeftExpression());
        check(e.getRightExpression());
        return null;
    }

    @Override
    public <S> Void visit(Between e, S context) {
        NodeFields.onlyHandled(e, Set.of("leftExpression", "not", "betweenExpressionStart",
                "betweenExpressionEnd", "usingSymmetric", "usingAsymmetric"));
        check(e.getLeftExpression());
        check(e.getBetweenExpressionStart());
        check(e.getBetweenExpressionEnd());
        return null;
    }

    @Override
    public <S> Void visit(IsNullExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("leftExpression", "not", "useIsNull", "useNotNull"));
        check(e.getLeftExpression());
        return null;
    }

    @Override
    public <S> Void visit(IsBooleanExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("leftExpression", "not", "isTrue"));
        check(e.getLeftExpression());
        return null;
    }

    @Override
    public <S> Void visit(IsUnknownExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("leftExpression", "isNot"));
        check(e.getLeftExpression());
        return null;
    }

    @Override
    public <S> Void visit(OverlapsCondition e, S context) {
        NodeFields.onlyHandled(e, Set.of("left", "right"));
        checkAll(e.getLeft());
        checkAll(e.getRight());
        return null;
    }

    @Override
    public <S> Void visit(LikeExpression like, S context) {
        NodeFields.onlyHandled(like, Set.of("leftExpression", "rightExpression", "not", "escapeExpression",
                "likeKeyWord"));
        LikeExpression.KeyWord keyWord = like.getLikeKeyWord();
        if (keyWord != LikeExpression.KeyWord.LIKE && keyWord != LikeExpression.KeyWord.ILIKE
                && keyWord != LikeExpression.KeyWord.SIMILAR_TO) {
            throw Refusal.construct(String.valueOf(keyWord));
        }
        check(like.getLeftExpression());
        check(like.getRightExpression());
        check(like.getEscape());
        return null;
    }

    @Override
    public <S> Void visit(SimilarToExpression e, S context) {
        NodeFields.onlyHandled(e, Set.of("leftExpression", "rightExpression", "not", "escape"));
        check(e.getLeftExpression());
        check(e.getRightExpression());
        return null;
    }

    // ---- binary operators PostgreSQL has

    @Override
    public <S> Void visit(Addition e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(Subtraction e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(Multiplication e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(Division e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(Modulo e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(Concat e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(BitwiseAnd e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(BitwiseOr e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(BitwiseXor e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(BitwiseLeftShift e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(BitwiseRightShift e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(AndExpression e, S context) {
        return binary(e, Set.of("leftExpression", "rightExpression", "useOperator"));
    }

    @Override
    public <S> Void visit(OrExpression e, S context) {
        return binary(e, BINARY);
    }

    @Override
    public <S> Void visit(EqualsTo e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(NotEqualsTo e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(GreaterThan e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(GreaterThanEquals e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(MinorThan e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(MinorThanEquals e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(IsDistinctExpression e, S context) {
        return binary(e, NEGATABLE_BINARY);
    }

    @Override
    public <S> Void visit(RegExpMatchOperator e, S context) {
        return binary(e, NEGATABLE_BINARY);
    }

    @Override
    public <S> Void visit(Contains e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(ContainedBy e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(DoubleAnd e, S context) {
        return binary(e, COMPARISON);
    }

    @Override
    public <S> Void visit(Matches e, S context) {
        return binary(e, COMPARISON);
    }

    /** jsonb's key tests and deletions ({@code ?}, {@code ?|}, {@code ?&}, {@code #-}, {@code @?}, …). */
    @Override
    public <S> Void visit(JsonOperator e, S context) {
        return binary(e, NEGATABLE_BINARY);
    }

    // ---- markers: a literal's place in a marked shape, otherwise refused

    @Override
    public <S> Void visit(JdbcParameter parameter, S context) {
        if (walker.acceptsMarkers() && parameter.isUseFixedIndex()) {
            return null;
        }
        return refuse("a bind parameter");
    }

    // ---- refused: other dialects' forms, variables, binds, sequences and constructs no query needs

    @Override
    public <S> Void visit(JdbcNamedParameter e, S context) {
        return refuse("a bind parameter");
    }

    @Override
    public <S> Void visit(NumericBind e, S context) {
        return refuse("a bind parameter");
    }

    @Override
    public <S> Void visit(UserVariable e, S context) {
        return refuse("a variable");
    }

    @Override
    public <S> Void visit(VariableAssignment e, S context) {
        return refuse("a variable");
    }

    @Override
    public <S> Void visit(NextValExpression e, S context) {
        throw Refusal.function("nextval");
    }

    @Override
    public <S> Void visit(MySQLGroupConcat e, S context) {
        throw Refusal.function("group_concat");
    }

    @Override
    public <S> Void visit(XMLSerializeExpr e, S context) {
        throw Refusal.function("xmlserialize");
    }

    @Override
    public <S> Void visit(TranscodingFunction e, S context) {
        throw Refusal.function("convert");
    }

    @Override
    public <S> Void visit(JsonFunction e, S context) {
        throw Refusal.function("json_object");
    }

    @Override
    public <S> Void visit(JsonAggregateFunction e, S context) {
        throw Refusal.function("json_objectagg");
    }

    @Override
    public <S> Void visit(JsonTableFunction e, S context) {
        throw Refusal.function("json_table");
    }

    @Override
    public <S> Void visit(XmlTableFunction e, S context) {
        throw Refusal.function("xmltable");
    }

    @Override
    public <S> Void visit(OracleHierarchicalExpression e, S context) {
        return refuse("CONNECT BY");
    }

    @Override
    public <S> Void visit(ConnectByRootOperator e, S context) {
        return refuse("CONNECT_BY_ROOT");
    }

    @Override
    public <S> Void visit(ConnectByPriorOperator e, S context) {
        return refuse("PRIOR");
    }

    @Override
    public <S> Void visit(OracleHint e, S context) {
        return refuse("an optimizer hint");
    }

    @Override
    public <S> Void visit(KeepExpression e, S context) {
        return refuse("KEEP");
    }

    @Override
    public <S> Void visit(XorExpression e, S context) {
        return refuse("XOR");
    }

    @Override
    public <S> Void visit(IntegerDivision e, S context) {
        return refuse("DIV");
    }

    @Override
    public <S> Void visit(FullTextSearch e, S context) {
        return refuse("MATCH … AGAINST");
    }

    @Override
    public <S> Void visit(MemberOfExpression e, S context) {
        return refuse("MEMBER OF");
    }

    @Override
    public <S> Void visit(IncludesExpression e, S context) {
        return refuse("INCLUDES");
    }

    @Override
    public <S> Void visit(ExcludesExpression e, S context) {
        return refuse("EXCLUDES");
    }

    @Override
    public <S> Void visit(GeometryDistance e, S context) {
        return refuse("a distance operator");
    }

    @Override
    public <S> Void visit(CosineSimilarity e, S context) {
        return refuse("a similarity operator");
    }

    @Override
    public <S> Void visit(Intersects e, S context) {
        return refuse("INTERSECTS");
    }

    @Override
    public <S> Void visit(TSQLLeftJoin e, S context) {
        return refuse("an outer-join operator");
    }

    @Override
    public <S> Void visit(TSQLRightJoin e, S context) {
        return refuse("an outer-join operator");
    }

    @Override
    public <S> Void visit(Plus e, S context) {
        return refuse("a PLUS operator");
    }

    @Override
    public <S> Void visit(PriorTo e, S context) {
        return refuse("a PRIOR TO operator");
    }

    @Override
    public <S> Void visit(StructType e, S context) {
        return refuse("a STRUCT");
    }

    @Override
    public <S> Void visit(LambdaExpression e, S context) {
        return refuse("a lambda");
    }

    @Override
    public <S> Void visit(HighExpression e, S context) {
        return refuse("HIGH");
    }

    @Override
    public <S> Void visit(LowExpression e, S context) {
        return refuse("LOW");
    }

    @Override
    public <S> Void visit(Inverse e, S context) {
        return refuse("INVERSE");
    }

    @Override
    public <S> Void visit(MethodCallExpression e, S context) {
        return refuse("a method call");
    }

    @Override
    public <S> Void visit(MapExpression e, S context) {
        return refuse("a MAP");
    }

    @Override
    public <S> Void visit(KeyExpression e, S context) {
        return refuse("KEY");
    }

    @Override
    public <S> Void visit(TernaryExpression e, S context) {
        return refuse("a ternary operator");
    }

    @Override
    public <S> Void visit(RangeExpression e, S context) {
        return refuse("a range expression");
    }

    /** A unit keyword where a name stands ({@code GROUP BY month}): PostgreSQL reads it as that name. */
    @Override
    public <S> Void visit(DateUnitExpression e, S context) {
        return visit(new Column(e.toString()), context);
    }

    /** The name a bare reference stands for (a column without qualifier or subscript, or a unit keyword), else null. */
    static String bareName(Expression e) {
        if (e instanceof Column c && (c.getTable() == null || c.getTable().getName() == null)
                && c.getArrayConstructor() == null) {
            return Identifiers.fold(c.getColumnName());
        }
        return e instanceof DateUnitExpression unit ? Identifiers.fold(unit.toString()) : null;
    }

    @Override
    public <S> Void visit(AliasedExpression e, S context) {
        return refuse("an aliased expression");
    }

    @Override
    public <S> Void visit(ExecuteArgument e, S context) {
        return refuse("EXECUTE");
    }

    @Override
    public <S> Void visit(FromQuery e, S context) {
        return refuse("a piped query");
    }

    @Override
    public <S> Void visit(GroupByElement e, S context) {
        return refuse("GROUP BY inside an expression");
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
