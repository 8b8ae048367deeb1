package io.dbchat.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Azure OpenAI against the stub. The Azure client sends its key only over HTTPS, so the stub serves TLS with a
 * certificate this JVM is told to trust ({@code javax.net.ssl.trustStore}, restored afterwards).
 */
class AzureOpenAiProviderTest {

    static final String[] TRUST = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
            "javax.net.ssl.trustStoreType"};
    static final String[] saved = new String[TRUST.length];
    static LlmStub stub;

    @BeforeAll
    static void start() throws Exception {
        var tls = SelfSignedTls.create();
        String[] values = {tls.store().toString(), tls.password(), "PKCS12"};
        for (int i = 0; i < TRUST.length; i++) {
            saved[i] = System.setProperty(TRUST[i], values[i]);
        }
        stub = new LlmStub(tls.serverContext());
    }

    @AfterAll
    static void stop() {
        stub.close();
        for (int i = 0; i < TRUST.length; i++) {
            if (saved[i] == null) {
                System.clearProperty(TRUST[i]);
            } else {
                System.setProperty(TRUST[i], saved[i]);
            }
        }
    }

    @Test
    void callsTheDeploymentWithItsKeyApiVersionAndTemperatureZeroPlainAndStreamed() throws Exception {
        stub.enqueue(LlmStub.Reply.text("SELECT count(*) FROM users"), LlmStub.Reply.text("There are 600 users."));
        var p = ChatModelsTest.bind(Map.of("provider", "azure-openai", "model", "sql-writer",
                "endpoints.azure-openai.api-key", "az-key", "endpoints.azure-openai.base-url", stub.azureEndpoint(),
                "endpoints.azure-openai.api-version", "2024-06-01"));

        assertThat(ChatModels.chat(p).chat("How many users?")).isEqualTo("SELECT count(*) FROM users");
        var sent = stub.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/openai/deployments/sql-writer/chat/completions");
        assertThat(sent.query()).contains("api-version=2024-06-01");
        assertThat(sent.headers().get("Api-key")).containsExactly("az-key");
        assertThat(sent.body().path("temperature").asDouble()).isZero();
        assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(256);
        assertThat(sent.prompt()).contains("How many users?");

        assertThat(ChatModelsTest.stream(ChatModels.streaming(p), "There are 600 users.")).hasSizeGreaterThan(1);
        assertThat(stub.requests().get(1).body().path("stream").asBoolean()).isTrue();
    }
}
