package io.dbchat.translator.offline;

/**
 * A crude verb stem so "hired", "hire" and "hiring" meet: strips -ed, -ing and a final -e; {@link #ofNoun} also
 * meets a verb's noun ("departure" and "departs", "arrival" and "arrives", "shipment" and "shipped").
 */
final class Stem {

    private Stem() {
    }

    /** The stem of a noun made from a verb: -ure, -al or -ment taken off first. */
    static String ofNoun(String word) {
        for (String suffix : new String[] {"ure", "al", "ment"}) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 4) {
                return of(word.substring(0, word.length() - suffix.length()));
            }
        }
        return of(word);
    }

    static String of(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 3 && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
