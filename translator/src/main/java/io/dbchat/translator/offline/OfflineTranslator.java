package io.dbchat.translator.offline;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Understanding;
import io.dbchat.contracts.events.Usage;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Translates without an LLM, from the schema alone: the question's words are matched to tables, columns
 * and stored values ({@link Vocabulary}), read into an {@link Intent} ({@link IntentParser}) and written as
 * SQL ({@link SqlComposer}). Below the confidence threshold it refuses and says what it understood.
 */
public final class OfflineTranslator implements Translator {

    public static final TranslatorInfo INFO = TranslatorInfo.offline("offline-v2");

    private final OfflineSettings settings;
    private final Map<String, Vocabulary> vocabularies = new ConcurrentHashMap<>();
    private final FuzzyTables fuzzy;

    public OfflineTranslator() {
        this(OfflineSettings.defaults());
    }

    public OfflineTranslator(OfflineSettings settings) {
        this(settings, settings.useEmbeddings() ? new FuzzyTables() : null);
        if (fuzzy != null) {
            Thread.ofVirtual().name("offline-embeddings-warm-up").start(fuzzy::warmUp);
        }
    }

    OfflineTranslator(OfflineSettings settings, FuzzyTables fuzzy) {
        this.settings = settings;
        this.fuzzy = fuzzy;
    }

    @Override
    public Translation translate(TranslationRequest request) {
        SchemaSnapshot schema = request.schema();
        if (schema.tables().isEmpty()) {
            return refuse(ErrorCode.NO_SCHEMA, "The database '" + schema.datasource()
                    + "' has no tables I may read, so there is nothing to ask about yet.");
        }
        String question = request.question().question();
        Optional<String> change = ChangeRequests.verb(question);
        if (change.isPresent()) {
            return refuse(ErrorCode.UNTRANSLATABLE, "dbchat only reads your data, so it cannot " + change.get()
                    + " anything. Ask a question about the data instead, e.g. \"How many "
                    + schema.tables().getFirst().name() + " are there?\"");
        }
        Vocabulary vocabulary = vocabulary(schema);
        Optional<IntentParser.Parsed> parsed = parse(question, vocabulary);
        String effective = FollowUps.effective(question, request.history(), vocabulary);
        if (!effective.equals(question)) {
            Optional<IntentParser.Parsed> refined = parse(effective, vocabulary);
            // a follow-up refines the question before it only when all of its own words fit that question
            int ownWords = Token.of(effective).size() - Token.of(question).size();
            // and, unless it opens as a follow-up does, when alone it is not a whole question about other rows
            if (refined.isPresent() && refined.get().understoodFrom(ownWords)
                    && (parsed.isEmpty() || refined.get().confidence() >= parsed.get().confidence()
                    || FollowUps.opensWithCue(question))
                    && (parsed.isEmpty() || FollowUps.opensWithCue(question) || !parsed.get().whole()
                    || parsed.get().intent().table.equals(refined.get().intent().table))) {
                parsed = refined;
            }
        }
        if (parsed.isEmpty()) {
            return refuse(ErrorCode.UNTRANSLATABLE, "I could not tell which table your question is about. "
                    + "I know these tables: " + tableNames(schema) + ".");
        }
        IntentParser.Parsed p = parsed.get();
        if (!p.clarifications().isEmpty()) {
            return refuse(ErrorCode.UNTRANSLATABLE, String.join(" ", p.clarifications()) + " I understood "
                    + p.intent().describe() + ".");
        }
        if (!p.criticalWords().isEmpty()) {
            return refuse(ErrorCode.UNTRANSLATABLE, askBack(p.criticalWords(), p));
        }
        if (p.confidence() < settings.confidenceThreshold()) {
            return refuse(ErrorCode.UNTRANSLATABLE, explain(p));
        }
        String sql;
        try {
            sql = SqlComposer.compose(p.intent(), settings.listLimit());
        } catch (NoSuchElementException e) {
            return refuse(ErrorCode.UNTRANSLATABLE, "I understood " + p.intent().describe()
                    + ", but I found no foreign keys that connect these tables. " + hint(p.intent().table));
        }
        List<String> left = ColumnAccount.missing(p.namedColumns(), sql);
        if (!left.isEmpty()) {
            return refuse(ErrorCode.UNTRANSLATABLE, "I read " + left.stream().map(w -> "'" + w + "'")
                    .collect(Collectors.joining(", ")) + " as a column but could not tell how your question uses it, and "
                    + "leaving it out would change the answer. I understood " + p.intent().describe() + ". " + hint(p.intent().table));
        }
        return new Translation.Sql(sql, INFO, Usage.NONE, List.of(), understanding(p));
    }

    /** What the answer must show beside it: the query in words, the readings assumed, the words left out. */
    private Understanding understanding(IntentParser.Parsed p) {
        Intent intent = p.intent();
        boolean ownLimit = !intent.isAggregate() && intent.groupBy == null
                && (intent.limit == null || intent.limit > settings.listLimit());
        // the catalog estimates the whole table: with a filter it would overstate the rows, so it is left out
        return new Understanding(intent.understood(), p.assumed(), p.unknownWords(),
                ownLimit ? settings.listLimit() : null,
                ownLimit && intent.filters.isEmpty() && intent.table.rowEstimate() > 0 ? intent.table.rowEstimate() : null);
    }

    /** A refusal that names the decisive word it could not read and says what it can answer instead. */
    private static String askBack(List<String> critical, IntentParser.Parsed p) {
        String words = critical.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
        return "I did not understand " + words + " in your question, and leaving it out would change the answer. "
                + "I understood " + p.intent().describe() + ". " + hint(p.intent().table);
    }

    private Optional<IntentParser.Parsed> parse(String question, Vocabulary vocabulary) {
        Supplier<Optional<FuzzyTables.Match>> fallback = fuzzy == null ? Optional::empty
                : () -> fuzzy.find(Token.of(question), vocabulary.schema());
        return IntentParser.parse(question, vocabulary, fallback);
    }

    private Vocabulary vocabulary(SchemaSnapshot schema) {
        String key = schema.datasource() + "@" + schema.version();
        Vocabulary known = vocabularies.get(key);
        if (known != null) {
            return known;
        }
        if (vocabularies.size() > 32) {
            vocabularies.clear();
        }
        return vocabularies.computeIfAbsent(key, k -> new Vocabulary(schema));
    }

    private static String explain(IntentParser.Parsed p) {
        TableSchema table = p.intent().table;
        return "I am not confident I understood your question. I understood " + p.intent().describe()
                + (p.unknownWords().isEmpty() ? "" : ", but not the words " + String.join(", ", p.unknownWords()))
                + ". " + hint(table);
    }

    private static String hint(TableSchema table) {
        String columns = table.columns().stream().filter(c -> !Vocabulary.isSensitive(c)).map(ColumnSchema::name)
                .collect(Collectors.joining(", "));
        return "The table " + table.name() + " has the columns " + columns
                + ". Try naming a column, a value or a table, e.g. \"How many " + table.name() + " are there?\"";
    }

    private static String tableNames(SchemaSnapshot schema) {
        return schema.tables().stream().map(TableSchema::name).sorted().collect(Collectors.joining(", "));
    }

    private static Translation refuse(ErrorCode code, String message) {
        return new Translation.Refusal(code.problem(message), INFO);
    }
}
