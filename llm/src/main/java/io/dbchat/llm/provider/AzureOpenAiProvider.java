package io.dbchat.llm.provider;

import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.azure.AzureOpenAiStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmProvider;

/**
 * Azure OpenAI: the resource's {@code AZURE_OPENAI_ENDPOINT} and {@code AZURE_OPENAI_API_KEY}, the deployment
 * as the model ({@code DBCHAT_LLM_MODEL}: deployments are named by their owner, so there is no default), and
 * {@code AZURE_OPENAI_API_VERSION} optionally (else the client's newest).
 */
public final class AzureOpenAiProvider implements LlmProvider {

    private static final String ENDPOINT = "azure-openai";

    @Override
    public String name() {
        return "azure-openai";
    }

    @Override
    public String defaultModel() {
        return null;
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public boolean isConfigured(LlmProperties settings) {
        var e = settings.endpoint(ENDPOINT);
        return e.hasKey() && e.hasBaseUrl();
    }

    @Override
    public ChatModel chat(LlmProperties s, String deployment) {
        var e = s.endpoint(ENDPOINT);
        var builder = AzureOpenAiChatModel.builder().endpoint(endpoint(e)).apiKey(key(e)).deploymentName(deployment)
                .temperature(s.temperature()).timeout(s.timeout()).maxTokens(s.maxTokens()).maxRetries(0);
        return (LlmProperties.present(e.apiVersion()) ? builder.serviceVersion(e.apiVersion()) : builder).build();
    }

    @Override
    public StreamingChatModel streaming(LlmProperties s, String deployment) {
        var e = s.endpoint(ENDPOINT);
        var builder = AzureOpenAiStreamingChatModel.builder().endpoint(endpoint(e)).apiKey(key(e))
                .deploymentName(deployment).temperature(s.temperature()).timeout(s.timeout()).maxTokens(s.maxTokens())
                .maxRetries(0);
        return (LlmProperties.present(e.apiVersion()) ? builder.serviceVersion(e.apiVersion()) : builder).build();
    }

    private String endpoint(LlmProperties.Endpoint e) {
        return Settings.require(e.baseUrl(), name(), "AZURE_OPENAI_ENDPOINT");
    }

    private String key(LlmProperties.Endpoint e) {
        return Settings.require(e.apiKey(), name(), "AZURE_OPENAI_API_KEY");
    }
}
