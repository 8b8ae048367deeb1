package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ColumnSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column names written short, as real databases name them ({@code qty}, {@code rcvd_dt}, {@code shpng_fee},
 * {@code stat_cd}): the words they stand for, read from the column's comment when it spells them out ("Received
 * date"), else from short forms every schema reader knows ({@code qty} is a quantity, {@code amt} an amount). A
 * shortened word also meets a question word it is the consonant skeleton or the first letters of ("shpng" and
 * "shipping"), which is a guess and said to be one.
 */
final class Abbreviations {

    /** Short forms schema writers use everywhere, and the word each stands for. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("qty", "quantity"), Map.entry("amt", "amount"), Map.entry("dt", "date"), Map.entry("no", "number"),
            Map.entry("num", "number"), Map.entry("nbr", "number"), Map.entry("desc", "description"),
            Map.entry("descr", "description"), Map.entry("stat", "status"), Map.entry("cd", "code"),
            Map.entry("rcvd", "received"), Map.entry("cust", "customer"), Map.entry("addr", "address"),
            Map.entry("dept", "department"), Map.entry("emp", "employee"), Map.entry("pct", "percent"),
            Map.entry("yr", "year"), Map.entry("mth", "month"), Map.entry("mo", "month"), Map.entry("nm", "name"),
            Map.entry("val", "value"), Map.entry("wt", "weight"), Map.entry("tot", "total"), Map.entry("cnt", "count"),
            Map.entry("mins", "minutes"), Map.entry("hrs", "hours"), Map.entry("tel", "telephone"),
            Map.entry("ph", "phone"), Map.entry("prc", "price"), Map.entry("ccy", "currency"),
            Map.entry("cap", "capacity"), Map.entry("sal", "salary"), Map.entry("bal", "balance"),
            Map.entry("ref", "reference"), Map.entry("reg", "registration"), Map.entry("cat", "category"),
            Map.entry("dob", "birth date"), Map.entry("ts", "timestamp"), Map.entry("fname", "first name"),
            Map.entry("lname", "last name"), Map.entry("loc", "location"), Map.entry("acct", "account"),
            Map.entry("inv", "invoice"), Map.entry("ord", "order"), Map.entry("prod", "product"),
            Map.entry("mgr", "manager"), Map.entry("org", "organisation"), Map.entry("yrs", "years"));
    private static final String VOWELS = "aeiouy";

    private Abbreviations() {
    }

    /**
     * True when {@code shortWord} is written for {@code word}: a well-known short form of it, its first three or more
     * letters, or its consonant skeleton (same first letter, then some of its consonants in order, no vowel).
     */
    static boolean abbreviates(String shortWord, String word) {
        if (shortWord.equals(word) || word.length() <= shortWord.length()) {
            return false;
        }
        String known = KNOWN.get(shortWord);
        if (known != null) {
            return known.equals(word) || known.replace(" ", "").equals(word);
        }
        if (shortWord.length() < 3 || shortWord.charAt(0) != word.charAt(0)) {
            return false;
        }
        if (word.startsWith(shortWord)) {
            return word.length() - shortWord.length() >= 2;  // "order" is no short form of "orders"
        }
        return skeleton(shortWord) && subsequence(shortWord, word);
    }

    /** True when the name word {@code nameWord} looks shortened and is written for the question word {@code word}. */
    static boolean shortens(String nameWord, String word) {
        // a word asking for an operation ("count", "total", "most") is the operation, never a column it resembles
        return looksShort(nameWord) && !WordAccount.asksForOperation(word) && !Stopwords.is(word) && abbreviates(nameWord, word)
                && (KNOWN.containsKey(nameWord) || word.length() >= 5 && !beginsAsWord(nameWord, word));
    }

    /** "end" of "ended", "art" of "artist": a word of its own at the start of the question's word, not a short form. */
    private static boolean beginsAsWord(String nameWord, String word) {
        return VOWELS.indexOf(nameWord.charAt(0)) >= 0 && word.startsWith(nameWord);
    }

