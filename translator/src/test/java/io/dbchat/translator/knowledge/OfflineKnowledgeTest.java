package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.offline.OfflineSettings;
import io.dbchat.translator.offline.OfflineTranslator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The offline translator with the team's knowledge: examples re-bound or left to the rules, measure terms answered. */
class OfflineKnowledgeTest {

    private final KnowledgeView knowledge = new KnowledgeView(Invoices.EMBEDDER, 100);
    private WithKnowledge translator;

    @BeforeEach
    void teach() {
        translator = Invoices.offline(knowledge);
        approve(KnowledgeEntry.example("billing", "e-1", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH,
                "How many paid invoices over 500 were issued in 2024?",
                "SELECT count(*) FROM invoices WHERE status = 'Paid' AND amount > 500 AND EXTRACT(YEAR FROM issued_on) = 2024",
                null));
        approve(KnowledgeEntry.example("billing", "e-2", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH,
                "Which invoices were issued in 2024?",
                "SELECT id FROM invoices WHERE issued_on >= '2024-01-01' AND issued_on < '2025-01-01' LIMIT 100", null));
        approve(KnowledgeEntry.term("billing", "t-1", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH, "revenue",
                List.of("turnover"), "Money from paid invoices",
                "sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid')", KnowledgeEntry.MEASURE, "invoices"));
    }

    private void approve(KnowledgeEntry entry) {
        knowledge.apply(entry.key(), entry);
    }

    private Translation translate(String question) {
        var q = QuestionAsked.of("q-1", "c-1", "ann", "billing", question, Instant.EPOCH);
        return translator.translate(TranslationRequest.first(q, Invoices.SCHEMA, List.of()));
    }

    private Translation.Sql ask(String question) {
        return (Translation.Sql) translate(question);
    }

    @Test
    void aQuestionMatchingAnExampleIsAnsweredFromItWithItsOwnLiteralsAndSaysSo() {
        Translation.Sql sql = ask("How many open invoices over 900 were issued in 2021?");

        assertThat(sql.sql()).isEqualTo(
                "SELECT count(*) FROM invoices WHERE status = 'Open' AND amount > 900 AND EXTRACT(YEAR FROM issued_on) = 2021");
        assertThat(sql.source().kind()).isEqualTo(SqlSource.EXAMPLE);
        assertThat(sql.source().entryId()).isEqualTo("e-1");
        assertThat(sql.source().note()).contains("verified example", "Open for Paid", "900 for 500", "2021 for 2024");
        assertThat(sql.understanding().understood().getFirst()).startsWith("answered from the verified example");
    }

    @Test
    void whenTheExamplesLiteralsCannotBeReboundTheRulesAnswer() {
        Translation.Sql sql = ask("Which invoices were issued in 2023?");

        assertThat(sql.source()).isNull();
        assertThat(sql.translator()).isEqualTo(OfflineTranslator.INFO);
        assertThat(sql.sql()).contains("'2023-01-01'").doesNotContain("'2025-01-01'");
    }

    @Test
    void aMeasureTermIsAnsweredFromItsExpressionPerPeriodPerReferencedTableAndInAYear() {
        assertThat(ask("revenue per month").sql()).isEqualTo("SELECT date_trunc('month', invoices.issued_on)::date AS month, "
                + "sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid') AS revenue FROM invoices GROUP BY 1 ORDER BY 1");
        assertThat(ask("What was our turnover by client in 2024?").sql()).isEqualTo("SELECT clients.name AS client, "
                + "sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid') AS revenue FROM invoices "
                + "JOIN clients ON clients.id = invoices.client_id WHERE EXTRACT(YEAR FROM invoices.issued_on) = 2024 "
                + "GROUP BY 1 ORDER BY 2 DESC");
        Translation.Sql total = ask("total revenue");
        assertThat(total.sql()).isEqualTo("SELECT sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid') AS revenue "
                + "FROM invoices");
        assertThat(total.source().entryId()).isEqualTo("t-1");
        assertThat(total.understanding().understood()).first().asString().startsWith("the term 'revenue'");
    }

    @Test
    void aPrincipalWhoseViewPoliciesCutIsNotAnsweredFromKnowledge(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var file = java.nio.file.Files.writeString(dir.resolve("policies.yml"), """
                datasources:
                  billing:
                    columns:
                      invoices:
                        amount: [finance]
                """);
        translator = new WithKnowledge(new OfflineTranslator(OfflineSettings.lexical()), knowledge, null,
                Invoices.EMBEDDER, new PolicyStore(file, java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC()),
                new KnowledgeMeters(new SimpleMeterRegistry()), WithKnowledge.Settings.defaults());

        assertThat(translate("How many open invoices over 900 were issued in 2021?").translator())
                .isNotEqualTo(WithKnowledge.EXAMPLES);
        assertThat(translate("revenue per month").translator()).isNotEqualTo(WithKnowledge.TERMS);
    }

    @Test
    void aQuestionWithEarlierTurnsIsNotAnsweredFromKnowledgeAndItsSqlIsNeverCached() {
        var q = QuestionAsked.of("q-2", "c-1", "ann", "billing", "How many paid invoices over 500 were issued in 2024?",
                Instant.EPOCH);
        var earlier = new io.dbchat.translator.context.Turn(null, "Show the invoices of \"Acme\"",
                "SELECT * FROM invoices WHERE client_id = 1", null);

        var done = (Translation.Sql) translator.translate(TranslationRequest.first(q, Invoices.SCHEMA, List.of(earlier)));

        assertThat(done.translator()).isEqualTo(OfflineTranslator.INFO);
        assertThat(done.source().note()).isEqualTo(WithKnowledge.FOLLOW_UP);
        var byModel = io.dbchat.contracts.events.SqlProposed.of(q, done.sql(), 1,
                new io.dbchat.contracts.events.TranslatorInfo("openai", "m", "translate-v2"),
                io.dbchat.contracts.events.Usage.NONE, 1, "v-1").withSource(
                new SqlSource(SqlSource.MODEL, null, null, WithKnowledge.FOLLOW_UP));
        assertThat(CachedQuery.of(io.dbchat.contracts.events.QueryAnswered.of(byModel, List.of(), List.of(), false, 1),
                Instant.EPOCH)).isNull();
        assertThat(CachedQuery.of(io.dbchat.contracts.events.QueryAnswered.of(byModel.withSource(SqlSource.model()),
                List.of(), List.of(), false, 1), Instant.EPOCH)).isNotNull();
    }

    @Test
    void aTermWithWordsItCannotPlaceIsLeftToTheRules() {
        Translation translation = translate("revenue of the largest invoices per month");

        assertThat(translation.translator()).isEqualTo(OfflineTranslator.INFO);
    }
}
