package io.dbchat.translator.offline;

import java.util.EnumSet;
import java.util.Set;

/**
 * How the offline translator behaves: it refuses below {@code confidenceThreshold} (0..1, the share of the
 * question's content words it could place), caps listings at {@code listLimit} rows, uses the in-process
 * embedding model for fuzzy matches only when {@code useEmbeddings}, and at the {@link Gate}s in {@code answered}
 * answers with the doubt stated (the words it did not understand or place) instead of asking back.
 */
public record OfflineSettings(double confidenceThreshold, int listLimit, boolean useEmbeddings, Set<Gate> answered) {

    /** The gates answered with a stated caveat by default (see translator/BENCHMARK.md, "Refusal gates"). */
    public static final Set<Gate> ANSWERED_BY_DEFAULT = Set.of();

    public OfflineSettings {
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("confidenceThreshold must be within 0..1, was " + confidenceThreshold);
        }
        if (listLimit < 1) {
            throw new IllegalArgumentException("listLimit must be positive, was " + listLimit);
        }
        if (answered == null) {
            throw new IllegalArgumentException("answered must name the gates answered with a caveat (it may be empty)");
        }
        for (Gate g : answered) {
            if (!g.answerable()) {
                throw new IllegalArgumentException("the gate " + g + " is always asked: an answer past it would have no"
                        + " reading it could state");
            }
        }
        answered = answered.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(answered));
    }

    public OfflineSettings(double confidenceThreshold, int listLimit, boolean useEmbeddings) {
        this(confidenceThreshold, listLimit, useEmbeddings, ANSWERED_BY_DEFAULT);
    }

    public static OfflineSettings defaults() {
        return new OfflineSettings(0.5, 1000, true);
    }

    /** The defaults without the embedding model: lexical matching only, fast to start. */
    public static OfflineSettings lexical() {
        return new OfflineSettings(0.5, 1000, false);
    }

    /** These settings, answering with a stated caveat at {@code gates} instead of asking back. */
    public OfflineSettings answering(Set<Gate> gates) {
        return new OfflineSettings(confidenceThreshold, listLimit, useEmbeddings, gates);
    }
}
