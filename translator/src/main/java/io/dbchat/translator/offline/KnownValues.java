package io.dbchat.translator.offline;

import java.util.List;
import java.util.Locale;

/**
 * How a name typed in a question meets the values the catalog published for a column (enum, CHECK or the complete
 * sample of a low-cardinality column): the stored spelling of the same words; else the one value that holds every
 * typed word or starts with the typed text ("Data" for 'Data &amp; Analytics'); else several such values, or none.
 * A column with no published values cannot say, so the typed text is taken as it is.
 */
final class KnownValues {

    enum Kind { UNPUBLISHED, EXACT, NEAR, AMBIGUOUS, NONE }

    /** The reading of a typed name: its kind and the stored values it may mean (all of them for NONE). */
    record Reading(Kind kind, List<String> values) {

        String value() {
            return values.getFirst();
        }
    }

    private KnownValues() {
    }

    static Reading read(String typed, Col column) {
        List<String> stored = column.column().values();
        List<String> words = Words.ofValue(typed);
        if (stored.isEmpty() || words.isEmpty()) {
            return new Reading(Kind.UNPUBLISHED, List.of(typed));
        }
        List<String> same = stored.stream().filter(v -> Words.ofValue(v).equals(words)).toList();
        if (!same.isEmpty()) {
            // 'O+' and 'O-' read as the same words: the one spelled as typed, else the first
            return new Reading(Kind.EXACT, List.of(same.stream().filter(v -> v.equalsIgnoreCase(typed)).findFirst()
                    .orElse(same.getFirst())));
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        List<String> near = stored.stream().filter(v -> Words.ofValue(v).containsAll(words)
                || lower.length() >= 3 && v.toLowerCase(Locale.ROOT).startsWith(lower)).toList();
        if (near.size() == 1) {
            return new Reading(Kind.NEAR, near);
        }
        return near.isEmpty() ? new Reading(Kind.NONE, stored) : new Reading(Kind.AMBIGUOUS, near);
    }

    /** "'Mobile' or 'Platform'", the values quoted, at most {@code max} of them and how many more. */
    static String listed(List<String> values, int max) {
        List<String> quoted = values.stream().limit(max).map(v -> "'" + v + "'").toList();
        String head = quoted.size() == 1 ? quoted.getFirst()
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
        return values.size() > max ? String.join(", ", quoted) + " or " + (values.size() - max) + " more" : head;
    }
}
