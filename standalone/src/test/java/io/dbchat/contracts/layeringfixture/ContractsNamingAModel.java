package io.dbchat.contracts.layeringfixture;

import dev.langchain4j.model.chat.ChatModel;

/** A contracts class that names a LangChain4j type: what the layering test must refuse. */
public final class ContractsNamingAModel {

    private ContractsNamingAModel() {
    }

    public static String ask(ChatModel model) {
        return model.chat("hello");
    }
}
