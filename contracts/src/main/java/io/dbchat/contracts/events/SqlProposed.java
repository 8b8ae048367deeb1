package io.dbchat.contracts.events;

import java.util.List;

/**
 * A translator proposes SQL for a question; attempt 1 is the first try, later attempts follow a
 * {@link SqlFailed}. Keyed by conversation id on the {@code sql} topic. {@code usage} sums all model calls of
 * the translation; {@code interactions} lists each of them (retries and malformed replies included), oldest
 * first, and is empty for a translator that calls no model and in events written before it existed.
 * {@code understanding} says which words the translator used, assumed or ignored; null when the translator does not
 * report it (a model's translation) and in events written before it existed. {@code source} says where the SQL came
 * from (a model, the rules, an approved example, the semantic cache); null in events written before it existed.
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
        String schemaVersion,
        List<LlmInteraction> interactions,
        Understanding understanding,
        SqlSource source) {

    public static final int VERSION = 1;

    public SqlProposed {
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }

    /** Without a list of model calls, as events were before it. */
    public SqlProposed(int v, String queryId, QuestionAsked question, String sql, int attempt, TranslatorInfo translator,
                       Usage usage, long latencyMs, String schemaVersion) {
        this(v, queryId, question, sql, attempt, translator, usage, latencyMs, schemaVersion, List.of(), null, null);
    }

    /** Without an understanding, as events were before it. */
    public SqlProposed(int v, String queryId, QuestionAsked question, String sql, int attempt, TranslatorInfo translator,
                       Usage usage, long latencyMs, String schemaVersion, List<LlmInteraction> interactions) {
        this(v, queryId, question, sql, attempt, translator, usage, latencyMs, schemaVersion, interactions, null, null);
    }

    /** Without a source, as events were before it. */
    public SqlProposed(int v, String queryId, QuestionAsked question, String sql, int attempt, TranslatorInfo translator,
                       Usage usage, long latencyMs, String schemaVersion, List<LlmInteraction> interactions,
                       Understanding understanding) {
        this(v, queryId, question, sql, attempt, translator, usage, latencyMs, schemaVersion, interactions,
                understanding, null);
    }

    public static SqlProposed of(QuestionAsked question, String sql, int attempt, TranslatorInfo translator,
                                 Usage usage, long latencyMs, String schemaVersion) {
        return of(question, sql, attempt, translator, usage, latencyMs, schemaVersion, List.of());
    }

    public static SqlProposed of(QuestionAsked question, String sql, int attempt, TranslatorInfo translator,
                                 Usage usage, long latencyMs, String schemaVersion, List<LlmInteraction> interactions) {
        return of(question, sql, attempt, translator, usage, latencyMs, schemaVersion, interactions, null);
    }

    public static SqlProposed of(QuestionAsked question, String sql, int attempt, TranslatorInfo translator,
                                 Usage usage, long latencyMs, String schemaVersion, List<LlmInteraction> interactions,
                                 Understanding understanding) {
        return new SqlProposed(VERSION, question.queryId(), question, sql, attempt, translator, usage,
                latencyMs, schemaVersion, interactions, understanding, null);
    }

    /** The same proposal, saying where its SQL came from. */
    public SqlProposed withSource(SqlSource from) {
        return new SqlProposed(v, queryId, question, sql, attempt, translator, usage, latencyMs, schemaVersion,
                interactions, understanding, from);
    }
}
