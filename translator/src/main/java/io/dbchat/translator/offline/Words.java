package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits questions and identifiers into comparable lower-case singular words. */
final class Words {

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {
    }

    /** "timeEntries", "time_entries" and "Time entries" all give [time, entry]. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (String part : NON_WORD.split(CAMEL.matcher(text).replaceAll(" "))) {
            if (!part.isEmpty()) {
                out.add(singular(part.toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    /** A stored value's words split as a question's are ({@link Token}): "Acme GmbH" is [acme, gmbh], not [acme, gmb, h]. */
    static List<String> ofValue(String text) {
        return of(text.replaceAll("(?<=\\p{Ll})(?=\\p{Lu}\\p{Ll})", " ").toLowerCase(Locale.ROOT));
    }

    static String singular(String word) {
        if (word.length() <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes") || word.endsWith("sses")) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }
}
