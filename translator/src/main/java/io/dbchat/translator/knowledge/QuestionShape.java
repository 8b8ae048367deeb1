package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What two questions must share to mean the same up to their literals: the question with its literals masked (what is
 * embedded and compared), the kinds of its literal slots in order, and its decisive words by meaning (comparison,
 * aggregate, negation, ranking, period), since "over" and "under" embed almost alike. Literals are quoted text, ISO
 * dates, numbers, the schema's stored values (enum, CHECK and sampled values, spelled as stored, with their columns),
 * the words a known SQL holds as strings (so "paid" is a slot of "paid invoices" when its SQL says {@code 'paid'}, even
 * where the catalog lists no values) and capitalised names.
 */
record QuestionShape(String masked, List<Literal> literals, Set<String> decisive) {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|'([^']+)'");
    private static final Pattern DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d{1,3}(,\\d{3})+(\\.\\d+)?(?![\\w.])|(?<![\\w.])\\d+(\\.\\d+)?(?![\\w.])");
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}&'-]*(\\s+\\p{Lu}[\\p{L}&'-]*)*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    /** Words that change a query's meaning, by the meaning they carry: synonyms share a class. */
    private static final Map<String, String> CLASSES = classes();

    static QuestionShape of(String question, SchemaSnapshot schema) {
        return of(question, schema, Set.of());
    }

    /**
     * The shape with {@code sqlTexts} (the string literals of the SQL a known question is compared by) as literals
     * too, wherever the question says one as a whole word in any case: both questions of a comparison take the same.
     */
    static QuestionShape of(String question, SchemaSnapshot schema, Set<String> sqlTexts) {
        List<Literal> found = new ArrayList<>();
        boolean[] taken = new boolean[question.length()];
        Matcher quoted = QUOTED.matcher(question);
        while (quoted.find()) {
            String text = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            String value = stored(text, schema);
            add(found, taken, new Literal(Literal.Kind.TEXT, value, quoted.start(), quoted.end(),
                    values(schema).get(value)));
        }
        Matcher date = DATE.matcher(question);
        while (date.find()) {
            add(found, taken, new Literal(Literal.Kind.DATE, date.group(), date.start(), date.end()));
        }
        Matcher number = NUMBER.matcher(question);
        while (number.find()) {
            String plain = new BigDecimal(number.group().replace(",", "")).toPlainString();
            add(found, taken, new Literal(Literal.Kind.NUMBER, plain, number.start(), number.end()));
        }
        storedValues(question, schema, found, taken);
        Map<String, Set<String>> fromSql = new java.util.HashMap<>();
        sqlTexts.forEach(t -> fromSql.put(t, Set.of()));
        wholeWords(question, fromSql, found, taken);
        names(question, schema, found, taken);
        found.sort(Comparator.comparingInt(Literal::start));
        return new QuestionShape(mask(question, found), List.copyOf(found), decisive(question, found));
    }

    /** True when both have the same literal slots and the same decisive words: only then may one stand for the other. */
    boolean sameSlots(QuestionShape other) {
        if (literals.size() != other.literals.size() || !decisive.equals(other.decisive)) {
            return false;
        }
        for (int i = 0; i < literals.size(); i++) {
            if (literals.get(i).kind() != other.literals.get(i).kind()) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<Literal> found, boolean[] taken, Literal literal) {
        for (int i = literal.start(); i < literal.end(); i++) {
            if (taken[i]) {
                return;
            }
        }
        for (int i = literal.start(); i < literal.end(); i++) {
            taken[i] = true;
        }
        found.add(literal);
    }

    /** The schema's stored values named in the question, longest first, as whole words and in any case. */
    private static void storedValues(String question, SchemaSnapshot schema, List<Literal> found, boolean[] taken) {
        wholeWords(question, values(schema), found, taken);
    }

    /** The values (with the columns they are stored in) the question says as whole words in any case, longest first. */
    private static void wholeWords(String question, Map<String, Set<String>> values, List<Literal> found, boolean[] taken) {
        List<String> ordered = values.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String lower = question.toLowerCase(Locale.ROOT);
        for (String value : ordered) {
            if (value.length() < 2 || value.chars().allMatch(Character::isDigit)
                    || value.length() != value.toLowerCase(Locale.ROOT).length()) {
                continue;
            }
            Matcher m = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(value.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\d])")
                    .matcher(lower);
            while (m.find()) {
                add(found, taken, new Literal(Literal.Kind.TEXT, value, m.start(), m.end(), values.get(value)));
            }
        }
    }

    /** Capitalised words that are not the question's first word nor a name of the schema: "Acme Corp", "Berlin". */
    private static void names(String question, SchemaSnapshot schema, List<Literal> found, boolean[] taken) {
        Set<String> schemaWords = schemaWords(schema);
        Matcher m = NAME.matcher(question);
        while (m.find()) {
            int start = m.start();
            String text = m.group();
            if (start == 0 || question.substring(0, start).isBlank()) {
                // the first word is capitalised anyway; a name after it may follow
                int space = text.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                start += space + 1;
                text = text.substring(space + 1).strip();
            }
            if (text.equals("I") || schemaWords.contains(text.toLowerCase(Locale.ROOT))
                    || CLASSES.containsKey(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            add(found, taken, new Literal(Literal.Kind.TEXT, text, start, start + text.length()));
        }
    }

    private static String stored(String text, SchemaSnapshot schema) {
        return values(schema).keySet().stream().filter(v -> v.equalsIgnoreCase(text)).findFirst().orElse(text);
    }

    /** The schema's stored values, each with the columns ({@code table.column}) that store it. */
    private static Map<String, Set<String>> values(SchemaSnapshot schema) {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        if (schema == null) {
            return out;
        }
        for (TableSchema t : schema.tables()) {
            for (ColumnSchema c : t.columns()) {
                if (c.values() != null) {
                    c.values().forEach(v -> out.computeIfAbsent(v, k -> new TreeSet<>()).add(t.name() + "." + c.name()));
                }
            }
        }
        return out;
    }

    private static Set<String> schemaWords(SchemaSnapshot schema) {
        Set<String> words = new TreeSet<>();
        if (schema == null) {
            return words;
        }
        for (TableSchema t : schema.tables()) {
            words.add(t.name().toLowerCase(Locale.ROOT));
            t.columns().forEach(c -> words.add(c.name().toLowerCase(Locale.ROOT)));
        }
        return words;
    }

    private static String mask(String question, List<Literal> literals) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Literal l : literals) {
            out.append(question, at, l.start()).append(switch (l.kind()) {
                case NUMBER -> "N";
                case DATE -> "D";
                case TEXT -> "X";
            });
            at = l.end();
        }
        return out.append(question.substring(at)).toString().toLowerCase(Locale.ROOT).strip();
    }

    private static Set<String> decisive(String question, List<Literal> literals) {
        Set<String> out = new TreeSet<>();
        String masked = mask(question, literals);
        Matcher m = WORD.matcher(masked);
        String previous = "";
        while (m.find()) {
            String word = m.group();
            String cls = CLASSES.get(previous + " " + word);
            out.add(cls != null ? cls : CLASSES.getOrDefault(word, ""));
            previous = word;
        }
        out.remove("");
        return out;
    }

    private static Map<String, String> classes() {
        Map<String, String> c = new java.util.HashMap<>();
        put(c, "count", "many", "number", "count", "counts");
        put(c, "sum", "total", "sum", "totals", "overall");
        put(c, "avg", "average", "mean", "avg", "typical");
        put(c, "max", "maximum", "highest", "most", "largest", "biggest", "top", "max", "greatest", "best", "latest", "newest");
        put(c, "min", "minimum", "lowest", "least", "smallest", "fewest", "bottom", "min", "worst", "earliest", "oldest");
        put(c, "gt", "over", "above", "more", "greater", "exceeding", "exceeds", "beyond", "after", "since");
        put(c, "lt", "under", "below", "less", "fewer", "before", "until", "within");
        put(c, "ge", "at least");
        put(c, "le", "at most", "up to");
        put(c, "between", "between");
        put(c, "not", "not", "no", "without", "never", "none", "nobody", "except", "excluding", "neither", "nor");
        put(c, "per", "per", "each", "every", "by");
        put(c, "day", "day", "days", "daily", "today", "yesterday");
        put(c, "week", "week", "weeks", "weekly");
        put(c, "month", "month", "months", "monthly");
        put(c, "quarter", "quarter", "quarters", "quarterly");
        put(c, "year", "year", "years", "yearly", "annual", "annually");
        put(c, "last", "last", "previous", "past", "prior");
        put(c, "this", "this", "current");
        put(c, "next", "next", "upcoming", "future");
        put(c, "distinct", "distinct", "unique", "different");
        put(c, "or", "or");
        put(c, "asc", "ascending");
        put(c, "desc", "descending");
        return Map.copyOf(c);
    }

    private static void put(Map<String, String> classes, String cls, String... words) {
        for (String w : words) {
            classes.put(w, cls);
        }
    }
}
