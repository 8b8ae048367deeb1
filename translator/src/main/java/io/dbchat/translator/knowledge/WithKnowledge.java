package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Understanding;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.policy.PolicySubject;
import io.dbchat.contracts.policy.SchemaView;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import java.util.List;
import java.util.Optional;

/**
 * Answers from the team's knowledge before the translator, and gives the translator what it knows. A first attempt at
 * a question that stands alone is answered by the approved example that means the same (its literals re-bound), else,
 * without a model, from a measure term it names ({@link TermAnswers}) or with the condition term it names added to the
 * rules' SQL ({@link ConditionTerms}), else, in front of a model, by the SQL of an
 * earlier question that meant the same (the semantic cache); anything else goes
 * to the translator with the similar examples, the terms it names and the notes ({@link KnowledgeHints}). Only a
 * principal who sees the whole schema is answered from knowledge or shown examples and terms: their SQL may name what
 * another's access policies hide. A question with earlier turns in its conversation is never answered from knowledge,
 * and its SQL is marked {@link #FOLLOW_UP}, so the cache never takes it.
 */
public final class WithKnowledge implements Translator {

    /** The example answering translations name this "translator". */
    public static final TranslatorInfo EXAMPLES = new TranslatorInfo("knowledge", "example", null);
    /** The note on SQL written with a conversation's earlier turns: it answers this conversation only, so it is not cached. */
    public static final String FOLLOW_UP = "written with the conversation's earlier turns";
    /** The term answering translations (without a model) name this one. */
    public static final TranslatorInfo TERMS = new TranslatorInfo("knowledge", "term", null);

    /**
     * @param match     similarity (cosine, literals masked) above which a known question may stand for the asked one
     * @param related   similarity above which an example is shown to the model
     * @param examples  examples shown to the model at most
     * @param promptChars characters of knowledge in a prompt at most
     */
    public record Settings(double match, double related, int examples, int promptChars) {

        public static Settings defaults() {
            return new Settings(0.9, 0.65, 3, 4000);
        }
    }

    private final Translator delegate;
    private final KnowledgeView knowledge;
    private final QueryCache cache;
    private final Embedder embedder;
    private final PolicyStore policies;
    private final KnowledgeMeters meters;
    private final Settings settings;

    /** @param cache null when reuse saves nothing (a translator without a model) */
    public WithKnowledge(Translator delegate, KnowledgeView knowledge, QueryCache cache, Embedder embedder,
                         PolicyStore policies, KnowledgeMeters meters, Settings settings) {
        this.delegate = delegate;
        this.knowledge = knowledge;
        this.cache = cache;
        this.embedder = embedder;
        this.policies = policies;
        this.meters = meters;
        this.settings = settings;
    }

    @Override
    public boolean isRemote() {
        return delegate.isRemote();
    }

    @Override
    public Translation translate(TranslationRequest request) {
        QuestionAsked q = request.question();
        boolean useCache = cache != null && cache.size() > 0 && !q.isReplay();
        if (request.attempt() > 1 || !(useCache || knowledge.knows(q.datasource()))) {
            Translation done = delegated(request);
            return request.history().isEmpty() ? done : markedFollowUp(done);
        }
        boolean whole = seesWhole(request);
        Probe probe = Probe.of(q.question(), embedder);
        // with earlier turns, even a question that reads as standing alone may lean on them ("how many are on hold")
        boolean followUp = !request.history().isEmpty();
        if (whole && !followUp && Standalone.standsAlone(q.question())) {
            Optional<Translation> known = fromExample(request, probe)
                    .or(() -> delegate.isRemote() ? Optional.empty() : fromTerm(request))
                    .or(() -> delegate.isRemote() ? Optional.empty() : withCondition(request))
                    .or(() -> useCache ? fromCache(request, probe) : Optional.empty());
            if (known.isPresent()) {
                return known.get();
            }
        }
        KnowledgeHints hints = knowledge.hints(probe, q.datasource(), settings.examples(), settings.related());
        Translation done = delegated(request.withKnowledge(whole ? hints
                : new KnowledgeHints(List.of(), List.of(), hints.docs())));
        return followUp ? markedFollowUp(done) : done;
    }

    private Translation markedFollowUp(Translation done) {
        if (done instanceof Translation.Sql sql && sql.source() == null) {
            return new Translation.Sql(sql.sql(), sql.translator(), sql.usage(), sql.interactions(), sql.understanding(),
                    new SqlSource(delegate.isRemote() ? SqlSource.MODEL : SqlSource.RULES, null, null, FOLLOW_UP));
        }
        return done;
    }

