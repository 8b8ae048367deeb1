package io.dbchat.gateway.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.DisplayText;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Understanding;
import java.util.List;
import java.util.Map;

/**
 * The answer body of the synchronous API, shaped like the original db_chat's: snake_case, columns as a
 * list of names with their types beside them. {@code problem} says why there are no rows, when so;
 * {@code understanding} what the translator read, assumed and left out of the question, when it says.
 * {@code truncated} is true when a limit cut the rows, the executor's row cap or the listing limit the
 * translator added; {@code row_estimate} is then the catalog's estimate of all the rows, when known.
 * {@code edited} marks SQL that a person or an agent wrote or edited and ran as written, past the translator.
 * {@code display} is how the rows read in the words' own formatting (each column's kind, each cell's text where it
 * differs from the value), for clients that show the rows as the reply says them; null when there are none.
 */
public record SyncAnswer(
        String reply,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("query_id") String queryId,
        String sql,
        List<String> columns,
        @JsonProperty("column_types") List<String> columnTypes,
        List<List<Object>> rows,
        @JsonProperty("row_count") long rowCount,
        boolean truncated,
        Map<String, Object> chart,
        String translator,
        Problem problem,
        Understanding understanding,
        @JsonProperty("row_estimate") Long rowEstimate,
        boolean edited,
        DisplayText display) {

    public static SyncAnswer of(ReplyEvent fin) {
        FinalAnswer a = fin.answer();
        List<ColumnMeta> columns = a.columns() == null ? List.of() : a.columns();
        boolean cut = a.truncated() || cutByListLimit(a.understanding(), a.rowCount());
        Long estimate = cut && a.understanding() != null ? a.understanding().estimatedRows() : null;
        return new SyncAnswer(a.reply(), fin.conversationId(), fin.queryId(), a.sql(),
                columns.stream().map(ColumnMeta::name).toList(),
                columns.stream().map(ColumnMeta::type).toList(),
                a.rows() == null ? List.of() : a.rows(),
                a.rowCount(), cut, a.chart(), a.translator(), a.problem(), a.understanding(),
                estimate != null && estimate > a.rowCount() ? estimate : null,
                a.translator() != null && a.translator().startsWith(TranslatorInfo.USER), a.display());
    }

    /** The translator's own listing limit was reached, so there may be more rows (the reply says so too). */
    private static boolean cutByListLimit(Understanding u, long rowCount) {
        return u != null && u.listLimit() != null && rowCount >= u.listLimit();
    }
}
