package io.dbchat.contracts.events;

/**
 * A translator proposes SQL for a question; attempt 1 is the first try, later attempts follow a
 * {@link SqlFailed}. Keyed by conversation id on the {@code sql} topic.
 */
public record SqlProposed(
        int v,
        String queryId,
        QuestionAsked question,
        String sql,
        int attempt,
        TranslatorInfo translator,
        Usage usage,
        long latencyMs,
        String schemaVersion) {

    public static final int VERSION = 1;

    public static SqlProposed of(QuestionAsked question, String sql, int attempt, TranslatorInfo translator,
                                 Usage usage, long latencyMs, String schemaVersion) {
        return new SqlProposed(VERSION, question.queryId(), question, sql, attempt, translator, usage,
                latencyMs, schemaVersion);
    }
}
