package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads a question into an {@link Intent}: finds the main table, then the operations its cue words ask
 * for (count, aggregate, group, rank, compare, filter by value, by NULL, by flag or by related rows, distinct) and
 * the columns left to show. Every token it uses counts as understood; the rest make the confidence, and those that
 * decide the answer ({@link WordAccount}) make the translator ask back. Readings it chose among several are assumed.
 */
final class IntentParser {

    /** The schema's words and comment readings, made once per schema version. */
    private final Vocabulary vocabulary;

    private final String question;
    private final List<Token> tokens;
    private final List<Mention> mentions;
    private final Mention[] mentionAt;
    private final boolean[] used;
    private final Intent intent = new Intent();
    private final Comparisons comparisons;
    private final Conditions conditions;
    private final List<String> assumed = new ArrayList<>();
    /** "Who ..." asked of rows that name no one, with no single table of people to answer with. */
    private boolean unnamedWho;
    /** Words a reader found but could not place, so they must be asked about, not read elsewhere. */
    private final List<String> unplaced = new ArrayList<>();
    /**
     * "how many different carriers have shipped ...": the word after "different" names the rows asked about, so their
     * rows are counted once each, never the distinct values of a column another word names ("shipped": shipping_cost).
     */
    private boolean distinctRows;
    /** Questions back about what the words name: a name several stored values fit, or none. */
    private final List<String> clarifications = new ArrayList<>();

    private IntentParser(String question, List<Token> tokens, List<Mention> mentions, TableSchema table, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.question = question;
        this.tokens = tokens;
        this.mentions = mentions;
        this.mentionAt = new Mention[tokens.size()];
        this.used = new boolean[tokens.size()];
        for (Mention m : mentions) {
            for (int i = m.start(); i < m.end(); i++) {
                mentionAt[i] = m;
            }
        }
        intent.table = table;
        intent.tables = vocabulary.schema().tables();
        this.comparisons = new Comparisons(this);
        this.conditions = new Conditions(this, comparisons);
    }

    /** The intent of {@code question}; when no word names a table, {@code fuzzy} may; empty when neither does. */
    static Optional<Parsed> parse(String question, Vocabulary vocabulary, Supplier<Optional<FuzzyTables.Match>> fuzzy) {
        List<Token> tokens = Token.of(question);
        List<Mention> mentions = Mentions.find(tokens, vocabulary);
        TableSchema table = Resolution.mainTable(tokens, mentions);
        if (table != null) {
            IntentParser parser = new IntentParser(question, tokens, mentions, table, vocabulary);
            Parsed parsed = parser.run(-1);
            // no word names the table, and none of the words that chose it is read as its column or value: a guess
            return Resolution.namesTable(tokens, mentions) || TableEvidence.linked(parsed.intent(), mentions, parser.used)
                    ? Optional.of(parsed) : Optional.empty();
        }
        return fuzzy.get().map(m -> new IntentParser(question, tokens, mentions, m.table(), vocabulary)
                .run(m.tokenIndex()));
    }

    private Parsed run(int fuzzyTableWord) {
        if (fuzzyTableWord >= 0) {
            use(fuzzyTableWord, fuzzyTableWord + 1);
            assumed.add("'" + tokens.get(fuzzyTableWord).raw() + "' read as the table " + intent.table.name());
        }
        markTableMentions();
        Shares shares = new Shares(this);
        shares.apply();
        Measures measures = new Measures(this);
        measures.counts();
        boolean countAsked = intent.count;
        measures.aggregatePairs();
        measures.timeBuckets();
        new Rankings(this).apply();
        measures.aggregates();
        measures.groups();
        new GroupTotals(this).apply(countAsked);
        if (intent.groupBy != null && !intent.isAggregate()) {
            intent.count = true;  // "per month" alone counts the rows of each
        }
        new MoneyWords(this).apply(countAsked);
        conditions.exists();
        conditions.outOf();
        conditions.numbered();
        comparisons.apply();
        comparisons.lateness();
        new ColumnComparisons(this).apply();
        conditions.nulls();
        new Countries(this).apply();
        conditions.labels();
        new ValueFilters(this).apply();
        conditions.booleans();
        Glosses glosses = new Glosses(this);
        glosses.apply();
        new Restrictions(this).apply();
        glosses.still();
        new CountedPresence(this).apply();
        distinct();
        theirRelated();
        new ColumnRanges(this).apply();
        List<Integer> unread = mentions.stream().map(Mention::start).filter(i -> !used[i]).toList();
        selected();
        new GroupTotals(this).unshown(unread.stream().filter(i -> used[i]).toList());
        stillInState();
        new RoleKeys(this).apply();
        shares.check();
        tablesJoined();
        new LinkWords(this).apply();
        Abbreviations.assumeGuesses(this);
        List<Integer> unknown = unknownIndices();
        List<String> critical = new ArrayList<>(WordAccount.critical(tokens, used));
        if (unnamedWho) {
            critical.add(tokens.getFirst().raw());
        }
        unplaced.stream().filter(w -> !critical.contains(w)).forEach(critical::add);
        relatedTablesLeft().stream().filter(w -> !critical.contains(w)).forEach(critical::add);
        JoinAccount.check(this).stream().filter(w -> !critical.contains(w)).forEach(critical::add);
        return new Parsed(intent, confidence(), unknown.stream().map(i -> tokens.get(i).raw()).toList(), unknown,
                critical, assumed, clarifications, ColumnAccount.named(this));
    }

