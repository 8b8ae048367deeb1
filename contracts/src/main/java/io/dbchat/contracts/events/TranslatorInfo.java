package io.dbchat.contracts.events;

/** Which translator wrote a piece of SQL: provider ("offline", "openai", ...), model and prompt version. */
public record TranslatorInfo(String provider, String model, String promptVersion) {

    /** The provider of SQL that a person or an agent wrote and sent to run as written, past the translator. */
    public static final String USER = "user";

    /** SQL written by the caller, sent through {@code via} (such as "mcp"). */
    public static TranslatorInfo user(String via) {
        return new TranslatorInfo(USER, via, null);
    }

    /** Whether the caller wrote this SQL: no translator may rewrite it. */
    public boolean isUser() {
        return USER.equals(provider);
    }

    public static TranslatorInfo offline(String version) {
        return new TranslatorInfo("offline", "rules", version);
    }

    /** A short label for answers and logs, such as "offline (rules)". */
    public String label() {
        return model == null || model.isBlank() ? provider : provider + " (" + model + ")";
    }
}