    /**
     * States each column read through a short name the question's word only resembles ("'shipping' read as the column
     * shpng_fee"): a guess, as neither the name nor a comment says it.
     */
    static void assumeGuesses(IntentParser p) {
        for (int i = 0; i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m == null || m.start() != i || !p.used(i)) {
                continue;
            }
            Term term = m.candidates().getFirst();
            int guessed = term.kind() == Term.Kind.COLUMN ? guessedAt(p, m, term) : -1;
            // the same words may also name it plainly (its comment's words): then it is no guess
            if (guessed >= 0 && m.candidates().stream().allMatch(c -> guessedAt(p, m, c) >= 0)) {
                p.assume("'" + p.token(guessed).raw() + "' read as the column " + term.column().column().name()
                        + " (a short name for it)");
            }
        }
    }

    /** The first token of {@code m} that meets {@code term}'s word only as its short form; -1 when none. */
    private static int guessedAt(IntentParser p, Mention m, Term term) {
        for (int k = 0; k < term.words().size() && m.start() + k < m.end(); k++) {
            Token t = p.token(m.start() + k);
            if (!t.quoted() && !Mentions.same(t.word(), term.words().get(k))) {
                return m.start() + k;
            }
        }
        return -1;
    }

    /** The word a well-known short form stands for ("dt": "date", "cnt": "count"); the word itself when it is none. */
    static String expand(String word) {
        return KNOWN.getOrDefault(word, word);
    }

    /** True when a name word looks shortened: a well-known short form, or consonants only after its first letter. */
    static boolean looksShort(String word) {
        return KNOWN.containsKey(word) || word.length() >= 3 && skeleton(word);
    }

    /**
     * The words of column {@code name} with each short word replaced by the comment's words it stands for, when the
     * comment spells out every shortened word in order ("rcvd_dt": "Received date"); empty when it does not, or
     * when no word of the name is short.
     */
    static Optional<List<String>> fromComment(String name, String comment) {
        if (comment == null || comment.isBlank()) {
            return Optional.empty();
        }
        List<String> said = new ArrayList<>();
        for (String w : comment.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!w.isEmpty()) {
                said.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        boolean expanded = false;
        for (String w : parts(name)) {
            int found = -1;
            for (int k = 0; k < said.size() && found < 0; k++) {  // in any order: brth_yr is the "Year of birth"
                if (abbreviates(w, said.get(k))) {
                    found = k;
                }
            }
            String known = KNOWN.get(w);
            if (found >= 0) {
                out.add(said.get(found));
                expanded = true;
            } else if (known != null && known.contains(" ") && String.join(" ", said).contains(known)) {
                out.addAll(List.of(known.split(" ")));
                expanded = true;
            } else if (looksShort(w)) {
                return Optional.empty();  // a short word the comment does not explain: the comment is about something else
            } else {
                out.add(w);
            }
        }
        return expanded ? Optional.of(singular(out)) : Optional.empty();
    }

    /** The words of column {@code name} with its well-known short forms spelled out; empty when it has none. */
    static Optional<List<String>> known(String name) {
        List<String> out = new ArrayList<>();
        boolean expanded = false;
        for (String w : parts(name)) {
            String known = KNOWN.get(w);
            expanded |= known != null;
            out.addAll(List.of((known == null ? w : known).split(" ")));
        }
        return expanded ? Optional.of(singular(out)) : Optional.empty();
    }

    /** A column's name with its short words spelled out, and that name's words: read once per name and comment. */
    private record Spelled(String name, List<String> words) {
    }

    /** Spelled-out names by column name and comment, as {@link #spelled} and {@link #words} read them for every question. */
    private static final Map<String, Spelled> SPELLED = new ConcurrentHashMap<>();

    /**
     * A column's name with its short words spelled out ({@code frst_nm} → {@code first_name}), through its comment, else
     * the well-known short forms; the lower-case name when it has none.
     */
    static String spelled(ColumnSchema column) {
        return spelledOnce(column).name();
    }

    /**
     * The singular words of a column's name with its short words spelled out ({@code b_dt}, "birth date": [birth, date];
     * {@code pub_yr}: [pub, year]); the name's own words ({@link Words#of}) when none is short.
     */
    static List<String> words(ColumnSchema column) {
        return spelledOnce(column).words();
    }

    private static Spelled spelledOnce(ColumnSchema column) {
        String key = column.name() + '\u0000' + column.comment();
        Spelled known = SPELLED.get(key);
        if (known != null) {
            return known;
        }
        if (SPELLED.size() > 10_000) {
            SPELLED.clear();
        }
        String name = fromComment(column.name(), column.comment()).or(() -> known(column.name()))
                .map(w -> String.join("_", w)).orElse(column.name().toLowerCase(Locale.ROOT));
        Spelled spelled = new Spelled(name, List.copyOf(Words.of(name)));
        SPELLED.put(key, spelled);
        return spelled;
    }

    /** The lower-case words of a snake_case or camelCase name, not made singular ("mins" stays "mins"). */
    private static List<String> parts(String name) {
        List<String> out = new ArrayList<>();
        for (String p : name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> singular(List<String> words) {
        return words.stream().map(Words::singular).toList();
    }

    private static boolean skeleton(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (VOWELS.indexOf(word.charAt(i)) >= 0 || !Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean subsequence(String shortWord, String word) {
        int k = 0;
        for (int i = 0; i < word.length() && k < shortWord.length(); i++) {
            if (word.charAt(i) == shortWord.charAt(k)) {
                k++;
            }
        }
        return k == shortWord.length();
    }
}
