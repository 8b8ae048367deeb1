package io.dbchat.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/** The chat models of the provider in force, built by the installed {@link LlmProvider} of that name. */
public final class ChatModels {

    private ChatModels() {
    }

    public static ChatModel chat(LlmProperties settings) {
        LlmProviders providers = LlmProviders.installed();
        return providers.provider(settings).chat(settings, providers.requiredModel(settings));
    }

    public static StreamingChatModel streaming(LlmProperties settings) {
        LlmProviders providers = LlmProviders.installed();
        return providers.provider(settings).streaming(settings, providers.requiredModel(settings));
    }
}
