package io.dbchat.translator.knowledge;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a question says all it means by itself. A follow-up ("and in 2023?", "which of them are paid") means
 * something only with its conversation, so neither the cache nor an example may answer it, nor may it be cached.
 */
final class Standalone {

    private static final Pattern OPENING = Pattern.compile(
            "^(and|also|but|or|only|just|same|now|then|what about|how about|instead|again|so)\\b");
    private static final Set<String> REFERRING = Set.of("them", "those", "these", "they", "their", "theirs", "it", "its",
            "same", "instead", "ones");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private Standalone() {
    }

    static boolean standsAlone(String question) {
        String lower = question.toLowerCase(Locale.ROOT).strip();
        if (OPENING.matcher(lower).find()) {
            return false;
        }
        return WORD.matcher(lower).results().map(m -> m.group()).noneMatch(REFERRING::contains);
    }
}
