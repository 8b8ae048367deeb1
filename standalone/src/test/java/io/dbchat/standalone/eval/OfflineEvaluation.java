package io.dbchat.standalone.eval;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.Understanding;
import io.dbchat.eval.ResultComparator;
import io.dbchat.schemapublisher.catalog.CatalogReader;
import io.dbchat.schemapublisher.catalog.ExposurePolicy;
import io.dbchat.schemapublisher.catalog.Sampling;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import io.dbchat.translator.context.Turn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores a translator on schemas without the pipeline: loads each schema's SQL into its own database of an
 * embedded PostgreSQL, reads its catalog with the schema publisher's {@link CatalogReader} (sampling as the
 * publisher does by default), asks every question of the suite directly, and judges with {@link Evaluator}.
 * Fast enough to run on every change; {@code dbchat eval} measures the same through the whole pipeline.
 */
final class OfflineEvaluation {

    /** A schema (SQL resource), its questions (CSV resource) and, where the schema script holds none, its rows. */
    record Suite(String name, String schemaResource, String questionsResource, String dataResource) {

        Suite(String name, String schemaResource, String questionsResource) {
            this(name, schemaResource, questionsResource, null);
        }
    }

    /** The demo company's questions (what {@code dbchat eval} asks by default) on its schema and rows. */
    static final List<Suite> DEMO = List.of(new Suite("demo", "demo/schema.sql", "eval/demo-questions.csv", "demo/data.sql"));

    static final List<Suite> HELD_OUT = List.of(
            new Suite("library", "eval/heldout-v2/library.sql", "eval/heldout-v2/library.csv"),
            new Suite("clinic", "eval/heldout-v2/clinic.sql", "eval/heldout-v2/clinic.csv"),
            new Suite("shop", "eval/heldout-v2/shop.sql", "eval/heldout-v2/shop.csv"),
            new Suite("school", "eval/heldout-v2/school.sql", "eval/heldout-v2/school.csv"));

    /** Written after the work on the held-out set, measured once and never tuned to (see eval/fresh/README.md). */
    static final List<Suite> FRESH = List.of(new Suite("airline", "eval/fresh/airline.sql", "eval/fresh/airline.csv"));

    /** Four more schemas written after the work, measured once and never tuned to (see eval/heldout-v3/README.md). */
    static final List<Suite> HELD_OUT_V3 = List.of(
            new Suite("realestate", "eval/heldout-v3/realestate.sql", "eval/heldout-v3/realestate.csv"),
            new Suite("gym", "eval/heldout-v3/gym.sql", "eval/heldout-v3/gym.csv"),
            new Suite("logistics", "eval/heldout-v3/logistics.sql", "eval/heldout-v3/logistics.csv"),
            new Suite("grants", "eval/heldout-v3/grants.sql", "eval/heldout-v3/grants.csv"));

    /** Four more schemas of other businesses, measured once and never tuned to (see eval/heldout-v4/README.md). */
    static final List<Suite> HELD_OUT_V4 = List.of(
            new Suite("restaurant", "eval/heldout-v4/restaurant.sql", "eval/heldout-v4/restaurant.csv"),
            new Suite("saas", "eval/heldout-v4/saas.sql", "eval/heldout-v4/saas.csv"),
            new Suite("bikeshare", "eval/heldout-v4/bikeshare.sql", "eval/heldout-v4/bikeshare.csv"),
            new Suite("ticketing", "eval/heldout-v4/ticketing.sql", "eval/heldout-v4/ticketing.csv"));

    /** Four more schemas of other businesses, written without reading the translator (see eval/heldout-v5/README.md). */
    static final List<Suite> HELD_OUT_V5 = List.of(
            new Suite("hotel", "eval/heldout-v5/hotel.sql", "eval/heldout-v5/hotel.csv"),
            new Suite("carrental", "eval/heldout-v5/carrental.sql", "eval/heldout-v5/carrental.csv"),
            new Suite("insurance", "eval/heldout-v5/insurance.sql", "eval/heldout-v5/insurance.csv"),
            new Suite("recruiting", "eval/heldout-v5/recruiting.sql", "eval/heldout-v5/recruiting.csv"));

    /** Four more schemas of other businesses, written blind to the translator and earlier sets (see eval/heldout-v6/README.md). */
    static final List<Suite> HELD_OUT_V6 = List.of(
            new Suite("vet", "eval/heldout-v6/vet.sql", "eval/heldout-v6/vet.csv"),
            new Suite("university", "eval/heldout-v6/university.sql", "eval/heldout-v6/university.csv"),
            new Suite("brewery", "eval/heldout-v6/brewery.sql", "eval/heldout-v6/brewery.csv"),
            new Suite("charity", "eval/heldout-v6/charity.sql", "eval/heldout-v6/charity.csv"));

    /** Five more schemas of other businesses, written blind to the translator and earlier sets (see eval/heldout-v7/README.md). */
    static final List<Suite> HELD_OUT_V7 = List.of(
            new Suite("museum", "eval/heldout-v7/museum.sql", "eval/heldout-v7/museum.csv"),
            new Suite("construction", "eval/heldout-v7/construction.sql", "eval/heldout-v7/construction.csv"),
            new Suite("streaming", "eval/heldout-v7/streaming.sql", "eval/heldout-v7/streaming.csv"),
            new Suite("farm", "eval/heldout-v7/farm.sql", "eval/heldout-v7/farm.csv"),
            new Suite("league", "eval/heldout-v7/league.sql", "eval/heldout-v7/league.csv"));

