package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The matcher's literal slots beside the embedding (any similarity counts here, so only the slots decide): a word the
 * known SQL holds as a string, lower case or not, is a slot of both questions, and a stored value is replaced only by a
 * value of its own column. A miss is fine; the old SQL for another value is not.
 */
class QuestionIndexTest {

    /** Invoices whose status lists no stored values: the catalog cannot tell that "paid" is a value. */
    private static final SchemaSnapshot UNLISTED = new SchemaSnapshot(1, "billing", "v-1", Instant.EPOCH, List.of(
            new TableSchema("public", "invoices", "table", null, 100, List.of(ColumnSchema.of("id", "integer", false),
                    ColumnSchema.of("status", "text", false), ColumnSchema.of("amount", "numeric", false)),
                    List.of("id"), List.of(), List.of())));

    /** Invoice statuses and client tiers both listed. */
    private static final SchemaSnapshot LISTED = new SchemaSnapshot(1, "billing", "v-1", Instant.EPOCH, List.of(
            new TableSchema("public", "invoices", "table", null, 100, List.of(ColumnSchema.of("id", "integer", false),
                    new ColumnSchema("status", "text", false, null, null, List.of("paid", "overdue", "void"), "check")),
                    List.of("id"), List.of(), List.of()),
            new TableSchema("public", "clients", "table", null, 10, List.of(ColumnSchema.of("id", "integer", false),
                    new ColumnSchema("tier", "text", false, null, null, List.of("gold", "silver"), "check")),
                    List.of("id"), List.of(), List.of())));

    private static Optional<String> match(String known, String sql, String asked, SchemaSnapshot schema) {
        QuestionIndex<String> index = new QuestionIndex<>(10);
        index.put("k", "billing", known, sql, "e-1", Invoices.EMBEDDER);
        return index.match(Probe.of(asked, Invoices.EMBEDDER), schema, k -> true, -1).map(h -> h.rebound().sql());
    }

    @Test
    void aLowerCaseValueTheSqlHoldsIsASlotSoAnotherWordInItsPlaceMisses() {
        String sql = "SELECT count(*) FROM invoices WHERE status = 'paid'";

        assertThat(match("how many paid invoices", sql, "how many overdue invoices", UNLISTED)).isEmpty();
        assertThat(match("How many invoices are paid?", sql, "How many invoices are void?", UNLISTED)).isEmpty();
        assertThat(match("how many paid invoices", sql, "number of PAID invoices", UNLISTED)).contains(sql);
    }

    @Test
    void aLowerCaseNameInALikePatternIsASlotThatIsNotReboundSoAnotherNameMisses() {
        String sql = "SELECT id FROM invoices WHERE status ILIKE '%acme%'";

        assertThat(match("invoices of acme", sql, "invoices of globex", UNLISTED)).isEmpty();
        assertThat(match("invoices of acme", sql, "the invoices of acme", UNLISTED)).contains(sql);
    }

    @Test
    void aStoredValueIsReboundOnlyByAValueOfItsOwnColumn() {
        String sql = "SELECT count(*) FROM invoices WHERE status = 'paid'";

        assertThat(match("how many paid invoices", sql, "how many overdue invoices", LISTED))
                .contains("SELECT count(*) FROM invoices WHERE status = 'overdue'");
        assertThat(match("how many paid invoices", sql, "how many gold invoices", LISTED)).isEmpty();
    }

    @Test
    void aValueTheSqlDoesNotHoldLeavesTheWordsToTheEmbedding() {
        String sql = "SELECT count(*) FROM invoices WHERE amount > 0";

        assertThat(match("how many billed invoices", sql, "how many billed invoices", UNLISTED)).contains(sql);
    }
}
