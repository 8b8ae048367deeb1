package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.KnowledgeEntry;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnowledgeTextTest {

    @Test
    void aLargeKnowledgeBaseStaysWithinTheCharacterBoundInWholeItemsTermsFirst() {
        List<KnowledgeEntry> terms = IntStream.range(0, 200).mapToObj(i -> KnowledgeEntry.term("b", "t-" + i,
                KnowledgeEntry.APPROVED, "ann", Instant.EPOCH, "term " + i, List.of(), "a definition of term " + i,
                "sum(invoices.amount)", KnowledgeEntry.MEASURE, "invoices")).toList();
        List<KnowledgeEntry> examples = List.of(KnowledgeEntry.example("b", "e-1", KnowledgeEntry.APPROVED, "ann",
                Instant.EPOCH, "How many clients?", "SELECT count(*) FROM clients", null));

        String text = KnowledgeText.render(new KnowledgeHints(examples, terms, List.of()), List.of("public.invoices"), 1000);

        assertThat(text.length()).isLessThanOrEqualTo(1000);
        assertThat(text).startsWith("- Term \"term 0\": a definition of term 0\n  As SQL (measure): sum(invoices.amount)\n");
        assertThat(text.lines().filter(l -> l.startsWith("- Term")).count()).isGreaterThan(5);
        assertThat(text).endsWith("\n");
    }

    @Test
    void notesAreShownOnlyForThePromptsTables() {
        List<KnowledgeEntry> docs = List.of(
                KnowledgeEntry.doc("b", "d-1", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH, "invoices", "amount",
                        "Amounts are in euros, tax included"),
                KnowledgeEntry.doc("b", "d-2", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH, "payroll", null,
                        "Not for this prompt"));

        String text = KnowledgeText.render(new KnowledgeHints(List.of(), List.of(), docs), List.of("public.invoices"), 4000);

        assertThat(text).isEqualTo("- Note on invoices.amount: Amounts are in euros, tax included\n");
        assertThat(KnowledgeText.render(KnowledgeHints.NONE, List.of(), 4000)).isEqualTo("(none)\n");
    }
}