    /** Five more schemas of other businesses, written blind when v7 was opened for development (see eval/heldout-v8/README.md). */
    static final List<Suite> HELD_OUT_V8 = List.of(
            new Suite("dentallab", "eval/heldout-v8/dentallab.sql", "eval/heldout-v8/dentallab.csv"),
            new Suite("storage", "eval/heldout-v8/storage.sql", "eval/heldout-v8/storage.csv"),
            new Suite("evcharge", "eval/heldout-v8/evcharge.sql", "eval/heldout-v8/evcharge.csv"),
            new Suite("auction", "eval/heldout-v8/auction.sql", "eval/heldout-v8/auction.csv"),
            new Suite("translation", "eval/heldout-v8/translation.sql", "eval/heldout-v8/translation.csv"));

    private static final Sampling PUBLISHER_DEFAULT = new Sampling(true, 30, Duration.ofSeconds(2), 1_000_000, 100);

    private final EmbeddedPostgres postgres;
    private final Translator translator;

    OfflineEvaluation(EmbeddedPostgres postgres, Translator translator) {
        this.postgres = postgres;
        this.translator = translator;
    }

    /** The outcomes of every question of every suite, in order. */
    EvalReport run(String label, List<Suite> suites) throws Exception {
        List<EvalOutcome> outcomes = new ArrayList<>();
        for (Suite suite : suites) {
            outcomes.addAll(run(suite));
        }
        return new EvalReport(label, outcomes);
    }

    List<EvalOutcome> run(Suite suite) throws Exception {
        List<String> sql = suite.dataResource() == null ? List.of(resource(suite.schemaResource()))
                : List.of(resource(suite.schemaResource()), resource(suite.dataResource()));
        return run(suite.name(), sql, QuestionFile.csv(resource(suite.questionsResource())));
    }

    /** The outcomes of {@code questions} on a database named {@code name} loaded from {@code schemaSql}. */
    List<EvalOutcome> run(String name, String schemaSql, List<EvalQuestion> questions) throws Exception {
        return run(name, List.of(schemaSql), questions);
    }

    /** The same, loaded from several statement strings run in turn (a schema, then its rows). */
    private List<EvalOutcome> run(String name, List<String> schemaSql, List<EvalQuestion> questions) throws Exception {
        load(name, schemaSql);
        SchemaSnapshot schema;
        try (Connection db = connect(name)) {
            schema = new SchemaSnapshot(SchemaSnapshot.VERSION, name, "eval",
                    Instant.now(), new CatalogReader(ExposurePolicy.everything(), PUBLISHER_DEFAULT).read(db));
        }
        Map<String, List<Turn>> conversations = new HashMap<>();
        Evaluator evaluator = new Evaluator((question, conversation) -> ask(schema, question, conversation, conversations),
                sql -> execute(name, sql));
        return evaluator.evaluate(questions).stream().map(o -> new EvalOutcome(o.question(), name + "/" + o.category(),
                o.goldSql(), o.generatedSql(), o.correct(), o.reason(), o.latencyMs(), o.verdict(), o.caveat())).toList();
    }

    private Evaluator.Answer ask(SchemaSnapshot schema, String question, String conversation,
                                 Map<String, List<Turn>> conversations) {
        String id = conversation == null ? UUID.randomUUID().toString() : conversation;
        List<Turn> history = conversations.computeIfAbsent(id, k -> new ArrayList<>());
        String queryId = UUID.randomUUID().toString();
        var asked = QuestionAsked.of(queryId, id, "eval", schema.datasource(), question, Instant.now());
        Translation t = translator.translate(TranslationRequest.first(asked, schema, history));
        return switch (t) {
            case Translation.Sql sql -> {
                history.add(new Turn(queryId, question, sql.sql(), ""));
                yield new Evaluator.Answer(sql.sql(), id, "", caveat(sql.understanding()));
            }
            case Translation.Refusal refusal -> {
                history.add(new Turn(queryId, question, null, refusal.problem().message()));
                yield new Evaluator.Answer(null, id, refusal.problem().message(), null);
            }
        };
    }

    /** What the answer would say it assumed or ignored, as {@code dbchat eval} reads it from the answer; null if nothing. */
    static String caveat(Understanding u) {
        if (u == null || !u.hasCaveats()) {
            return null;
        }
        List<String> said = new ArrayList<>();
        u.assumed().forEach(a -> said.add("assumed: " + a));
        u.ignored().forEach(w -> said.add("ignored: " + w));
        return String.join("; ", said);
    }

    private void load(String name, List<String> schemaSql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            s.execute("CREATE DATABASE \"" + name + "\"");
        }
        try (Connection c = connect(name); Statement s = c.createStatement()) {
            for (String sql : schemaSql) {
                s.execute(sql);
            }
            s.execute("ANALYZE");
        }
    }

    private Connection connect(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    /** True when {@code sql} gives the rows {@code goldSql} gives on the database {@link #run(Suite)} loaded for {@code suite}. */
    boolean matches(Suite suite, String goldSql, String sql) {
        try {
            return ResultComparator.compare(execute(suite.name(), goldSql), execute(suite.name(), sql),
                    ResultComparator.ordersRows(goldSql)).match();
        } catch (SQLException e) {
            return false;
        }
    }

    private ResultComparator.Result execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            c.setReadOnly(true);
            st.setQueryTimeout(30);
            try (ResultSet rs = st.executeQuery(sql)) {
                return EvalDatabase.read(rs);
            }
        }
    }

    static String resource(String path) throws IOException {
        try (InputStream in = OfflineEvaluation.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the summary and the per-question JSON report under {@code dir}. */
    static void write(EvalReport report, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".txt"), report.summary(), StandardCharsets.UTF_8);
        report.write(dir.resolve(name + ".json"));
        report.write(dir.resolve(name + ".csv"));
    }
}
