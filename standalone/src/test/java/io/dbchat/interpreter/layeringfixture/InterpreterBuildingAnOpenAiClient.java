package io.dbchat.interpreter.layeringfixture;

import dev.langchain4j.model.openai.OpenAiChatModel;

/** An interpreter class that builds a provider's client itself, past the llm module: what the layering test must refuse. */
public final class InterpreterBuildingAnOpenAiClient {

    private InterpreterBuildingAnOpenAiClient() {
    }

    public static OpenAiChatModel build(String baseUrl) {
        return OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("none").modelName("gpt-4o-mini").build();
    }
}
