package io.dbchat.schemapublisher.catalog;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SqlIdentifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the distinct values of a table's low-cardinality text columns: one bounded query per
 * table ({@code SELECT DISTINCT ... LIMIT max+1} per column), in a read-only transaction with a
 * statement timeout. A timeout or error costs that table's samples only. Values are sorted.
 */
final class ValueSampler {

    private static final Logger log = LoggerFactory.getLogger(ValueSampler.class);
    private static final Set<String> SAMPLED_KINDS = Set.of("table", "view", "materialized view");

    private final Sampling sampling;

    ValueSampler(Sampling sampling) {
        this.sampling = sampling;
    }

    TableSchema sample(Connection db, TableSchema table) {
        List<ColumnSchema> candidates = table.columns().stream().filter(ValueSampler::isCandidate).toList();
        if (candidates.isEmpty() || !SAMPLED_KINDS.contains(table.kind()) || table.rowEstimate() > sampling.maxRows()) {
            return table;
        }
        try {
            List<List<String>> values = distinctValues(db, table, candidates);
            List<ColumnSchema> columns = new ArrayList<>(table.columns());
            for (int i = 0; i < candidates.size(); i++) {
                if (isLowCardinality(values.get(i))) {
                    columns.set(columns.indexOf(candidates.get(i)),
                            CatalogReader.withValues(candidates.get(i), values.get(i), "sample"));
                }
            }
            return new TableSchema(table.schema(), table.name(), table.kind(), table.comment(), table.rowEstimate(),
                    List.copyOf(columns), table.primaryKey(), table.uniqueKeys(), table.foreignKeys());
        } catch (SQLException e) {
            log.warn("No value samples for {}.{}: {}", table.schema(), table.name(), e.getMessage());
            return table;
        }
    }

    /** Text columns whose values the catalog does not already give (enum or CHECK). */
    private static boolean isCandidate(ColumnSchema c) {
        return c.values().isEmpty() && TextTypes.isText(c.type());
    }

    private boolean isLowCardinality(List<String> values) {
        return !values.isEmpty() && values.size() <= sampling.maxDistinct()
                && values.stream().allMatch(v -> v.length() <= sampling.maxValueLength());
    }

    private List<List<String>> distinctValues(Connection db, TableSchema table, List<ColumnSchema> columns)
            throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = " + sampling.timeout().toMillis());
            try (ResultSet rs = statement.executeQuery(query(table, columns))) {
                rs.next();
                List<List<String>> out = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    out.add(sorted(rs.getArray(i)));
                }
                return out;
            }
        } finally {
            db.rollback();
        }
    }

    private String query(TableSchema table, List<ColumnSchema> columns) {
        String from = SqlIdentifiers.quote(table.schema()) + "." + SqlIdentifiers.quote(table.name());
        return "SELECT " + String.join(", ", columns.stream().map(c -> {
            String col = SqlIdentifiers.quote(c.name());
            return "ARRAY(SELECT DISTINCT " + col + "::text FROM " + from + " WHERE " + col + " IS NOT NULL LIMIT "
                    + (sampling.maxDistinct() + 1) + ")";
        }).toList());
    }

    private static List<String> sorted(Array array) throws SQLException {
        String[] values = (String[]) array.getArray();
        Arrays.sort(values);
        return List.of(values);
    }
}
