package io.dbchat.executor.plan;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Judges what PostgreSQL resolved a statement to ({@code EXPLAIN (VERBOSE, FORMAT JSON)}), independently of
 * the SQL guard: every relation scanned is a published table, never a system catalog; every column an
 * expression reads through a table's alias is a published column, and no expression reads a whole row of a
 * table; every function called and every function scanned is allowlisted ({@link PlanFunctions}); the
 * estimated cost and rows stay within the budget. Default-deny: an unknown node type, an unknown field or an
 * expression it cannot read refuses. A scan's output that lists only plain columns is the planner's choice
 * (it often returns every column of a table to a parent that uses two), so outside the root of a (sub)query
 * only the expressions that use such columns count; the root's output is what the (sub)query yields and
 * always counts.
 */
public final class PlanJudge {

    public static final String REFUSED = "sql.plan_refused";
    public static final String TOO_EXPENSIVE = "sql.too_expensive";

    private static final Set<String> NODE_TYPES = Set.of("Result", "ProjectSet", "Append", "Merge Append",
            "Recursive Union", "BitmapAnd", "BitmapOr", "Nested Loop", "Merge Join", "Hash Join", "Seq Scan",
            "Sample Scan", "Gather", "Gather Merge", "Index Scan", "Index Only Scan", "Bitmap Index Scan",
            "Bitmap Heap Scan", "Tid Scan", "Tid Range Scan", "Subquery Scan", "Function Scan", "Values Scan",
            "CTE Scan", "WorkTable Scan", "Materialize", "Memoize", "Sort", "Incremental Sort", "Group",
            "Aggregate", "WindowAgg", "Unique", "SetOp", "Limit", "Hash");
    /** Fields whose value is a name, a number or a flag. */
    private static final Set<String> PLAIN_FIELDS = Set.of("Node Type", "Parent Relationship", "Subplan Name",
            "Parallel Aware", "Async Capable", "Startup Cost", "Total Cost", "Plan Rows", "Plan Width",
            "Relation Name", "Schema", "Alias", "Index Name", "Scan Direction", "Join Type", "Inner Unique",
            "Strategy", "Partial Mode", "Function Name", "CTE Name", "Command", "Workers Planned", "Single Copy",
            "Sampling Method", "Subplans Removed", "Planned Partitions", "Params Evaluated", "Cache Mode",
            "Disabled", "Plans");
    /** Fields whose value is an expression, or a list or structure of them, in the deparser's text. */
    private static final Set<String> EXPRESSION_FIELDS = Set.of("Output", "Filter", "Index Cond", "Recheck Cond",
            "Join Filter", "Hash Cond", "Merge Cond", "Sort Key", "Presorted Key", "Group Key", "Grouping Sets",
            "Function Call", "One-Time Filter", "Cache Key", "Order By", "TID Cond", "Sampling Parameters",
            "Repeatable Seed", "Run Condition");
    /** Nodes whose children are the roots of subqueries: what those children output is what the subquery yields. */
    private static final Set<String> SUBQUERY_PARENTS = Set.of("Subquery Scan", "CTE Scan", "Append",
            "Merge Append", "Recursive Union", "SetOp");
    private static final Set<String> ROOT_RELATIONSHIPS = Set.of("InitPlan", "SubPlan", "Subquery", "Member");
    private static final Set<String> CATALOG_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");
    /** SQL value functions the deparser writes as bare words: they tell about the session, not the data. */
    private static final Set<String> SESSION_VALUES = Set.of("current_user", "session_user", "current_role",
            "user", "system_user", "current_schema", "current_catalog");
    private static final Set<String> SAMPLING_METHODS = Set.of("bernoulli", "system");

    private final PlanBudget budget;
    private final Set<String> alsoCalled;

    public PlanJudge(PlanBudget budget) {
        this(budget, Set.of());
    }

    /**
     * {@code alsoCalled} names functions a plan may call besides the allowlist: {@code current_setting} when the
     * database's row-level security policies read the principal's attributes (the SQL guard still refuses it in a
     * statement, so a plan calls it only where a policy or a published view does).
     */
    public PlanJudge(PlanBudget budget, Set<String> alsoCalled) {
        this.budget = budget;
        this.alsoCalled = Set.copyOf(alsoCalled);
    }

