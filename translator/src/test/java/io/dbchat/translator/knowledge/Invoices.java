package io.dbchat.translator.knowledge;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmStub;
import io.dbchat.translator.Translator;
import io.dbchat.translator.llm.InteractionLog;
import io.dbchat.translator.llm.LlmTranslator;
import io.dbchat.translator.llm.Prices;
import io.dbchat.translator.llm.Resilience;
import io.dbchat.translator.prompt.PromptBuilder;
import io.dbchat.translator.prompt.PromptTemplate;
import io.dbchat.translator.prompt.SchemaSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A billing schema (clients and their invoices, a status enum), one shared embedding model, and a model on a stub. */
final class Invoices {

    /** Loaded once for every test of the package: the model takes a second to load. */
    static final Embedder EMBEDDER = new Embedder(AllMiniLmL6V2EmbeddingModel::new);

    static final SchemaSnapshot SCHEMA = schema("v-1");

    private Invoices() {
    }

    static SchemaSnapshot schema(String version) {
        return new SchemaSnapshot(1, "billing", version, Instant.EPOCH, List.of(
                new TableSchema("public", "clients", "table", null, 10, List.of(ColumnSchema.of("id", "integer", false),
                        ColumnSchema.of("name", "text", false)), List.of("id"), List.of(), List.of()),
                new TableSchema("public", "invoices", "table", null, 100, List.of(ColumnSchema.of("id", "integer", false),
                        ColumnSchema.of("client_id", "integer", false), ColumnSchema.of("amount", "numeric(12,2)", false),
                        new ColumnSchema("status", "invoice_status", false, null, null, List.of("Paid", "Open", "Void"),
                                "enum"),
                        ColumnSchema.of("issued_on", "date", false)), List.of("id"), List.of(),
                        List.of(new ForeignKey("invoices_client_fk", List.of("client_id"), "public", "clients",
                                List.of("id"))))));
    }

    /** The offline translator behind the team's knowledge, for a principal no policy restricts. */
    static WithKnowledge offline(KnowledgeView knowledge) {
        return new WithKnowledge(new io.dbchat.translator.offline.OfflineTranslator(
                io.dbchat.translator.offline.OfflineSettings.lexical()), knowledge, null, EMBEDDER,
                io.dbchat.contracts.policy.PolicyStore.none(), new KnowledgeMeters(new SimpleMeterRegistry()),
                WithKnowledge.Settings.defaults());
    }

    /** The real LLM translator (LangChain4j's OpenAI client) with the knowledge prompt, on the stub. */
    static Translator model(LlmStub stub) {
        var p = new LlmProperties("openai", "stub-model", 0, Duration.ofSeconds(10), 256, 0,
                Map.of("openai", new LlmProperties.Endpoint(null, stub.openAiBaseUrl(), null)));
        var prompts = new PromptBuilder(PromptTemplate.load("translate-v2", null), new SchemaSelector(6000, () -> null),
                "PostgreSQL", 100, 4000);
        var resilience = new Resilience(new Resilience.Settings(0, Duration.ofMillis(100), Duration.ofSeconds(1), 50,
                Duration.ofSeconds(5)), Clock.systemUTC());
        return new LlmTranslator(ChatModels.chat(p), "openai", "stub-model", prompts, resilience,
                new InteractionLog(new SimpleMeterRegistry()), Prices.defaults(), Clock.systemUTC());
    }
}
