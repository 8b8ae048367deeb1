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
import java.util.ArrayList;
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
 * SQL ({@link SqlComposer}). Where it doubts its reading (a {@link Gate}: a question back, a decisive word left unread,
 * too few words placed, no join path, a named column unused) it asks back and says what it understood, or, at the gates
 * {@link OfflineSettings#answered()} names, answers with the words it did not place stated in the {@link Understanding}.
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
        return read(request).translation();
    }

    /**
     * What the translator made of a question and where it stopped: the translation it gives under its settings, the
     * {@link Gate}s the parsed intent met (in order; empty when nothing was in doubt or no intent was read), the query
     * the intent gives whether or not it was answered (null when there is none), the decisive words it left unplaced and
     * the other content words it did not use. The evaluation reads it to tell what each gate costs: how often the query
     * it held back would have been right.
     */
    public record Reading(Translation translation, List<Gate> gates, String sql, List<String> criticalWords,
                          List<String> unknownWords) {

        public Reading {
            gates = List.copyOf(gates);
            criticalWords = List.copyOf(criticalWords);
            unknownWords = List.copyOf(unknownWords);
        }

        private static Reading refused(Translation translation) {
            return new Reading(translation, List.of(), null, List.of(), List.of());
        }
    }

    /** {@link #translate}, with the gates the question met and the query they held back. */
    public Reading read(TranslationRequest request) {
        SchemaSnapshot schema = request.schema();
        if (schema.tables().isEmpty()) {
            return Reading.refused(refuse(ErrorCode.NO_SCHEMA, "The database '" + schema.datasource()
                    + "' has no tables I may read, so there is nothing to ask about yet."));
        }
        String question = request.question().question();
        Optional<String> change = ChangeRequests.verb(question);
        if (change.isPresent()) {
            return Reading.refused(refuse(ErrorCode.UNTRANSLATABLE, "dbchat only reads your data, so it cannot " + change.get()
                    + " anything. Ask a question about the data instead, e.g. \"How many "
                    + schema.tables().getFirst().name() + " are there?\""));
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
            return Reading.refused(refuse(ErrorCode.UNTRANSLATABLE, "I could not tell which table your question is about. "
                    + "I know these tables: " + tableNames(schema) + "."));
        }
        IntentParser.Parsed p = parsed.get();
        List<Gate> gates = new ArrayList<>();  // in the order they are asked: the first not answered asks back
        if (!p.clarifications().isEmpty()) {
            gates.add(Gate.CLARIFICATION);
        }
        if (!p.criticalWords().isEmpty()) {
            gates.add(Gate.CRITICAL_WORD);
        }
        if (p.confidence() < settings.confidenceThreshold()) {
            gates.add(Gate.LOW_CONFIDENCE);
        }
        String composed = null;
        try {
            composed = SqlComposer.compose(p.intent(), settings.listLimit());
        } catch (NoSuchElementException e) {
            gates.add(Gate.NO_JOIN_PATH);
        } catch (RuntimeException e) {
            if (gates.isEmpty()) {
                throw e;
            }
            // an intent a question back left unfinished may not compose: there is nothing to answer with, only to ask
        }
        String sql = composed;
        List<String> left = sql == null ? List.of() : ColumnAccount.missing(p.namedColumns(), sql);
        if (!left.isEmpty()) {
            gates.add(Gate.COLUMN_LEFT_OUT);
        }
        Understanding understanding = sql == null ? null : understanding(p, gates, left);
        // an answer past a gate must say what it doubted; one that could not is asked back (default deny)
        Optional<Gate> asked = sql == null || !gates.isEmpty() && !understanding.hasCaveats() ? gates.stream().findFirst()
                : gates.stream().filter(g -> !settings.answered().contains(g)).findFirst();
        Translation translation = asked.map(g -> askBack(g, p, left))
                .orElseGet(() -> new Translation.Sql(sql, INFO, Usage.NONE, List.of(), understanding));
        return new Reading(translation, gates, sql, p.criticalWords(), p.unknownWords());
    }

    /** The refusal at {@code gate}: the question back, or what is missing, and what was understood. */
    private static Translation askBack(Gate gate, IntentParser.Parsed p, List<String> left) {
        return refuse(ErrorCode.UNTRANSLATABLE, switch (gate) {
            case CLARIFICATION -> String.join(" ", p.clarifications()) + " I understood " + p.intent().describe() + ".";
            case CRITICAL_WORD -> askBack(p.criticalWords(), p);
            case LOW_CONFIDENCE -> explain(p);
            case NO_JOIN_PATH -> "I understood " + p.intent().describe()
                    + ", but I found no foreign keys that connect these tables. " + hint(p.intent().table);
            case COLUMN_LEFT_OUT -> "I read " + left.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "))
                    + " as a column but could not tell how your question uses it, and leaving it out would change the answer. "
                    + "I understood " + p.intent().describe() + ". " + hint(p.intent().table);
        });
    }

    /**
     * What the answer must show beside it: the query in words, the readings assumed, the words left out, and at each
     * gate answered past, what it doubted: the decisive words and the columns named that the answer leaves out.
     */
    private Understanding understanding(IntentParser.Parsed p, List<Gate> passed, List<String> left) {
        Intent intent = p.intent();
        List<String> ignored = new ArrayList<>(p.unknownWords());
        if (passed.contains(Gate.CRITICAL_WORD)) {
            p.criticalWords().stream().filter(w -> !ignored.contains(w)).forEach(ignored::add);
        }
        if (passed.contains(Gate.COLUMN_LEFT_OUT)) {
            left.stream().filter(w -> !ignored.contains(w)).forEach(ignored::add);
        }
        boolean ownLimit = !intent.isAggregate() && intent.groupBy == null
                && (intent.limit == null || intent.limit > settings.listLimit());
        // the catalog estimates the whole table: with a filter it would overstate the rows, so it is left out
        return new Understanding(intent.understood(), p.assumed(), ignored,
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
