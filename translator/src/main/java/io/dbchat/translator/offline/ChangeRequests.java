package io.dbchat.translator.offline;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a request to change the database ("DROP TABLE users", "please delete all invoices") so the
 * offline translator can say that dbchat only reads, instead of answering a question nobody asked. Only the
 * imperative at the start counts: "Which projects were deleted?" and "Add up the hours" are questions.
 */
final class ChangeRequests {

    private static final Pattern IMPERATIVE = Pattern.compile("(?i)^\\W*(?:(?:please|pls|kindly|now|then|just|"
            + "can you|could you|would you|will you|i want to|i'd like to|i would like to|let's|lets|go ahead and)\\s+)*"
            + "(drop|delete|remove|erase|wipe|destroy|purge|truncate|insert|update|modify|edit|change|set|rename|alter|"
            + "grant|revoke)\\b");

    private ChangeRequests() {
    }

    /** The verb of a request to change data, lower-cased, if the question is one. */
    static Optional<String> verb(String question) {
        Matcher m = IMPERATIVE.matcher(question);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
