package io.dbchat.llm.provider;

import io.dbchat.llm.LlmProperties;

/** What the providers ask of their settings: a value, or a sentence naming the environment variable to set. */
final class Settings {

    private Settings() {
    }

    static String require(String value, String provider, String variable) {
        if (!LlmProperties.present(value)) {
            throw new IllegalStateException("The " + provider + " provider needs " + variable + " in the environment.");
        }
        return value;
    }

    static String orDefault(String value, String fallback) {
        return LlmProperties.present(value) ? value : fallback;
    }
}