    /** Whether the principal's access policies leave the schema as it is (same tables, columns, values). */
    private boolean seesWhole(TranslationRequest request) {
        var q = request.question();
        var seen = SchemaView.of(request.schema(), policies.of(q.datasource()), PolicySubject.of(q.attributes()));
        return seen == request.schema() || seen.tables().equals(request.schema().tables());
    }

    private Optional<Translation> fromExample(TranslationRequest request, Probe probe) {
        return knowledge.example(probe, request.schema(), settings.match()).map(hit -> {
            meters.source(SqlSource.EXAMPLE);
            String said = "answered from the verified example \"" + hit.known().question() + "\"" + rebound(hit);
            return new Translation.Sql(hit.rebound().sql(), EXAMPLES, Usage.NONE, List.of(), understood(said),
                    SqlSource.example(hit.known().about().id(), said));
        });
    }

    /** Without a model, a question about one measure term ("revenue per month") is answered from its expression. */
    private Optional<Translation> fromTerm(TranslationRequest request) {
        var q = request.question();
        return TermAnswers.answer(q.question(), knowledge.termsNamed(q.question(), q.datasource()), request.schema())
                .map(answer -> {
                    meters.source(SqlSource.RULES);
                    String said = "used the term '" + answer.term().name() + "'";
                    return new Translation.Sql(answer.sql(), TERMS, Usage.NONE, List.of(),
                            new Understanding(answer.understood(), List.of(), List.of(), null, null),
                            new SqlSource(SqlSource.RULES, answer.term().id(), null, said));
                });
    }

    /**
     * Without a model, a question naming one condition term ("how many active clients") is read by the rules with the
     * term's words as its table, and the condition is added to their SQL; any other outcome is no answer.
     */
    private Optional<Translation> withCondition(TranslationRequest request) {
        var q = request.question();
        return ConditionTerms.reading(q.question(), knowledge.termsNamed(q.question(), q.datasource()), request.schema())
                .flatMap(reading -> {
                    var reworded = new TranslationRequest(reading.asked(q), request.schema(), request.history(),
                            request.attempt(), request.previousFailure());
                    if (!(delegate.translate(reworded) instanceof Translation.Sql rules) || rules.source() != null) {
                        return Optional.empty();
                    }
                    return ConditionTerms.apply(rules.sql(), reading).map(sql -> {
                        meters.source(SqlSource.RULES);
                        Understanding u = rules.understanding() != null ? rules.understanding()
                                : new Understanding(List.of(), List.of(), List.of(), null, null);
                        // the page shows what was understood; the words say what was assumed
                        List<String> understood = new java.util.ArrayList<>(List.of(reading.said()));
                        understood.addAll(u.understood());
                        List<String> assumed = new java.util.ArrayList<>(List.of(reading.meaning()));
                        assumed.addAll(u.assumed());
                        return new Translation.Sql(sql, TERMS, Usage.NONE, List.of(),
                                new Understanding(understood, assumed, u.ignored(), u.listLimit(), null),
                                new SqlSource(SqlSource.RULES, reading.term().id(), null, reading.said()));
                    });
                });
    }

    private Optional<Translation> fromCache(TranslationRequest request, Probe probe) {
        var hit = cache.match(probe, request.schema(), knowledge, settings.match());
        if (hit.isEmpty()) {
            meters.miss();
            return Optional.empty();
        }
        CachedQuery cached = hit.get().known().about();
        meters.hit(cached.costUsd());
        meters.source(SqlSource.CACHE);
        String said = "reused the SQL of the earlier question \"" + cached.question() + "\"" + rebound(hit.get());
        return Optional.of(new Translation.Sql(hit.get().rebound().sql(), cached.translator(), Usage.NONE, List.of(),
                understood(said), SqlSource.cache(cached.queryId(), null, said)));
    }

    private Translation delegated(TranslationRequest request) {
        Translation done = delegate.translate(request);
        if (done instanceof Translation.Sql) {
            meters.source(delegate.isRemote() ? SqlSource.MODEL : SqlSource.RULES);
        }
        return done;
    }

    private static String rebound(QuestionIndex.Hit<?> hit) {
        var changes = hit.rebound().changes();
        return changes.isEmpty() ? "" : ", with " + String.join(", ", changes);
    }

    private static Understanding understood(String said) {
        return new Understanding(List.of(said), List.of(), List.of(), null, null);
    }
}