    /** The refusal of the plan, or empty when it reads only what {@code schema} publishes, within budget. */
    public Optional<Problem> judge(JsonNode explain, SchemaSnapshot schema) {
        return judge(explain, Expansions.published(schema));
    }

    /**
     * The refusal of the plan, or empty when it scans only the {@code relations} (qualified name to the columns
     * it may read) and reads only their columns, within budget.
     */
    Optional<Problem> judge(JsonNode explain, Map<String, Set<String>> relations) {
        JsonNode plan = explain.isArray() && explain.size() == 1 ? explain.get(0).get("Plan") : null;
        if (plan == null || !plan.isObject()) {
            return refused("its plan has an unexpected shape");
        }
        for (String field : explain.get(0).propertyNames()) {
            if (!field.equals("Plan") && !field.equals("Query Identifier")) {
                return refused("its plan has a field the check does not know (" + field + ")");
            }
        }
        try {
            Map<String, Relation> aliases = new HashMap<>();
            double[] maxRows = {0};
            collect(plan, relations, aliases, maxRows);
            check(plan, true, aliases);
            return budget(plan, maxRows[0]);
        } catch (Refusal r) {
            return refused(r.getMessage());
        }
    }

    /** First pass: node types, fields and scanned relations; the table behind every relation alias. */
    private void collect(JsonNode node, Map<String, Set<String>> relations, Map<String, Relation> aliases,
                         double[] maxRows) {
        String type = text(node, "Node Type");
        if (!NODE_TYPES.contains(type)) {
            throw new Refusal("the database would run a plan step the check does not allow (" + type + ")");
        }
        for (String field : node.propertyNames()) {
            if (!PLAIN_FIELDS.contains(field) && !EXPRESSION_FIELDS.contains(field)) {
                throw new Refusal("its plan has a field the check does not know (" + field + ")");
            }
        }
        maxRows[0] = Math.max(maxRows[0], node.path("Plan Rows").asDouble(0));
        String relation = optionalText(node, "Relation Name");
        if (relation != null) {
            String qualified = text(node, "Schema") + "." + relation;
            if (CATALOG_SCHEMAS.contains(text(node, "Schema").toLowerCase(Locale.ROOT))) {
                throw new Refusal("it reads the system catalog " + qualified);
            }
            Set<String> columns = relations.get(qualified);
            if (columns == null) {
                throw new Refusal("it reads " + qualified + ", which is not published");
            }
            aliases.put(text(node, "Alias"), new Relation(qualified, columns));
        }
        if (type.equals("Function Scan")) {
            String function = optionalText(node, "Function Name");
            if (function != null && !PlanFunctions.scan(optionalText(node, "Schema"), function)) {
                throw new Refusal("it scans the function " + function + ", which is not allowed");
            }
        }
        if (type.equals("Sample Scan") && !SAMPLING_METHODS.contains(optionalText(node, "Sampling Method"))) {
            throw new Refusal("it samples with a method the check does not allow");
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, relations, aliases, maxRows);
        }
    }

    /** Second pass: every expression's columns and calls, once every alias is known. */
    private void check(JsonNode node, boolean root, Map<String, Relation> aliases) {
        for (String field : EXPRESSION_FIELDS) {
            JsonNode value = node.get(field);
            if (value == null || (field.equals("Output") && !root && plainColumns(value))) {
                continue;
            }
            expressions(value, expression -> checkExpression(expression, aliases));
        }
        boolean parentOfRoots = SUBQUERY_PARENTS.contains(text(node, "Node Type"));
        for (JsonNode child : node.path("Plans")) {
            boolean childRoot = parentOfRoots || ROOT_RELATIONSHIPS.contains(optionalText(child, "Parent Relationship"));
            check(child, childRoot, aliases);
        }
    }

    private void checkExpression(String expression, Map<String, Relation> aliases) {
        PlanExpressions.References refs = PlanExpressions.read(expression);
        if (refs == null) {
            throw new Refusal("the check cannot read the plan expression " + expression);
        }
        for (PlanExpressions.ColumnRef ref : refs.columns()) {
            Relation table = aliases.get(ref.qualifier());
            if (table == null) {
                continue; // a subquery's, a function's or a VALUES list's output, judged where it is made
            }
            if (ref.column().equals("*")) {
                throw new Refusal("it reads whole rows of " + table.name() + "; name the columns instead");
            }
            if (!table.columns().contains(ref.column())) {
                throw new Refusal("it reads " + table.name() + "." + ref.column() + ", which is not published");
            }
        }
        for (String function : refs.functions()) {
            if (!PlanFunctions.call(function) && !alsoCalled.contains(function)) {
                throw new Refusal("it calls the function " + function + ", which is not allowed");
            }
        }
        for (String type : refs.casts()) {
            if (type.startsWith("reg") || type.startsWith("pg_catalog.reg")) {
                throw new Refusal("it converts to " + type + ", which looks names up in the system catalog");
            }
        }
        for (String word : refs.words()) {
            if (SESSION_VALUES.contains(word)) {
                throw new Refusal("it reads " + word.toUpperCase(Locale.ROOT) + ", which is about the session, "
                        + "not the data");
            }
        }
    }

    /**
     * What the planner estimated for an {@code EXPLAIN (FORMAT JSON)} result: the root's total cost and the rows of the
     * largest step, as a passed verdict (either null when the plan does not say).
     */
    public static PlanVerdict estimate(JsonNode explain) {
        JsonNode plan = explain.isArray() && !explain.isEmpty() ? explain.get(0).path("Plan") : null;
        if (plan == null || !plan.isObject()) {
            return PlanVerdict.passed(null, null);
        }
        double cost = plan.path("Total Cost").asDouble(Double.NaN);
        return PlanVerdict.passed(Double.isNaN(cost) ? null : cost, largestStep(plan));
    }

    private static double largestStep(JsonNode node) {
        double rows = node.path("Plan Rows").asDouble(0);
        for (JsonNode child : node.path("Plans")) {
            rows = Math.max(rows, largestStep(child));
        }
        return rows;
    }

    private Optional<Problem> budget(JsonNode plan, double maxRows) {
        double cost = plan.path("Total Cost").asDouble(Double.NaN);
        if (Double.isNaN(cost)) {
            return refused("its plan has no cost estimate");
        }
        if (cost > budget.maxCost()) {
            return Optional.of(new Problem(TOO_EXPENSIVE, "The database estimates this query at a cost of "
                    + figure(cost) + ", over the limit of " + figure(budget.maxCost())
                    + "; narrow it (filters, fewer joins, aggregates) and ask again."));
        }
        if (maxRows > budget.maxRows()) {
            return Optional.of(new Problem(TOO_EXPENSIVE, "The database estimates that this query handles "
                    + figure(maxRows) + " rows in one step, over the limit of " + figure(budget.maxRows())
                    + "; narrow it (filters, fewer joins, aggregates) and ask again."));
        }
        return Optional.empty();
    }

    /** A whole number as written, or in scientific notation once it is too long to read (a cross join's cost). */
    private static String figure(double value) {
        return value < 1e15 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2e", value);
    }

    /** Whether an output list holds only plain column references ({@code alias.column}). */
    private static boolean plainColumns(JsonNode output) {
        if (!output.isArray()) {
            return false;
        }
        for (JsonNode item : output) {
            if (!item.isString()) {
                return false;
            }
            PlanExpressions.References refs = PlanExpressions.read(item.stringValue());
            if (refs == null || refs.columns().size() != 1 || !refs.functions().isEmpty()
                    || refs.columns().getFirst().column().equals("*")
                    || !item.stringValue().matches("\"?[^\"().*]+\"?\\.\"?[^\"().*]+\"?")) {
                return false;
            }
        }
        return true;
    }

    /** Every string inside a field's value (a text, a list of texts, the objects of Grouping Sets). */
    private static void expressions(JsonNode value, Consumer<String> each) {
        if (value.isString()) {
            each.accept(value.stringValue());
        } else if (value.isArray() || value.isObject()) {
            for (JsonNode item : value) {
                expressions(item, each);
            }
        } else {
            throw new Refusal("its plan has a value the check does not know (" + value + ")");
        }
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new Refusal("its plan lacks the field " + field);
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static Optional<Problem> refused(String reason) {
        return Optional.of(new Problem(REFUSED, "The database's plan for this query was refused: " + reason + "."));
    }

    /** A scanned relation: its qualified name and the columns it may read. */
    private record Relation(String name, Set<String> columns) {
    }

    /** Ends a judgement with the reason, a sentence fragment. */
    private static final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
