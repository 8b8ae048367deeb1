package io.dbchat.translator.offline;

/**
 * How the offline translator behaves: it refuses below {@code confidenceThreshold} (0..1, the share of the
 * question's content words it could place), caps listings at {@code listLimit} rows, and uses the in-process
 * embedding model for fuzzy matches only when {@code useEmbeddings}.
 */
public record OfflineSettings(double confidenceThreshold, int listLimit, boolean useEmbeddings) {

    public OfflineSettings {
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("confidenceThreshold must be within 0..1, was " + confidenceThreshold);
        }
        if (listLimit < 1) {
            throw new IllegalArgumentException("listLimit must be positive, was " + listLimit);
        }
    }

    public static OfflineSettings defaults() {
        return new OfflineSettings(0.5, 1000, true);
    }

    /** The defaults without the embedding model: lexical matching only, fast to start. */
    public static OfflineSettings lexical() {
        return new OfflineSettings(0.5, 1000, false);
    }
}
