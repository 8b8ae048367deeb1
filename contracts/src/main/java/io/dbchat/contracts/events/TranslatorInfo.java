package io.dbchat.contracts.events;

/** Which translator wrote a piece of SQL: provider ("offline", "openai", ...), model and prompt version. */
public record TranslatorInfo(String provider, String model, String promptVersion) {

    public static TranslatorInfo offline(String version) {
        return new TranslatorInfo("offline", "rules", version);
    }

    /** A short label for answers and logs, such as "offline (rules)". */
    public String label() {
        return model == null || model.isBlank() ? provider : provider + " (" + model + ")";
    }
}
