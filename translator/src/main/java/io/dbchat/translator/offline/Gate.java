package io.dbchat.translator.offline;

/**
 * The checks at which the offline translator, having read a question into an intent, may still decline to answer it,
 * in the order it applies them. {@link OfflineSettings#answered()} says at which of them it answers instead, with the
 * reason for its doubt stated in the answer's {@code Understanding}; at the others it asks back.
 */
public enum Gate {
    /**
     * A name fits several stored values or none, or a literal fits no column: the question back has no reading chosen
     * that an answer could state, so it is always asked.
     */
    CLARIFICATION(false),
    /** A decisive word was left unread or unplaced ({@link WordAccount}): a negation, a cue, a state, a value. */
    CRITICAL_WORD(true),
    /** Too few of the question's content words were placed: the confidence is below the threshold. */
    LOW_CONFIDENCE(true),
    /** The tables the intent needs are connected by no foreign keys: there is no query to give. */
    NO_JOIN_PATH(false),
    /** A column the question names in full is not used by the query ({@link ColumnAccount}). */
    COLUMN_LEFT_OUT(true);

    private final boolean answerable;

    Gate(boolean answerable) {
        this.answerable = answerable;
    }

    /** True when an answer past this gate can name what it left out: the words it did not place. */
    public boolean answerable() {
        return answerable;
    }
}
