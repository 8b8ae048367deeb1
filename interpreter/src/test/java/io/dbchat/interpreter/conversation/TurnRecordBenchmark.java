package io.dbchat.interpreter.conversation;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.DisplayText;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.serde.JsonSerde;
import io.dbchat.conversations.StoredAnswer;
import io.dbchat.conversations.StoredTurn;
import io.dbchat.conversations.TurnRecord;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: the CPU the interpreter's stream thread spends on one question's turn before Redis is asked (a FINAL
 * of 20 rows), the way it was and the way it is: before, the rows and their cells written to count their bytes, the
 * turn and the answer written for the script, and the answered turn written to the store's changelog at the commit;
 * now, the answer written once (its length bounds the rows' bytes) and the changelog given a tombstone when Redis
 * answered before the commit. Run with
 * {@code java -cp <test and runtime classpath> io.dbchat.interpreter.conversation.TurnRecordBenchmark [seconds]}.
 */
public final class TurnRecordBenchmark {

    private static final int MAX_ROW_BYTES = 262_144;

    private TurnRecordBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Instant at = Instant.parse("2026-11-22T10:15:30.123Z");
        QuestionAsked q = QuestionAsked.of("q-0001", "c-0001", "alice", "demo", "revenue by country last year", at);
        FinalAnswer answer = answer();
        var changelog = new JsonSerde<>(PendingTurn.class).serializer();
        PendingTurn answered = new PendingTurn(q, answer, at);
        for (int round = 0; round < 6; round++) {
            double before = measure(seconds, () -> {
                // TurnRecord.of as it was: the rows and cells written to count their bytes, the turn built
                int n = bytes(answer.rows()) + bytes(answer.display().cells());
                var turn = new StoredTurn(q.queryId(), q.question(), answer.sql(), answer.reply(), StoredTurn.ANSWERED,
                        q.askedAt(), at, q.datasource());
                // ConversationRecorder.record as it was: the turn and the answer written for the script
                n += Json.MAPPER.writeValueAsString(turn).length();
                n += Json.MAPPER.writeValueAsString(new StoredAnswer(answer, true)).length();
                n += changelog.serialize("t", answered).length;
                return n;
            });
            double now = measure(seconds, () -> {
                TurnRecord r = TurnRecord.of(q, answer, at, MAX_ROW_BYTES);
                return Json.MAPPER.writeValueAsString(r.turn()).length() + r.answerJson().length();
            });
            double changelogAlone = measure(seconds, () -> changelog.serialize("t", answered).length);
            System.out.printf("round %d: before %.1f us, now %.1f us per turn (of which the answered turn's changelog"
                    + " record, now only when Redis answers after the commit: %.1f us)%n", round, before, now,
                    changelogAlone);
        }
    }

    private static double measure(int seconds, java.util.function.IntSupplier work) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += work.getAsInt();
            n++;
        }
        if (sink == 42) {
            System.out.println();
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
    }

    private static int bytes(List<?> rows) {
        return rows.isEmpty() ? 2 : Json.MAPPER.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The answer to "tasks done per team last month": 20 rows of a team, a count, a share and a date. */
    private static FinalAnswer answer() {
        List<ColumnMeta> columns = List.of(new ColumnMeta("team", "text"), new ColumnMeta("tasks_done", "int8"),
                new ColumnMeta("share", "numeric"), new ColumnMeta("last_done", "date"));
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (int team = 1; team <= 20; team++) {
            BigDecimal share = BigDecimal.valueOf(team * 37L % 100, 3);
            String day = "2026-11-%02d".formatted(team);
            rows.add(List.of("Team " + team, 40L * team, share, day));
            cells.add(List.of("Team " + team, "%,d".formatted(40L * team), share.movePointRight(1) + " %", day));
        }
        return new FinalAnswer("Team 20 finished the most tasks last month.", "SELECT team, count(*) AS tasks_done"
                + " FROM tasks GROUP BY team ORDER BY tasks_done DESC LIMIT 20", columns, rows, 20, false, null,
                "rules", null, null, new DisplayText(List.of("text", "number", "number", "date"), cells));
    }
}
