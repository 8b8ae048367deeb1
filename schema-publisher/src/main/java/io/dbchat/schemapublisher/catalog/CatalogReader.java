package io.dbchat.schemapublisher.catalog;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a database exposes under an {@link ExposurePolicy}: tables and views with columns, keys,
 * foreign keys, comments, row estimates and allowed values (enum, then CHECK, then samples), sorted by
 * schema and name. The catalog is read in one repeatable-read transaction so it is self-consistent.
 */
public final class CatalogReader {

    private static final Logger log = LoggerFactory.getLogger(CatalogReader.class);

    private final ExposurePolicy policy;
    private final Sampling sampling;
    // Warned once per database and table: the same refusal every minute would bury other warnings.
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public CatalogReader(ExposurePolicy policy, Sampling sampling) {
        this.policy = policy;
        this.sampling = sampling;
    }

    public List<TableSchema> read(Connection db) throws SQLException {
        db.setReadOnly(true);
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        CatalogRows rows;
        try {
            rows = CatalogRows.read(db);
        } finally {
            db.rollback();
        }
        db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        List<TableSchema> tables = new ArrayList<>(exposed(rows, db.getCatalog()));
        if (sampling.enabled()) {
            ValueSampler sampler = new ValueSampler(sampling);
            tables.replaceAll(t -> sampler.sample(db, t));
        }
        return List.copyOf(tables);
    }

    private List<TableSchema> exposed(CatalogRows rows, String database) {
        Map<Long, Map<Integer, String>> names = new HashMap<>();
        rows.columns().forEach(c -> names.computeIfAbsent(c.relid(), k -> new HashMap<>()).put(c.attnum(), c.name()));
        Map<Long, CatalogRows.Relation> relations = new HashMap<>();
        for (CatalogRows.Relation r : rows.relations()) {
            if (!policy.table(r.schema(), r.name())) {
                continue;
            }
            if (r.readable()) {
                relations.put(r.oid(), r);
            } else if (warned.add(database + "/" + r.schema() + "." + r.name())) {
                log.warn("Skipping {}.{} of database {}: the role may not read it", r.schema(), r.name(), database);
            }
        }
        Map<Long, TableDraft> drafts = new HashMap<>();
        relations.values().forEach(r -> drafts.put(r.oid(), new TableDraft(r, relations, names, policy)));
        rows.columns().stream().filter(c -> drafts.containsKey(c.relid()))
                .forEach(c -> drafts.get(c.relid()).addColumn(c, rows.enumLabels().get(c.typeOid())));
        rows.constraints().stream().filter(c -> drafts.containsKey(c.relid()))
                .forEach(c -> drafts.get(c.relid()).addConstraint(c));
        return drafts.values().stream().map(TableDraft::build)
                .sorted(Comparator.comparing(TableSchema::schema).thenComparing(TableSchema::name))
                .toList();
    }

    /** The column with these allowed or observed values, from {@code source}: "enum", "check" or "sample". */
    static ColumnSchema withValues(ColumnSchema c, List<String> values, String source) {
        return new ColumnSchema(c.name(), c.type(), c.nullable(), c.defaultValue(), c.comment(), values, source);
    }
}
