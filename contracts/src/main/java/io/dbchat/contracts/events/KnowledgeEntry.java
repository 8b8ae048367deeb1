package io.dbchat.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * One piece of what a team taught dbchat about a datasource, on the compacted {@code knowledge} topic, keyed by
 * {@link #key(String, String)}; a deleted entry is a tombstone (null value) under its key.
 *
 * <p>{@code kind} is one of {@link #EXAMPLE} (a {@code question} and the {@code sql} that answers it), {@link #TERM}
 * (a business term: {@code name}, {@code synonyms}, a {@code definition} in words and, where it has one, an SQL
 * {@code expression}; {@code expressionKind} says whether it is a {@link #MEASURE} such as
 * {@code sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid')} or a {@link #CONDITION} on {@code table}) or
 * {@link #DOC} (a {@code note} about {@code table} and, optionally, {@code column}). {@code status} is
 * {@link #PROPOSED} or {@link #APPROVED}; only approved entries are used to answer. {@code sourceQueryId} names the
 * answer a feedback mark proposed it from; {@code revision} grows with each save, so what depended on an entry can tell
 * that it changed.
 */
public record KnowledgeEntry(
        int v,
        String datasource,
        String id,
        String kind,
        String status,
        String author,
        Instant at,
        String question,
        String sql,
        String name,
        List<String> synonyms,
        String definition,
        String expression,
        String expressionKind,
        String table,
        String column,
        String note,
        String approvedBy,
        String sourceQueryId,
        long revision) {

    public static final int VERSION = 1;

    public static final String EXAMPLE = "example";
    public static final String TERM = "term";
    public static final String DOC = "doc";

    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";

    public static final String MEASURE = "measure";
    public static final String CONDITION = "condition";

    public KnowledgeEntry {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }

    /** The topic key of an entry: entries of different datasources never collide. */
    public static String key(String datasource, String id) {
        return datasource + "/" + id;
    }

    public String key() {
        return key(datasource, id);
    }

    public boolean approved() {
        return APPROVED.equals(status);
    }

    public static KnowledgeEntry example(String datasource, String id, String status, String author, Instant at,
                                         String question, String sql, String sourceQueryId) {
        return new KnowledgeEntry(VERSION, datasource, id, EXAMPLE, status, author, at, question, sql, null, List.of(),
                null, null, null, null, null, null, null, sourceQueryId, 1);
    }

    public static KnowledgeEntry term(String datasource, String id, String status, String author, Instant at,
                                      String name, List<String> synonyms, String definition, String expression,
                                      String expressionKind, String table) {
        return new KnowledgeEntry(VERSION, datasource, id, TERM, status, author, at, null, null, name, synonyms,
                definition, expression, expressionKind, table, null, null, null, null, 1);
    }

    public static KnowledgeEntry doc(String datasource, String id, String status, String author, Instant at,
                                     String table, String column, String note) {
        return new KnowledgeEntry(VERSION, datasource, id, DOC, status, author, at, null, null, null, List.of(), null,
                null, null, table, column, note, null, null, 1);
    }

    /** The same entry approved by {@code admin} at {@code when}, one revision later. */
    public KnowledgeEntry approve(String admin, Instant when) {
        return new KnowledgeEntry(v, datasource, id, kind, APPROVED, author, when, question, sql, name, synonyms,
                definition, expression, expressionKind, table, column, note, admin, sourceQueryId, revision + 1);
    }
}
