package io.dbchat.executor.guard;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names one query level can see: its FROM sources and the CTEs in force, with the enclosing
 * level as parent (for correlated subqueries and inherited CTEs).
 */
final class Scope {

    /** A FROM source: a published table (its columns the published ones) or a derived one (its outputs). */
    record Source(String alias, TableSchema table, List<String> columns) {

        boolean isTable() {
            return table != null;
        }

        boolean answersTo(String qualifier, String schema) {
            if (alias != null) {
                return schema == null && alias.equals(qualifier);
            }
            return table != null && table.name().equals(qualifier)
                    && (schema == null || schema.equals(table.schema()));
        }
    }

    private final Scope parent;
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, List<String>> ctes = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope parent() {
        return parent;
    }

    List<Source> sources() {
        return sources;
    }

    void add(Source source) {
        sources.add(source);
    }

    void addCte(String name, List<String> columns) {
        ctes.put(name, columns);
    }

    List<String> cte(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            List<String> columns = s.ctes.get(name);
            if (columns != null) {
                return columns;
            }
        }
        return null;
    }

    Source source(String qualifier, String schema) {
        for (Scope s = this; s != null; s = s.parent) {
            for (Source source : s.sources) {
                if (source.answersTo(qualifier, schema)) {
                    return source;
                }
            }
        }
        return null;
    }

    /** Whether a name that is no visible column names a FROM source, which PostgreSQL reads as its whole row. */
    boolean namesWholeRow(String name) {
        return source(name, null) != null;
    }

    /**
     * Whether an unqualified column resolves to a visible column. PostgreSQL looks at the innermost level
     * first; a published table there may hold an unpublished column of that name, so the search only moves
     * outwards past levels that read no table.
     */
    boolean seesUnqualified(String column) {
        for (Scope s = this; s != null; s = s.parent) {
            for (Source source : s.sources) {
                if (source.columns().contains(column)) {
                    return true;
                }
            }
            if (s.sources.stream().anyMatch(Source::isTable)) {
                return false;
            }
        }
        return false;
    }
}
