package io.dbchat.contracts.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.DisplayText;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the CPU one stage spends encoding and decoding the events of one question's path (the question, its
 * SQL, a result of 20 rows and the FINAL with them), through {@link Json#MAPPER} and through a mapper of the same
 * settings without its accessor module, read from the thread's CPU time. Run with
 * {@code java -cp <test and runtime classpath> io.dbchat.contracts.serde.JsonSerdeBenchmark [seconds]}.
 */
public final class JsonSerdeBenchmark {

    private JsonSerdeBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        JsonMapper plain = JsonMapper.builder()
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        List<Object> events = events();
        for (int round = 0; round < 8; round++) {
            System.out.printf("round %d: plain %.1f us, Json.MAPPER %.1f us per question's events%n", round,
                    measure(plain, events, seconds), measure(Json.MAPPER, events, seconds));
        }
    }

    private static double measure(JsonMapper mapper, List<Object> events, int seconds) {
        List<ObjectWriter> writers = new ArrayList<>();
        List<ObjectReader> readers = new ArrayList<>();
        for (Object e : events) {
            JavaType type = mapper.constructType(e instanceof QueryResult ? QueryResult.class : e.getClass());
            writers.add(mapper.writerFor(type));
            readers.add(mapper.readerFor(type));
        }
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < events.size(); i++) {
                byte[] bytes = writers.get(i).writeValueAsBytes(events.get(i));
                Object back = readers.get(i).readValue(bytes);
                sink += bytes.length + (back == null ? 0 : 1);
            }
            n++;
        }
        if (sink == 42) {
            System.out.println();
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
    }

    private static List<Object> events() {
        Instant at = Instant.parse("2026-11-22T10:15:30.123Z");
        QuestionAsked q = QuestionAsked.of("q-0001", "c-0001", "alice", "demo", "revenue by country last year", at);
        SqlProposed sql = SqlProposed.of(q, "SELECT country, sum(amount) AS revenue FROM orders JOIN customers USING "
                + "(customer_id) WHERE ordered_at >= date '2025-01-01' GROUP BY country ORDER BY revenue DESC LIMIT 20",
                1, TranslatorInfo.offline("v1"), Usage.NONE, 3, "abc");
        List<ColumnMeta> columns = List.of(new ColumnMeta("country", "text"), new ColumnMeta("revenue", "numeric"),
                new ColumnMeta("orders", "int8"), new ColumnMeta("first_order", "date"));
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(List.of("Country " + i, new BigDecimal("12345.67").add(BigDecimal.valueOf(i)), 100L + i,
                    "2025-01-" + (10 + i)));
            cells.add(List.of("Country " + i, "12,345.67", Long.toString(100 + i), "January " + (10 + i) + ", 2025"));
        }
        QueryAnswered answered = QueryAnswered.of(sql, columns, rows, false, 4);
        FinalAnswer answer = new FinalAnswer("Germany had the most revenue last year.", sql.sql(), columns, rows, 20,
                false, null, "rules", null, null, new DisplayText(List.of("text", "number", "number", "date"), cells));
        return List.of(q, sql, answered, ReplyEvent.status(q, 1000, "interpreting", at), ReplyEvent.fin(q, 1002, answer, at));
    }
}