    // ---- shared with the construct readers ----

    List<Token> tokens() {
        return tokens;
    }

    /** The question as typed, for the signs its words lose ("O-" and "O+" are both the word "o"). */
    String question() {
        return question;
    }

    Intent intent() {
        return intent;
    }

    Token token(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    boolean is(int i, String... words) {
        Token t = token(i);
        return t != null && t.is(words);
    }

    boolean used(int i) {
        return used[i];
    }

    void use(int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, used.length); i++) {
            used[i] = true;
        }
    }

    Mention mentionAt(int i) {
        return i >= 0 && i < mentionAt.length ? mentionAt[i] : null;
    }

    /** The columns the mention at {@code i} names in this question's context, or an empty list. */
    List<Col> columnsAt(int i) {
        Mention m = mentionAt(i);
        if (m == null) {
            return List.of();
        }
        List<Term> terms = Resolution.resolve(m, intent.table);
        if (terms.getFirst().kind() != Term.Kind.COLUMN || !usable(terms.getFirst().table())) {
            return List.of();
        }
        return terms.stream().map(Term::column).toList();
    }

    /**
     * The date columns the mention at {@code i} may name, whatever it resolves to best: "departure" names departs_at
     * even where 'departed' is also a stored status.
     */
    List<Col> dateColumnsAt(int i) {
        Mention m = mentionAt(i);
        if (m == null) {
            return List.of();
        }
        return m.candidates().stream().filter(t -> t.kind() == Term.Kind.COLUMN && t.column().isDate() && usable(t.table()))
                .map(Term::column).toList();
    }

    Optional<Term> termAt(int i) {
        Mention m = mentionAt(i);
        return m == null ? Optional.empty() : Optional.of(Resolution.resolve(m, intent.table).getFirst());
    }

    /**
     * True when {@code t} can be joined to the main table: directly, or through one table between when the question
     * names {@code t} or one of its stored values (a column word alone does not reach that far).
     */
    boolean usable(TableSchema t) {
        if (Schema.related(intent.table, t)) {
            return true;
        }
        boolean named = mentions.stream().anyMatch(m -> m.candidates().stream().anyMatch(c -> c.table().equals(t)
                && (c.kind() == Term.Kind.TABLE && c.weight() >= 0.6 || c.kind() == Term.Kind.VALUE)));
        return named && Schema.path(intent.tables, intent.table, t).isPresent();
    }

    /**
     * The nearest unused column mention satisfying {@code fit}, looking first after {@code after} (up to
     * {@code ahead} tokens), then before {@code before} (up to {@code behind} tokens); marks it used.
     */
    Optional<Col> nearColumn(int after, int ahead, int before, int behind, Predicate<Col> fit) {
        for (int i = after + 1; i <= after + ahead && i < tokens.size(); i++) {
            Optional<Col> c = takeColumn(i, fit);
            if (c.isPresent()) {
                return c;
            }
        }
        for (int i = before - 1; i >= before - behind && i >= 0; i--) {
            Optional<Col> c = takeColumn(i, fit);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Optional<Col> takeColumn(int i, Predicate<Col> fit) {
        if (used[i]) {
            return Optional.empty();
        }
        List<Col> fitting = columnsAt(i).stream().filter(fit).distinct().toList();
        if (fitting.isEmpty()) {
            return Optional.empty();
        }
        use(mentionAt(i).start(), mentionAt(i).end());
        if (fitting.size() > 1) {
            assumed.add("'" + tokens.get(i).raw() + "' read as " + fitting.getFirst().name() + ", not "
                    + String.join(" or ", fitting.subList(1, fitting.size()).stream().map(Col::name).toList()));
        }
        return Optional.of(fitting.getFirst());
    }

    /**
     * "the projects and their client", "trips with their driver": a table each row points at, named after "their" or
     * "its", is shown beside the rows by its name.
     */
    private void theirRelated() {
        if (intent.isAggregate() || intent.groupBy != null) {
            return;
        }
        for (Mention m : mentions) {
            if (used[m.start()] || !is(m.start() - 1, "their", "its")) {
                continue;
            }
            Term t = Resolution.resolve(m, intent.table).getFirst();
            if (t.kind() != Term.Kind.TABLE || t.table().equals(intent.table)
                    || !Schema.join(intent.table, t.table()).map(j -> j.owner().equals(intent.table)).orElse(false)) {
                continue;
            }
            if (intent.select.isEmpty()) {
                intent.select.addAll(naming(intent.table));
            }
            for (Col label : Schema.labels(t.table())) {
                intent.select.add(label);
                intent.need(label);
            }
            use(m.start() - 1, m.end());
        }
    }

    /**
     * A related table named but not read ("the employees in the data <em>team</em>") restricts the rows in a way the
     * answer would leave out: listing every row instead would be confidently wrong.
     */
    private List<String> relatedTablesLeft() {
        List<String> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (used[m.start()] || !m.names(Term.Kind.TABLE)) {
                continue;
            }
            Term t = Resolution.resolve(m, intent.table).getFirst();
            if (t.kind() == Term.Kind.TABLE && !t.table().equals(intent.table) && t.weight() >= 0.6 && Schema.related(intent.table, t.table())
                    && !readsThrough(t.table())) {
                out.add(tokens.get(m.start()).raw());
            }
        }
        return out;
    }

    /**
     * "how many clients have overdue <em>invoices</em>": the name of the rows a value was read on, right after that value
     * and owned by the rows asked about ("have", "with"), is understood: the answer is about those rows. Elsewhere a
     * table word the answer did not place stays a caveat, as it may be the rows the question is about.
     */
    private void tablesJoined() {
        for (Mention m : mentions) {
            if (used[m.start()] || !m.names(Term.Kind.TABLE)) {
                continue;
            }
            Term t = Resolution.resolve(m, intent.table).getFirst();
            Mention value = mentionAt(m.start() - 1);
            if (t.kind() != Term.Kind.TABLE || t.table().equals(intent.table) || value == null || !used[value.start()]
                    || !intent.joins.contains(t.table()) || value.of(Term.Kind.VALUE).stream().noneMatch(v -> v.table().equals(t.table())
                    && intent.filters.stream().anyMatch(f -> f.column().equals(v.column())))) {
                continue;
            }
            int owner = value.start() - 1;
            while (is(owner, "a", "an", "any", "some", "their", "its")) {
                owner--;
            }
            if (is(owner, "have", "has", "had", "with")) {
                use(m.start(), m.end());
            }
        }
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** True when the intent already reads {@code table}: joins it or through it, or tests a column of it or a key to it. */
    boolean readsThrough(TableSchema table) {
        return readThrough(table) || intent.filters.stream().anyMatch(f -> Schema.path(intent.tables, intent.table, f.column().table())
                .orElse(List.of()).stream().anyMatch(step -> step.owner().equals(table) || step.target().equals(table)));
    }

    private boolean readThrough(TableSchema table) {
        boolean between = intent.joins.stream().anyMatch(j -> Schema.path(intent.tables, intent.table, j).orElse(List.of()).stream()
                .anyMatch(step -> step.owner().equals(table) || step.target().equals(table)));
        return between || intent.filters.stream().anyMatch(f -> f.column().table().equals(table)
                || f.template().contains("EXISTS (") || f.column().table().equals(intent.table) && intent.table.foreignKeys().stream()
                        .anyMatch(fk -> fk.refTable().equals(table.name()) && fk.columns().contains(f.column().column().name())));
    }

    /** Marks the mention at {@code i} read but not placed: the translator asks about it instead of answering. */
    void decisive(int i) {
        Mention m = mentionAt(i);
        int end = m == null ? i + 1 : m.end();
        unplaced.add(String.join(" ", tokens.subList(i, end).stream().map(Token::raw).toList()));
        use(i, end);
    }

    /** Records a question back: the words name something the schema holds several of, or nothing it holds. */
    void clarify(String question) {
        clarifications.add(question);
    }

    /** Records a reading the answer must state, as it is one of several. */
    void assume(String reading) {
        assumed.add(reading);
    }

    int skip(int i, String... words) {
        int j = i;
        while (is(j, words)) {
            j++;
        }
        return j;
    }

    // ---- constructs ----

    /** Marks the mentions that name {@code table} used: the rows a reading measures. */
    void markTable(TableSchema table) {
        for (Mention m : mentions) {
            Term t = Resolution.resolve(m, intent.table).getFirst();
            if (t.kind() == Term.Kind.TABLE && t.table().equals(table) && !used[m.start()]) {
                use(m.start(), m.end());
            }
        }
    }

    private void markTableMentions() {
        for (Mention m : mentions) {
            Term t = Resolution.resolve(m, intent.table).getFirst();
            if (t.kind() == Term.Kind.TABLE && t.table().equals(intent.table)) {
                use(m.start(), m.end());
            }
        }
    }

    private void distinct() {
        for (int i = 0; i < tokens.size(); i++) {
            if (is(i, "distinct", "different", "unique")) {
                intent.distinct = true;
                use(i, i + 1);
                distinctRows |= termAt(i + 1).map(t -> t.kind() == Term.Kind.TABLE && t.table().equals(intent.table)).orElse(false);
            }
        }
        int first = skip(1, "are", "is", "the", "kind", "of", "kinds");
        Mention subject = mentionAt(first);
        if (subject != null && subject.start() == first && termAt(first).map(t -> t.kind() == Term.Kind.TABLE).orElse(false)
                && !columnsAt(subject.end()).isEmpty()) {
            first = subject.end();  // "which skill categories": the table qualifies the column asked for
        }
        if (is(0, "which", "what") && !intent.isAggregate() && first < tokens.size() && !used[first]
                && columnsAt(first).stream().anyMatch(c -> !Schema.labels(c.table()).contains(c) && !c.isNumeric())) {
            intent.distinct = true;
        }
    }

    private void selected() {
        for (int i = 0; i < tokens.size(); i++) {
            Mention m = mentionAt(i);
            if (m == null || m.start() != i || used[i]) {
                continue;
            }
            // a column of rows the question denies ("never booked a stay") is not there to show
            List<Col> cols = columnsAt(i).stream().filter(c -> !intent.denies(c.table())).toList();
            if (cols.size() == 1 && cols.getFirst().isDate() && isVerb(i)) {
                if (cols.getFirst().table().equals(intent.table)) {
                    use(m.start(), m.end());  // "which students are enrolled": the verb of the question, not a column to show
                }
                // "employees who have completed a training": a condition on the related rows, left for the ask-back
                continue;
            }
            for (Col c : cols) {
                if (!intent.select.contains(c)) {
                    intent.select.add(c);
                    intent.need(c);
                }
            }
            if (!cols.isEmpty()) {
                use(m.start(), m.end());
            }
        }
        if (intent.select.size() == 1 && !intent.isAggregate() && namesMainTable()
                && intent.filters.stream().anyMatch(f -> f.column().equals(intent.select.getFirst()))) {
            intent.select.clear();  // "doctors with more than 20 years of experience" lists doctors, not their years
        }
        if (intent.count && intent.distinct && intent.select.size() == 1 && !distinctRows) {
            intent.aggregated = intent.select.getFirst();
        }
        nameListedRows();
        if (is(0, "who") && intent.select.isEmpty() && !intent.isAggregate() && !Schema.named(intent.table)) {
            people().ifPresentOrElse(labels -> labels.forEach(c -> {
                intent.select.add(c);
                intent.need(c);
            }), () -> unnamedWho = true);
        }
    }

    /** "still open", "still on a trial", "currently active": the adverb only stresses the state read after it. */
    private void stillInState() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && is(i, "still", "currently", "presently")) {
                int state = skip(i + 1, "on", "in", "a", "an", "being", "be");
                if (state < tokens.size() && used[state]) {
                    use(i, state);
                }
            }
        }
    }

    /**
     * "List the plans with their monthly price", "every restaurant with its city", "list the vegan starters with their
     * prices": rows asked for (by their table's name, or by "list"/"show"), with some of their columns, are shown with
     * what names each row (its name, else its key) first.
     */
    private void nameListedRows() {
        boolean rowsAsked = namesMainTable() || is(0, "list", "show", "display", "give");
        if (intent.isAggregate() || intent.distinct || intent.groupBy != null || intent.select.isEmpty() || !rowsAsked
                || intent.select.stream().anyMatch(c -> !c.table().equals(intent.table))) {
            return;
        }
        List<Col> naming = naming(intent.table);
        if (!naming.isEmpty() && intent.select.stream().noneMatch(naming::contains)) {
            intent.select.addAll(0, naming);
        }
    }

    /** What names a row for people: its name or title, else its key. */
    private static List<Col> naming(TableSchema table) {
        return Schema.named(table) ? Schema.labels(table) : table.primaryKey().stream()
                .flatMap(k -> table.column(k).map(c -> Col.of(table, c)).stream()).toList();
    }

    private boolean namesMainTable() {
        return mentions.stream().anyMatch(m -> Resolution.resolve(m, intent.table).getFirst().kind() == Term.Kind.TABLE
                && Resolution.resolve(m, intent.table).getFirst().table().equals(intent.table));
    }

    /** Words naming a person's row. */
    private static final java.util.Set<String> PERSON = java.util.Set.of("full_name", "first_name", "last_name", "username",
            "display_name");

    /**
     * "Who registered for Jazz Night?" asks for people, not registrations: the labels of the one table of people the
     * main table's rows point at.
     */
    private Optional<List<Col>> people() {
        List<TableSchema> people = intent.table.foreignKeys().stream()
                .flatMap(fk -> intent.tables.stream().filter(t -> t.name().equals(fk.refTable())))
                .distinct()
                .filter(t -> t.columns().stream().anyMatch(c -> PERSON.contains(c.name().toLowerCase(java.util.Locale.ROOT))))
                .toList();
        return people.size() == 1 ? Optional.of(Schema.labels(people.getFirst())) : Optional.empty();
    }

    /** A past participle after a form of "be" or "have" or after "who" ("are enrolled", "have joined", "who registered"). */
    private boolean isVerb(int i) {
        return tokens.get(i).lower().endsWith("ed") && is(i - 1, "are", "is", "was", "were", "been", "be", "have", "has", "had", "who");
    }

    private double confidence() {
        int known = 0;
        int unknown = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (used[i]) {
                known++;
            } else if (!Stopwords.is(tokens.get(i).word()) && !Stopwords.is(tokens.get(i).lower())) {
                unknown++;
            }
        }
        return known + unknown == 0 ? 0 : (double) known / (known + unknown);
    }

    private List<Integer> unknownIndices() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && !Stopwords.is(tokens.get(i).word()) && !Stopwords.is(tokens.get(i).lower())) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * An intent, how much of the question it accounts for (0..1), the content words it left unused and where they
     * stand, the words whose loss would change the answer ({@link WordAccount}), the readings it assumed, and the
     * questions back it must ask before answering ({@link KnownValues}), and the phrases read as columns, which the SQL
     * must use ({@link ColumnAccount}).
     */
    record Parsed(Intent intent, double confidence, List<String> unknownWords, List<Integer> unknownAt,
                  List<String> criticalWords, List<String> assumed, List<String> clarifications,
                  List<ColumnAccount.Named> namedColumns) {

        /** True when every word was read and nothing is left to ask: a question that stands on its own. */
        boolean whole() {
            return unknownWords.isEmpty() && criticalWords.isEmpty() && clarifications.isEmpty();
        }

        /** True when every content word from token {@code from} on was used. */
        boolean understoodFrom(int from) {
            return unknownAt.stream().noneMatch(i -> i >= from);
        }
    }
}
