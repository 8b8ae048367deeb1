package io.dbchat.interpreter.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatedAnswersTest {

    static final QuestionAsked Q = QuestionAsked.of("q", "c", "p", "demo", "?", Instant.EPOCH);

    @Test
    void countsAreSentencesWithThousandsSeparators() {
        assertThat(answer("SELECT count(*) AS count FROM users", List.of(col("count", "int8")), row(1234L)))
                .isEqualTo("There are 1,234 users.");
    }

    @Test
    void aCountOfOneIsSingular() {
        assertThat(answer("SELECT count(*) AS count FROM time_entries", List.of(col("count", "int8")), row(1L)))
                .isEqualTo("There is 1 time entry.");
    }

    @Test
    void aSingleValueKeepsItsDecimalScale() {
        assertThat(answer("SELECT sum(budget) AS total_budget FROM projects", List.of(col("total_budget", "numeric")),
                row(new BigDecimal("1234567.50"))))
                .isEqualTo("The total budget is 1,234,567.50.");
    }

    @Test
    void anEmptyResultSaysNothingMatched() {
        assertThat(answer("SELECT id FROM projects WHERE status = 'On Hold'", List.of(col("id", "int4"))))
                .isEqualTo("No projects matched your question.");
    }

    @Test
    void aSingleRowIsDescribedField1ByField() {
        assertThat(answer("SELECT full_name, email FROM users LIMIT 1",
                List.of(col("full_name", "text"), col("email", "text")), row("Ada Lovelace", null)))
                .isEqualTo("I found one user: full name Ada Lovelace, email (empty).");
    }

    @Test
    void aTruncatedListSaysThereAreMore() {
        var p = SqlProposed.of(Q, "SELECT id FROM \"Order Lines\"", 1, TranslatorInfo.offline("v"), Usage.NONE, 0, "v");
        var r = QueryAnswered.of(p, List.of(col("id", "int4")), List.of(row(1), row(2)), true, 1);

        assertThat(TemplatedAnswers.answer(r)).isEqualTo("Here are 2 order lines. There are more; only the first 2 are shown.");
    }

    @Test
    void aRejectionIsAnsweredWithItsReason() {
        var r = QueryRejected.of(Q, null, null, ErrorCode.UNTRANSLATABLE.problem("I could not tell which table."));

        assertThat(TemplatedAnswers.answer(r)).isEqualTo("I could not tell which table.");
    }

    @SafeVarargs
    private static String answer(String sql, List<ColumnMeta> columns, List<Object>... rows) {
        var p = SqlProposed.of(Q, sql, 1, TranslatorInfo.offline("v"), Usage.NONE, 0, "v");
        return TemplatedAnswers.answer(QueryAnswered.of(p, columns, List.of(rows), false, 1));
    }

    private static ColumnMeta col(String name, String type) {
        return new ColumnMeta(name, type);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
