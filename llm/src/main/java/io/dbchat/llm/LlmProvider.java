package io.dbchat.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * One language-model provider: its name, whether the settings configure it, and how to build its clients.
 * Implementations are found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.dbchat.llm.LlmProvider}), so adding a provider is adding a class and its line.
 * Retries are left to the caller (0 here), which retries with backoff behind a circuit breaker.
 */
public interface LlmProvider {

    /** The name {@code DBCHAT_LLM_PROVIDER} takes, lower case. */
    String name();

    /** The model used when none is named, or null when one must be named (a deployment, a local server's model). */
    String defaultModel();

    /**
     * Where this provider stands when none is named: the configured provider with the lowest rank is chosen.
     * A provider that is only ever chosen by name answers {@link Integer#MAX_VALUE}.
     */
    int rank();

    /** Whether the settings configure this provider (a key or an endpoint), for choosing one when none is named. */
    boolean isConfigured(LlmProperties settings);

    /** A blocking client for {@code model}; fails with a sentence naming what is missing. */
    ChatModel chat(LlmProperties settings, String model);

    /** A streaming client for {@code model}; fails with a sentence naming what is missing. */
    StreamingChatModel streaming(LlmProperties settings, String model);
}
