package io.dbchat.executor.guard;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.policy.AccessPolicies;
import io.dbchat.contracts.policy.DatasourcePolicies;
import io.dbchat.contracts.policy.PolicySubject;
import io.dbchat.contracts.policy.SchemaView;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;

/**
 * One principal's access policies over one datasource: the schema it may see ({@link SchemaView}), and each policed
 * table's row filter with the principal's attribute values bound in as string literals (quotes doubled, written by
 * this class, never copied from the configuration; the bound filter must read back exactly as written, and a value
 * holding a backslash, which PostgreSQL and the parser would read differently, cannot be bound), or {@code false}
 * when the principal lacks an attribute the filter names. {@link #key()} tells scopes apart in the guard's caches: two scopes with the same key rewrite every statement
 * alike, and the key of {@link #NONE} is empty, so statements of principals under no policy share cache entries.
 */
public final class PolicyScope {

    public static final PolicyScope NONE = new PolicyScope(null, DatasourcePolicies.NONE, PolicySubject.NOBODY);

    /** A table's row filter bound to the principal: the policy's name and the expression, or why it cannot be bound. */
    record Filter(String name, Expression bound, String fault) {
    }

    private final String version;
    private final DatasourcePolicies policies;
    private final PolicySubject subject;
    private final String key;
    private final Map<String, Filter> filters = new ConcurrentHashMap<>();

    private PolicyScope(String version, DatasourcePolicies policies, PolicySubject subject) {
        this.version = version;
        this.policies = policies;
        this.subject = subject;
        this.key = policies.isEmpty() ? "" : version + '\u0001' + new TreeMap<>(subject.attributes());
    }

    /** The scope of a principal with these attributes over a datasource, under the policies in force. */
    public static PolicyScope of(AccessPolicies all, String datasource, PolicySubject subject) {
        DatasourcePolicies policies = all.of(datasource);
        return policies.isEmpty() ? NONE : new PolicyScope(all.version(), policies, subject);
    }

    public boolean isNone() {
        return policies.isEmpty();
    }

    String key() {
        return key;
    }

    /** The snapshot as this principal may see it: the guard checks statements against it. */
    SchemaSnapshot view(SchemaSnapshot schema) {
        return SchemaView.of(schema, policies, subject);
    }

    /** Whether some of the table's columns are hidden from this principal. */
    boolean hidesColumnsOf(TableSchema table) {
        return !policies.hiddenColumns(table, subject.roles()).isEmpty();
    }

    /** The table's row filter bound to this principal, or null when the table has none. */
    Filter filter(TableSchema table) {
        DatasourcePolicies.RowPolicy policy = policies.rowPolicy(table);
        return policy == null ? null : filters.computeIfAbsent(policy.name(), name -> bind(policy));
    }

    private Filter bind(DatasourcePolicies.RowPolicy policy) {
        Expression parsed;
        try {
            parsed = CCJSqlParserUtil.parseCondExpression(policy.filter(), false);
        } catch (JSQLParserException | RuntimeException e) {
            return new Filter(policy.name(), null, "its filter cannot be read");
        }
        Binder binder = new Binder(subject);
        try {
            parsed.accept(binder, null);
        } catch (RuntimeException e) {
            return new Filter(policy.name(), null, "its filter cannot be bound");
        }
        if (binder.fault != null) {
            return new Filter(policy.name(), null, binder.fault);
        }
        if (!binder.missing.isEmpty()) {
            // a principal without the attribute gets nothing from the table, never everything
            return new Filter(policy.name(), new BooleanValue(false), null);
        }
        String bound = binder.getBuilder().toString();
        try {
            Expression read = CCJSqlParserUtil.parseCondExpression(bound, false);
            // read back exactly as written, or the parser took a literal for something else
            Binder again = new Binder(subject);
            read.accept(again, null);
            return again.getBuilder().toString().equals(bound) ? new Filter(policy.name(), read, null)
                    : new Filter(policy.name(), null, "its bound filter does not read back as written");
        } catch (JSQLParserException | RuntimeException e) {
            return new Filter(policy.name(), null, "its filter cannot be bound");
        }
    }

    /** Writes the filter back as SQL with each {@code :name} replaced by the attribute's value as a string literal. */
    private static final class Binder extends ExpressionDeParser {

        private final PolicySubject subject;
        private final Set<String> missing = new java.util.TreeSet<>();
        private String fault;

        Binder(PolicySubject subject) {
            this.subject = subject;
        }

        @Override
        public <S> StringBuilder visit(JdbcNamedParameter parameter, S context) {
            String value = subject.attribute(parameter.getName());
            if (value == null) {
                missing.add(parameter.getName());
                return getBuilder().append("NULL");
            }
            // PostgreSQL reads a backslash in a standard string as itself, the parser as an escape: never let them differ
            if (value.indexOf('\0') >= 0 || value.indexOf('\\') >= 0) {
                fault = "the attribute '" + parameter.getName() + "' holds a NUL or backslash character";
                return getBuilder();
            }
            new Shape.Literal(Shape.Type.STRING, value).appendTo(getBuilder());
            return getBuilder();
        }

        @Override
        public <S> StringBuilder visit(JdbcParameter parameter, S context) {
            fault = "its filter holds a positional parameter";
            return getBuilder();
        }
    }
}
