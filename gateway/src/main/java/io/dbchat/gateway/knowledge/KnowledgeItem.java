package io.dbchat.gateway.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbchat.contracts.events.KnowledgeEntry;
import java.time.Instant;
import java.util.List;

/**
 * A knowledge entry as the API reads and writes it (snake_case, empty fields left out). In a request only the
 * entry's content counts ({@code id} on create, {@code kind} and the fields of its kind, {@code status} for an admin,
 * {@code revision} to refuse a stale update); {@code author}, {@code at} and {@code approved_by} are the server's.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KnowledgeItem(
        String id,
        String datasource,
        String kind,
        String status,
        String question,
        String sql,
        String name,
        List<String> synonyms,
        String definition,
        String expression,
        @JsonProperty("expression_kind") String expressionKind,
        String table,
        String column,
        String note,
        String author,
        Instant at,
        @JsonProperty("approved_by") String approvedBy,
        @JsonProperty("source_query_id") String sourceQueryId,
        Long revision) {

    public KnowledgeItem {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }

    public static KnowledgeItem of(KnowledgeEntry e) {
        return new KnowledgeItem(e.id(), e.datasource(), e.kind(), e.status(), e.question(), e.sql(), e.name(),
                e.synonyms(), e.definition(), e.expression(), e.expressionKind(), e.table(), e.column(), e.note(),
                e.author(), e.at(), e.approvedBy(), e.sourceQueryId(), e.revision());
    }

    /** The entry this content makes, with what the server decides about it. */
    KnowledgeEntry toEntry(String datasource, String id, String status, String author, Instant at, String approvedBy,
                           String sourceQueryId, long revision) {
        return new KnowledgeEntry(KnowledgeEntry.VERSION, datasource, id, kind, status, author, at, question, sql, name,
                synonyms, definition, expression, expressionKind, table, column, note, approvedBy, sourceQueryId,
                revision);
    }
}
