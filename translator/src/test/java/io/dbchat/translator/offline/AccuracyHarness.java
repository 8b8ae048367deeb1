package io.dbchat.translator.offline;

import io.dbchat.eval.ResultComparator;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import io.dbchat.translator.context.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Translator-level execution accuracy: each question of a CSV file ({@code question,gold_sql,category};
 * a question "A >> B" asks B as a follow-up of A in one conversation) is translated, gold and generated
 * SQL run on the same PostgreSQL database and are compared with {@link ResultComparator}.
 */
final class AccuracyHarness {

    record Question(String question, String gold, String category) {
    }

    /** {@code honest}: a miss that said so, by refusing or by naming what it assumed or ignored. */
    record Outcome(Question question, String sql, boolean correct, String reason, boolean honest) {

        boolean confidentlyWrong() {
            return !correct && !honest;
        }
    }

    record Report(List<Outcome> outcomes) {

        double accuracy() {
            return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(Outcome::correct).count() / outcomes.size();
        }

        long confidentlyWrong() {
            return outcomes.stream().filter(Outcome::confidentlyWrong).count();
        }

        String summary(String name) {
            StringBuilder s = new StringBuilder(String.format("%s: %d/%d = %.1f%% correct, %d confidently wrong%n", name,
                    outcomes.stream().filter(Outcome::correct).count(), outcomes.size(), 100 * accuracy(), confidentlyWrong()));
            Map<String, int[]> byCategory = new TreeMap<>();
            for (Outcome o : outcomes) {
                int[] c = byCategory.computeIfAbsent(o.question().category(), k -> new int[2]);
                c[0] += o.correct() ? 1 : 0;
                c[1]++;
            }
            byCategory.forEach((k, c) -> s.append(String.format("  %-12s %d/%d%n", k, c[0], c[1])));
            for (Outcome o : outcomes) {
                if (!o.correct()) {
                    s.append(o.honest() ? "  MISS [" : "  WRONG [").append(o.question().category()).append("] ").append(o.question().question())
                            .append("\n    gold: ").append(o.question().gold()).append("\n    got:  ").append(o.sql())
                            .append("\n    why:  ").append(o.reason()).append('\n');
                }
            }
            return s.toString();
        }
    }

    private AccuracyHarness() {
    }

    static Report run(List<Question> questions, DataSource db, SchemaSnapshot schema, Translator translator) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Question q : questions) {
            outcomes.add(evaluate(q, db, schema, translator));
        }
        return new Report(outcomes);
    }

    private static Outcome evaluate(Question q, DataSource db, SchemaSnapshot schema, Translator translator) {
        List<Turn> history = new ArrayList<>();
        Translation last = null;
        for (String part : q.question().split("\\s*>>\\s*")) {
            QuestionAsked asked = QuestionAsked.of("q" + history.size(), "c", "eval", schema.datasource(), part, Instant.EPOCH);
            last = translator.translate(TranslationRequest.first(asked, schema, history));
            history.add(new Turn("q" + history.size(), part, last instanceof Translation.Sql s ? s.sql() : null, ""));
        }
        if (!(last instanceof Translation.Sql sql)) {
            return new Outcome(q, null, false, "refused: " + ((Translation.Refusal) last).problem().message(), true);
        }
        boolean hedged = sql.understanding() != null && sql.understanding().hasCaveats();
        try {
            var gold = execute(db, q.gold());
            var generated = execute(db, sql.sql());
            var verdict = ResultComparator.compare(gold, generated, ResultComparator.ordersRows(q.gold()));
            return new Outcome(q, sql.sql(), verdict.match(), verdict.reason() + (hedged ? "; said: " + sql.understanding() : ""),
                    hedged);
        } catch (SQLException e) {
            return new Outcome(q, sql.sql(), false, "SQL error: " + e.getMessage(), false);
        }
    }

    static ResultComparator.Result execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL statement_timeout = 20000");
                try (ResultSet rs = st.executeQuery(sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnLabel(i));
                    }
                    List<List<Object>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(rs.getObject(i));
                        }
                        rows.add(row);
                    }
                    return new ResultComparator.Result(columns, rows);
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** Reads {@code question,gold_sql[,category]} with a header line; fields may be double-quoted. */
    static List<Question> read(Path csv) throws IOException {
        List<Question> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                List<String> f = fields(line);
                out.add(new Question(f.get(0), f.get(1), f.size() > 2 ? f.get(2) : "all"));
            }
        }
        return out;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }
}
