package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One word of a question: its text as typed, lower-cased and singular ({@code word}); a quoted phrase is
 * one token with {@code quoted} set, so "'On Hold'" stays a single literal.
 */
record Token(int index, String raw, String lower, String word, boolean quoted) {

    private static final Pattern PART = Pattern.compile(
            "(?<![\\p{L}\\p{N}])'([^']+)'|\"([^\"]+)\"|\\d{4}-\\d{2}-\\d{2}|\\d+(?:\\.\\d+)?|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");

    static List<Token> of(String question) {
        List<Token> out = new ArrayList<>();
        Matcher m = PART.matcher(normalize(question));
        while (m.find()) {
            String quoted = m.group(1) != null ? m.group(1) : m.group(2);
            String raw = quoted != null ? quoted : m.group();
            String lower = raw.toLowerCase(Locale.ROOT);
            out.add(new Token(out.size(), raw, lower, quoted != null ? lower : Words.singular(lower), quoted != null));
        }
        return out;
    }

    /** "$100,000" and "100k" are the number 100000; "timeEntries" is two words, as in schema names. */
    private static String normalize(String question) {
        String s = question.replaceAll("(?<=\\d),(?=\\d{3})", "").replace("$", " ")
                .replaceAll("(?<=\\p{Ll})(?=\\p{Lu}\\p{Ll})", " ");
        s = s.replaceAll("(?i)\\b(\\d+)k\\b", "$1000");
        Matcher spelled = SPELLED.matcher(s);
        StringBuilder out = new StringBuilder();
        while (spelled.find()) {
            spelled.appendReplacement(out, String.valueOf(NUMBERS.indexOf(spelled.group(1)) + 2));
        }
        return spelled.appendTail(out).toString();
    }

    /**
     * Numbers people spell out in lower case ("the three countries", "more than six guests"); "one" stays a word ("at
     * least one"), a capitalised one may be part of a name ("Seven Seas"), and "three hundred" is left as words.
     */
    private static final List<String> NUMBERS = List.of("two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve");
    private static final Pattern SPELLED = Pattern.compile("\\b(" + String.join("|", NUMBERS) + ")\\b(?!\\s+(?:hundred|thousand|million|billion|dozen))");

    boolean isDate() {
        return raw.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    boolean isNumber() {
        return !quoted && raw.matches("\\d+(\\.\\d+)?");
    }

    boolean isYear() {
        return raw.matches("(19|20)\\d\\d");
    }

    boolean isCapitalized() {
        return !raw.isEmpty() && Character.isUpperCase(raw.charAt(0));
    }

    boolean is(String... words) {
        for (String w : words) {
            if (lower.equals(w) || word.equals(w)) {
                return true;
            }
        }
        return false;
    }
}
