package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words of one schema snapshot: table and column names split from snake and camel case, singular,
 * with common synonyms, name stems ("hired" of hired_on), a few comment words, derived columns (age) and
 * every published value. Built once per snapshot; {@link Mentions} finds these phrases in questions.
 */
final class Vocabulary {

    /** Words of column names too general to stand for the column on their own. */
    private static final Set<String> GENERIC = Set.of("id", "on", "at", "date", "time", "of", "is", "has", "no",
            "number", "in", "by", "count", "the", "a", "type", "code", "key", "to", "from", "and", "per");
    private static final Set<String> SUFFIXES = Set.of("id", "on", "at", "date", "time", "ts", "min", "no");
    private static final Set<String> SENSITIVE = Set.of("password", "hash", "secret", "token", "salt");

    private final SchemaSnapshot schema;
    private final List<Term> terms = new ArrayList<>();
    /** Every word of a table or column name: a comment word among them names that, not the commented column. */
    private final java.util.Set<String> schemaWords = new java.util.HashSet<>();
    /** What each table's column comments explain ({@link Glosses}), read once per schema version; keyed by the snapshot's own table objects. */
    private final java.util.Map<TableSchema, List<Glosses.Gloss>> glosses = new java.util.IdentityHashMap<>();

    /** The words of a prefix most tables share ({@link TablePrefix}), empty when there is none. */
    private final List<String> tablePrefix;

    Vocabulary(SchemaSnapshot schema) {
        this.schema = schema;
        this.tablePrefix = TablePrefix.of(schema);
        for (TableSchema table : schema.tables()) {
            schemaWords.addAll(Words.of(table.name()));
            table.columns().forEach(c -> schemaWords.addAll(Words.of(c.name())));
        }
        for (TableSchema table : schema.tables()) {
            glosses.put(table, Schema.visible(table).stream().flatMap(c -> Glosses.of(c, schemaWords).stream()).toList());
            addTable(table);
            for (ColumnSchema column : table.columns()) {
                if (!isSensitive(column)) {
                    addColumn(Col.of(table, column));
                }
            }
        }
    }

    SchemaSnapshot schema() {
        return schema;
    }

    /** A table's name words without the prefix most tables share (tbl_order_items: [order, item]). */
    List<String> tableWords(TableSchema table) {
        return TablePrefix.strip(Words.of(table.name()), tablePrefix);
    }

    /** The glosses of {@code table}'s visible columns. */
    List<Glosses.Gloss> glosses(TableSchema table) {
        return glosses.getOrDefault(table, List.of());
    }

    List<Term> terms() {
        return terms;
    }

    static boolean isSensitive(ColumnSchema column) {
        return Words.of(column.name()).stream().anyMatch(SENSITIVE::contains);
    }

    private void addTable(TableSchema table) {
        List<String> name = tableWords(table);
        if (name.size() < Words.of(table.name()).size()) {
            terms.add(Term.table(Words.of(table.name()), table, 1.0));
        }
        terms.add(Term.table(name, table, 1.0));
        List<String> head = name.subList(0, name.size() - 1);
        for (String synonym : Synonyms.of(name.getLast())) {
            terms.add(Term.table(concat(head, synonym), table, 0.8));
            terms.add(Term.table(List.of(synonym), table, 0.6));
        }
        if (name.size() > 1) {
            terms.add(Term.table(List.of(name.getLast()), table, 0.6));
        }
        if (table.comment() != null) {
            Words.of(table.comment()).stream().filter(w -> w.length() > 3 && !Stopwords.is(w) && !WordAccount.asksForOperation(w)).limit(3)
                    .forEach(w -> terms.add(Term.table(List.of(w), table, 0.3)));
        }
    }

    private void addColumn(Col col) {
        List<String> name = Words.of(col.column().name());
        addName(col, name, 1.0);
        // a short name its comment spells out (rcvd_dt: "Received date") is also known by the comment's words
        Abbreviations.fromComment(col.column().name(), col.column().comment()).filter(words -> !words.equals(name))
                .ifPresent(words -> addName(col, words, 0.95));
        addCommentWords(col);
        addDerived(col, name);
        addValues(col);
    }

    /** The terms of a column's name: the whole name, its stem before a suffix (hired of hired_on), its words alone. */
    private void addName(Col col, List<String> name, double weight) {
        terms.add(Term.column(name, col, weight));
        if (name.size() > 1 && (SUFFIXES.contains(name.getLast()) || SUFFIXES.contains(Abbreviations.expand(name.getLast())))) {
            List<String> stem = name.subList(0, name.size() - 1);
            terms.add(Term.column(stem, col, 0.9));
            terms.add(Term.column(List.of(Stem.of(stem.getLast())), col, 0.7));
        }
        if (name.size() > 1) {
            for (String w : name) {
                if (!GENERIC.contains(w) && !GENERIC.contains(Abbreviations.expand(w))) {
                    terms.add(Term.column(List.of(w), col, 0.5));
                }
            }
        }
        for (String w : name) {
            for (String synonym : Synonyms.of(w)) {
                terms.add(Term.column(List.of(synonym), col, 0.45));
            }
        }
    }

    /**
     * "Amount billed for the stay" on a column cost: "billed" is a weak word for it, as long as no table or column of the
     * schema is named by that word.
     */
    private void addCommentWords(Col col) {
        if (col.column().comment() == null || col.isDate()) {
            return;  // a date's comment tells its event in verbs ("the order left the warehouse"), not names for it
        }
        if (col.isBoolean() && Glosses.describesFalse(col.column().comment())) {
            return;  // "false while broken down": words of the flag's false state; Glosses reads them denied, and says so
        }
        // the description only, not its examples: "e.g. Apollo" names a value, which the samples know better
        String description = col.column().comment().split("(?i)\\be\\.?g\\.|\\bsuch as\\b|\\bfor example\\b|[(:;]")[0];
        java.util.Arrays.stream(description.split("[^\\p{L}]+"))
                .filter(w -> !w.isEmpty() && Character.isLowerCase(w.charAt(0)))
                .map(w -> Words.singular(w.toLowerCase(java.util.Locale.ROOT)))
                .filter(w -> w.length() > 3 && !Stopwords.is(w) && !GENERIC.contains(w) && !schemaWords.contains(w))
                .filter(w -> !WordAccount.asksForOperation(w))  // "where most of the team works": not a name for it
                .limit(4).forEach(w -> terms.add(Term.column(List.of(w), col, 0.3)));
    }

    /** An age is asked for but a birth date is stored. */
    private void addDerived(Col col, List<String> name) {
        if (col.isDate() && (name.contains("birth") || name.contains("born") || name.contains("dob"))) {
            Col age = new Col(col.table(), col.column(), "date_part('year', age(%s))::int", "age");
            terms.add(Term.column(List.of("age"), age, 1.0));
            terms.add(Term.column(List.of("old"), age, 0.4));
        }
    }

    private void addValues(Col col) {
        double weight = "sample".equals(col.column().valuesSource()) ? 0.8 : 1.0;
        for (String value : col.column().values()) {
            List<String> words = Words.ofValue(value);
            if (!words.isEmpty() && !(words.size() == 1 && Stopwords.is(words.getFirst()))) {
                terms.add(Term.value(words, col, value, weight));
            }
        }
    }

    private static List<String> concat(List<String> head, String last) {
        List<String> out = new ArrayList<>(head);
        out.add(last);
        return out;
    }
}
