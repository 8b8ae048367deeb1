package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditions the catalog's column comments explain in words the names do not hold. A comment may gloss a stored
 * value ("did_not_attend: the owner never turned up (a no-show)"), say what an empty column means ("date the invoice
 * was settled; null while it is outstanding"), what a set one means ("date the beer stopped being brewed"), or when a
 * flag is true ("true when the donor signed a declaration, so the charity can reclaim tax"). Words of the question no
 * other reader placed are read against these glosses: a gloss is taken when it holds a word no other gloss holds, or
 * two of its words; the reading is always stated, as it rests on a description, not on a name.
 */
final class Glosses {

    /** Words of a gloss too common to point at it: they describe, they do not distinguish. */
    private static final Set<String> COMMON = Set.of("null", "true", "false", "while", "when", "until", "once", "still",
            "date", "time", "yet", "not", "never", "been", "being", "have", "make", "made", "come", "came", "give", "given",
            "take", "taken", "seen", "used", "user", "after", "before", "back", "more", "most", "less", "only", "other", "same",
            "every", "each", "some", "such", "which", "whose", "where", "there", "their", "them", "they", "this", "that",
            "those", "these", "with", "without", "from", "into", "over", "under", "also", "both", "either", "percent",
            "number", "amount", "value", "one", "two", "first", "last", "next", "day", "days", "month", "year");
    /** The separators of a key and what it means: "x: …", "x = …", "x => …", "x -> …", "x means …". */
    private static final String MEANS = "(?:=>|->|[:=]|\\s-\\s|\\s+means\\s)";
    private static final Pattern VALUE_GLOSS = Pattern.compile("^\\s*([\\p{L}\\p{N}_ \\-]+?)\\s*" + MEANS + "\\s*(.+)$");
    /** Where a part of a comment glossing several values on one line begins: "C -> calm, R -> rough". */
    private static final Pattern NEXT_VALUE = Pattern.compile(",\\s*(?=[\\p{L}\\p{N}_\\-]+\\s*" + MEANS + ")");
    // "empty while …" is left to the readers of end dates ("still", un-): read as a gloss, its single words ("left",
    // "online") were taken for conditions no question asked about
    private static final Pattern EMPTY = Pattern.compile("(?i)\\bnull\\b(.*)");
    /** When a flag holds: "true when …", "FALSE => …", "Y = …", "yes if …", "0 means …". */
    private static final Pattern FLAG = Pattern.compile("(?i)^\\s*(?:(?:if|when)\\s+)?(?:(true|false)\\b\\s*(?:=>|->|[:=])?"
            + "|(yes|no|y|n|t|f|1|0)\\s*(?:=>|->|[:=]|(?=\\s+(?:if|when|while)\\b)))(.*)");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "f", "0");
    private static final Pattern COMPOUND = Pattern.compile("\\p{L}+(?:-\\p{L}+)+");

    /** One condition a comment explains: the words (singular, lower case) and hyphenated phrases that describe it. */
    record Gloss(Col column, String template, String said, Set<String> words, List<List<String>> phrases, boolean denies) {
    }

    private final IntentParser p;
    /** Where each column was read from a gloss. */
    private final Map<Col, List<Integer>> readAt = new HashMap<>();

    Glosses(IntentParser parser) {
        this.p = parser;
    }

    /** Reads the unplaced words of the question against the glosses of the main table and the tables it reaches. */
    void apply() {
        List<Gloss> glosses = new ArrayList<>();
        for (TableSchema t : p.intent().tables) {
            if (p.usable(t)) {
                glosses.addAll(p.vocabulary().glosses(t));
            }
        }
        Map<String, Integer> holders = new HashMap<>();
        glosses.forEach(g -> g.words().forEach(w -> holders.merge(w, 1, Integer::sum)));
        Set<Col> read = new HashSet<>();
        for (Gloss g : glosses) {
            if (read.contains(g.column()) || p.intent().filters.stream().anyMatch(f -> f.column().equals(g.column()))) {
                continue;
            }
            List<Integer> at = matches(g);
            boolean distinct = at.stream().anyMatch(i -> holders.getOrDefault(key(i), 0) == 1 || phraseAt(g, i));
            if (at.isEmpty() || !distinct && at.size() < 2) {
                continue;
            }
            String phrase = String.join(" ", at.stream().map(i -> p.token(i).raw()).toList());
            boolean negated = at.stream().anyMatch(this::negatedBefore);
            if (negated && g.denies()) {
                continue;  // "don't teach" against "teaches nothing": a denial of a denial is not read
            }
            p.intent().filter(g.column(), negated ? negate(g.template()) : g.template(), null,
                    negated ? "not " + g.said() : g.said());
            p.assume("'" + phrase + "' read as " + (negated ? "not " : "") + g.said() + " (from the comment on "
                    + g.column().table().name() + "." + g.column().column().name() + ")");
            at.forEach(i -> p.use(i, i + 1));
            read.add(g.column());
            readAt.put(g.column(), at);
        }
        explained();
    }

    /**
     * "tenants waiting for a plot", where the flag's comment reads "waits for a plot": the words of a condition's own
     * comment next to it are that condition's, not further ones.
     */
    private void explained() {
        for (Intent.Filter f : p.intent().filters) {
            String comment = f.column().column().comment();
            if (comment == null || f.column().expression() != null) {
                continue;
            }
            List<String> words = Words.of(comment);
            for (int i = 0; i < p.tokens().size(); i++) {
                String asked = key(i);
                if (!p.used(i) && isContent(i) && !WordAccount.decisive(p.token(i)) && near(i, f.column())
                        && words.stream().anyMatch(w -> same(asked, w))) {
                    Mention m = p.mentionAt(i);
                    p.use(i, m == null ? i + 1 : m.end());
                }
            }
        }
    }

    /** True when a word within three before {@code i} was read as {@code column}. */
    private boolean near(int i, Col column) {
        for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
            if (p.used(j) && (p.columnsAt(j).contains(column) || readAt.getOrDefault(column, List.of()).contains(j))) {
                return true;
            }
        }
        return false;
    }

    /** The question's unplaced words this gloss holds, each once, in question order. */
    private List<Integer> matches(Gloss g) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i) || out.contains(i)) {
                continue;
            }
            int phrase = phraseLength(g, i);
            if (phrase > 0) {
                for (int k = i; k < i + phrase; k++) {
                    out.add(k);
                }
                continue;
            }
            String asked = key(i);
            if (isContent(i) && g.words().stream().anyMatch(w -> same(asked, w))) {
                out.add(i);
            }
        }
        return out;
    }

    private boolean phraseAt(Gloss g, int i) {
        return phraseLength(g, i) > 0 || i > 0 && phraseLength(g, i - 1) > 1;
    }

    /** The length of the gloss's hyphenated phrase ("no-show") typed from token {@code i} on, or 0. */
    private int phraseLength(Gloss g, int i) {
        for (List<String> phrase : g.phrases()) {
            boolean all = i + phrase.size() <= p.tokens().size();
            for (int k = 0; all && k < phrase.size(); k++) {
                all = !p.used(i + k) && p.token(i + k).word().equals(phrase.get(k));
            }
            if (all) {
                return phrase.size();
            }
        }
        return 0;
    }

    private boolean isContent(int i) {
        Token t = p.token(i);
        return !t.quoted() && !t.isNumber() && t.word().length() > 3 && !Stopwords.is(t.word()) && !Stopwords.is(t.lower())
                && !COMMON.contains(t.word()) && !COMMON.contains(t.lower());
    }

    private String key(int i) {
        return p.token(i).word();
    }

    /** "haven't been spayed", "not on stop": a negation at most two words before, through a form of "be". */
    private boolean negatedBefore(int i) {
        for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
            String w = p.token(j).lower().replace('\u2019', '\'');
            if (Set.of("not", "never", "haven't", "hasn't", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't",
                    "didn't").contains(w)) {
                if (!p.used(j)) {
                    p.use(j, j + 1);
                    return true;
                }
                return false;
            }
            if (!p.is(j, "been", "be", "is", "are", "was", "were", "yet", "ever", "have", "has", "had", "we", "they", "it")) {
                return false;
            }
        }
        return false;
    }

    private static String negate(String template) {
        if (template.endsWith(" IS NULL")) {
            return template.replace(" IS NULL", " IS NOT NULL");
        }
        if (template.endsWith(" IS NOT NULL")) {
            return template.replace(" IS NOT NULL", " IS NULL");
        }
        if (template.startsWith("NOT ")) {
            return template.substring(4);
        }
        return template.contains(" = ") ? template.replace(" = ", " <> ") : "NOT " + template;
    }

    /** Equal words, or the same verb stem ("brewing", "brewed"), or the gloss's word with a prefix re- ("reclaim"). */
    private static boolean same(String asked, String glossed) {
        if (asked.equals(glossed)) {
            return true;
        }
        String a = Stem.of(asked);
        String g = Stem.of(glossed);
        return a.length() > 3 && (a.equals(g) || g.startsWith("re") && g.substring(2).equals(a));
    }

    /** The glosses of one column's comment. */
    static List<Gloss> of(Col col, Set<String> schemaWords) {
        String comment = col.column().comment();
        if (comment == null || comment.isBlank()) {
            return List.of();
        }
        List<Gloss> out = new ArrayList<>();
        String name = col.column().name();
        if (!col.column().values().isEmpty()) {
            for (String part : java.util.Arrays.stream(comment.split(";")).flatMap(NEXT_VALUE::splitAsStream).toList()) {
                Matcher m = VALUE_GLOSS.matcher(part);
                if (!m.matches()) {
                    continue;
                }
                List<String> glossed = Words.ofValue(m.group(1));
                col.column().values().stream().filter(v -> Words.ofValue(v).equals(glossed)).findFirst().ifPresent(v -> out.add(
                        gloss(col, "%1$s = " + Sql.literal(v, col), name + " = '" + v + "'", m.group(2), schemaWords)));
            }
        }
        if (col.isBoolean()) {
            Matcher m = FLAG.matcher(comment);
            boolean whenFalse = describesFalse(comment);
            out.add(gloss(col, whenFalse ? "NOT %1$s" : "%1$s", whenFalse ? "not " + name : name, m.matches() ? m.group(3) : comment,
                    schemaWords));
        }
        if (col.column().nullable()) {
            Matcher m = EMPTY.matcher(comment);
            if (m.find()) {
                // "null until marked": the words after "until" tell when it is set, not when it is empty
                boolean until = m.group(1).strip().matches("(?i)(until|till|before)\\b.*");
                out.add(gloss(col, until ? "%1$s IS NOT NULL" : "%1$s IS NULL", name + (until ? " set" : " empty"), m.group(1), schemaWords));
                String set = comment.substring(0, m.start()).replaceAll("[;,(]\\s*$", "");
                if (col.isDate() && !set.isBlank()) {
                    out.add(gloss(col, "%1$s IS NOT NULL", name + " set", set, schemaWords));
                }
            }
        }
        return out.stream().filter(g -> !g.words().isEmpty() || !g.phrases().isEmpty()).toList();
    }

    /** True when a flag's comment tells when it is false ("false while broken down", "N = paid upfront"). */
    static boolean describesFalse(String comment) {
        Matcher m = FLAG.matcher(comment);
        return m.matches() && FALSE.contains((m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT));
    }

    private static Gloss gloss(Col col, String template, String said, String text, Set<String> schemaWords) {
        Set<String> words = new HashSet<>();
        for (String w : Words.of(text.replaceAll("[’']s\\b", ""))) {
            if (w.length() > 3 && !Stopwords.is(w) && !COMMON.contains(w) && !schemaWords.contains(w)) {
                words.add(w);
            }
        }
        List<List<String>> phrases = new ArrayList<>();
        Matcher m = COMPOUND.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            phrases.add(Words.of(m.group()));
        }
        boolean denies = Words.of(text).stream().anyMatch(w -> Set.of("no", "not", "nothing", "never", "none", "nobody").contains(w));
        return new Gloss(col, template, said, Set.copyOf(words), List.copyOf(phrases), denies);
    }

    /**
     * "still in service", "still out with customers", "still paying": rows whose one end date is not set yet; "unpaid",
     * "undelivered": a date column named by the verb after un- is not set. The end date is the main table's nullable date
     * whose name ends a row ({@link Restrictions#ENDS}) or whose comment says what its emptiness means, else its only
     * nullable date that is not bookkeeping; with several, nothing is read and the word is asked about.
     */
    void still() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            if (p.is(i, "still")) {
                int from = p.skip(i + 1, "in", "on", "at", "with", "out", "being", "the", "a", "an", "our", "their", "its");
                int to = from;
                while (to < p.tokens().size() && to < from + 2 && !p.used(to) && p.mentionAt(to) == null
                        && !p.token(to).isNumber() && !p.token(to).isCapitalized() && !Stopwords.is(p.token(to).word())) {
                    to++;
                }
                boolean out = p.is(i + 1, "out");  // "still out": away from home, not back yet
                Optional<Col> end = openEnd();
                if ((to > from || out) && end.isPresent()) {
                    int last = Math.max(to, out ? i + 2 : to);
                    readEmpty(end.get(), i, last);
                }
            } else if (p.token(i).lower().startsWith("un") && p.token(i).lower().length() > 5 && p.mentionAt(i) == null) {
                String verb = Stem.of(p.token(i).lower().substring(2));
                Optional<Col> date = Schema.visible(p.intent().table).stream()
                        .filter(c -> c.isDate() && c.column().nullable() && Stem.of(c.words().getFirst()).equals(verb))
                        .findFirst();
                if (date.isPresent()) {
                    readEmpty(date.get(), i, i + 1);
                }
            }
        }
    }

    private void readEmpty(Col end, int from, int to) {
        p.intent().filter(end, "%1$s IS NULL", null, end.name() + " empty");
        p.assume("'" + String.join(" ", p.tokens().subList(from, to).stream().map(Token::raw).toList()) + "' read as "
                + end.name() + " empty");
        p.use(from, to);
    }

    private Optional<Col> openEnd() {
        List<Col> dates = Schema.visible(p.intent().table).stream().filter(c -> c.isDate() && c.column().nullable()
                && c.words().stream().noneMatch(Restrictions.BOOKKEEPING::contains)).toList();
        List<Col> ends = OrmColumns.businessEnds(dates.stream()
                .filter(c -> c.words().stream().anyMatch(Restrictions.ENDS::contains)
                        || c.column().comment() != null && EMPTY.matcher(c.column().comment()).find()).toList());
        return ends.size() == 1 ? Optional.of(ends.getFirst()) : ends.isEmpty() && dates.size() == 1
                ? Optional.of(dates.getFirst()) : Optional.empty();
    }
}
