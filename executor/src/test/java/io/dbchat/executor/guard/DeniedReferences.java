package io.dbchat.executor.guard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * An oracle independent of the guard: parses a statement and walks every object JSqlParser built (by reflection over
 * all public getters, so no node type can be skipped by a visitor that does not know it), collecting the names of every
 * {@link Column} and {@link Table} node, then says which of them are denied.
 */
final class DeniedReferences {

    /** Getters that lead out of a node (to its parent, its class, the parser's own tree), never to a child. */
    private static final Set<String> NOT_CHILDREN = Set.of("getClass", "getParent", "getASTNode");

    private DeniedReferences() {
    }

    /** The denied names the statement mentions as a column or a table; empty when it mentions none. */
    static Set<String> in(String sql, Set<String> deniedColumns, Set<String> deniedTables) {
        Set<String> found = new TreeSet<>();
        for (Object node : nodes(parse(sql))) {
            if (node instanceof Column c && deniedColumns.contains(plain(c.getColumnName()))) {
                found.add("column " + c.getFullyQualifiedName());
            } else if (node instanceof Table t && t.getName() != null && deniedTables.contains(plain(t.getName()))) {
                found.add("table " + t.getFullyQualifiedName());
            }
        }
        return found;
    }

    private static Object parse(String sql) {
        try {
            return CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            throw new IllegalArgumentException("cannot parse " + sql, e);
        }
    }

    private static String plain(String name) {
        String n = name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
        return n.toLowerCase(Locale.ROOT);
    }

    private static Set<Object> nodes(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object o = pending.pop();
            if (!seen.add(o)) {
                continue;
            }
            switch (o) {
                case Collection<?> c -> c.stream().filter(Objects::nonNull).forEach(pending::push);
                case Map<?, ?> m -> {
                    m.keySet().stream().filter(Objects::nonNull).forEach(pending::push);
                    m.values().stream().filter(Objects::nonNull).forEach(pending::push);
                }
                case Object[] a -> Arrays.stream(a).filter(Objects::nonNull).forEach(pending::push);
                default -> {
                    if (o.getClass().getName().startsWith("net.sf.jsqlparser.")) {
                        children(o, pending);
                    }
                }
            }
        }
        return seen;
    }

    /** Every public getter (the parser's module does not open its fields), so every child a node exposes. */
    private static void children(Object o, Deque<Object> pending) {
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && !m.getReturnType().isPrimitive()
                    && m.getName().startsWith("get") && !NOT_CHILDREN.contains(m.getName())) {
                try {
                    Object child = m.invoke(o);
                    if (child != null) {
                        pending.push(child);
                    }
                } catch (InvocationTargetException e) {
                    // convenience getters that cast the node (getPlainSelect) or pick one of a list that another
                    // getter returns whole (getOnExpression of getOnExpressions) fail on some nodes: not children
                    if (!(e.getCause() instanceof RuntimeException)) {
                        throw new IllegalStateException("cannot read " + m, e);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + m, e);
                }
            }
        }
    }
}
