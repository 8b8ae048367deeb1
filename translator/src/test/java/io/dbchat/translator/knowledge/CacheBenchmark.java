package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.llm.LlmStub;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The semantic cache on a question set with repeats, paraphrases and literal variants, in front of the real LLM
 * translator on a stub answering after a fixed delay: the cache hit rate, model calls saved, whether every reused SQL
 * is exactly what the model wrote for that question, and the translation latency with and without the cache. Each
 * answered question enters the cache as the topology would put it there (the answer the executor reports).
 * Arguments: [questions (default 200)] [model delay ms (default 800)] [seed (default 15)].
 */
public final class CacheBenchmark {

    private static final Pattern QUESTION = Pattern.compile("Question: (.*)\\s*$");

    /** A question template: its phrasings (paraphrases of one another) and the SQL a model writes for it. */
    private record Template(List<String> phrasings, String sql) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template(List.of("How many invoices over %1$d were issued in %2$d?",
                    "Number of invoices above %1$d issued in %2$d", "how many invoices over %1$d were issued in %2$d"),
                    "SELECT count(*) FROM invoices WHERE amount > %1$d AND EXTRACT(YEAR FROM issued_on) = %2$d"),
            new Template(List.of("What is the total amount of paid invoices in %2$d?",
                    "Total amount of the paid invoices in %2$d"),
                    "SELECT sum(amount) FROM invoices WHERE status = 'Paid' AND EXTRACT(YEAR FROM issued_on) = %2$d"),
            new Template(List.of("List the top %3$d clients by invoiced amount", "Show the top %3$d clients by invoiced amount"),
                    "SELECT c.name, sum(i.amount) AS invoiced FROM clients c JOIN invoices i ON i.client_id = c.id "
                            + "GROUP BY c.name ORDER BY invoiced DESC LIMIT %3$d"),
            new Template(List.of("How many clients are there?", "how many clients do we have"),
                    "SELECT count(*) FROM clients"),
            new Template(List.of("Average invoice amount per client", "average amount of invoices for each client"),
                    "SELECT c.name, avg(i.amount) FROM clients c JOIN invoices i ON i.client_id = c.id GROUP BY c.name"));

    /** Questions asked once each, unlike any other of the set: every one is a miss and a model call. */
    private static final List<String> ONCE = List.of(
            "Which client has the most invoices?", "When was the last invoice issued?",
            "List clients without any invoice", "What share of invoices is void?",
            "Which month had the most open invoices?", "Show the ten largest invoices with their client",
            "How many invoices does each client have?", "What is the average time between two invoices of a client?",
            "Which clients were invoiced in every year?", "List invoices issued on a weekend",
            "Who are our five smallest clients by revenue?", "How many distinct clients had open invoices last month?",
            "What is the median invoice amount?", "Which invoices are above their client's average?",
            "Give me the monthly count of void invoices", "Which client names start with A?",
            "How much is still open per client?", "List the invoices of the newest client",
            "Which clients have only paid invoices?", "Compare paid and open totals per year",
            "What was the busiest day for invoicing?", "How many invoices have no amount?",
            "Rank clients by number of void invoices", "Show invoices issued this week",
            "What percentage of revenue comes from the top client?", "List clients with more open than paid invoices",
            "How many invoices were issued per weekday?", "Which invoice has the smallest amount?",
            "Show the running total of invoiced amounts by month", "How many clients have exactly one invoice?");

    private CacheBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Duration delay = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 800);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 15;
        Map<String, String> truth = questions(count, new Random(seed));
        List<String> asked = new ArrayList<>(truth.keySet());
        // the set has repeats: each templated question once, a quarter of the set asked once and unlike the rest, and
        // templated questions again until the set is full, in a random order
        List<String> run = new ArrayList<>(asked);
        Random random = new Random(seed);
        for (int i = 0; i < Math.min(ONCE.size(), count / 4); i++) {
            truth.put(ONCE.get(i), "SELECT " + (i + 1) + " AS asked_once");
            run.add(ONCE.get(i));
        }
        while (run.size() < count) {
            run.add(asked.get(random.nextInt(asked.size())));
        }
        java.util.Collections.shuffle(run, random);
        Invoices.EMBEDDER.warmUp();
        try (LlmStub stub = new LlmStub().withoutRecording()) {
            AtomicInteger calls = new AtomicInteger();
            stub.answerWith(r -> {
                calls.incrementAndGet();
                Matcher q = QUESTION.matcher(r.prompt().strip());
                String question = q.find() ? q.group(1).strip() : "";
                return LlmStub.Reply.text("```sql\n" + truth.getOrDefault(question, "SELECT 1") + "\n```").after(delay);
            });
            Result without = run(run, truth, stub, calls, false);
            Result with = run(run, truth, stub, calls, true);
            System.out.printf("questions: %d (%d distinct from %d templates in paraphrases and literal variants, %d asked "
                    + "once and unlike the rest, the rest repeats), model delay %d ms%n", run.size(), asked.size(),
                    TEMPLATES.size(), Math.min(ONCE.size(), count / 4), delay.toMillis());
            System.out.printf("without cache: %d model calls, latency mean %.0f ms, p50 %d ms, p95 %d ms%n",
                    without.modelCalls, without.mean(), without.percentile(50), without.percentile(95));
            System.out.printf("with cache:    %d model calls, latency mean %.0f ms, p50 %d ms, p95 %d ms%n",
                    with.modelCalls, with.mean(), with.percentile(50), with.percentile(95));
            System.out.printf("cache hits: %d of %d (%.1f%%), model calls saved: %d; reused SQL equal to the model's: %d of %d%n",
                    with.hits, run.size(), 100.0 * with.hits / run.size(), without.modelCalls - with.modelCalls,
                    with.hits - with.wrong, with.hits);
        }
    }

    private record Result(int modelCalls, int hits, int wrong, long[] latenciesMs) {

        double mean() {
            return Arrays.stream(latenciesMs).average().orElse(0);
        }

        long percentile(int p) {
            long[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    private static Result run(List<String> run, Map<String, String> truth, LlmStub stub, AtomicInteger calls,
                              boolean cached) {
        calls.set(0);
        QueryCache cache = cached ? new QueryCache(Invoices.EMBEDDER, 10_000) : null;
        Translator translator = new WithKnowledge(Invoices.model(stub), new KnowledgeView(Invoices.EMBEDDER, 10),
                cache, Invoices.EMBEDDER, PolicyStore.none(), new KnowledgeMeters(new SimpleMeterRegistry()),
                WithKnowledge.Settings.defaults());
        long[] latencies = new long[run.size()];
        int hits = 0;
        int wrong = 0;
        for (int i = 0; i < run.size(); i++) {
            String question = run.get(i);
            QuestionAsked q = QuestionAsked.of("q-" + i, "c-" + i, "ann", "billing", question, Instant.now());
            long started = System.nanoTime();
            Translation t = translator.translate(TranslationRequest.first(q, Invoices.SCHEMA, List.of()));
            latencies[i] = (System.nanoTime() - started) / 1_000_000;
            if (!(t instanceof Translation.Sql sql)) {
                continue;
            }
            if (sql.source() != null && SqlSource.CACHE.equals(sql.source().kind())) {
                hits++;
                wrong += sql.sql().equals(truth.get(question)) ? 0 : 1;
            } else if (cache != null) {
                // what the topology does with the executor's answer: it enters the cache
                SqlProposed p = SqlProposed.of(q, sql.sql(), 1, sql.translator(), sql.usage(), latencies[i],
                        Invoices.SCHEMA.version(), sql.interactions());
                cache.apply(q.queryId(), CachedQuery.of(QueryAnswered.of(p, List.of(new ColumnMeta("n", "int8")),
                        List.of(), false, 1), Instant.now()));
            }
        }
        return new Result(calls.get(), hits, wrong, latencies);
    }

    /** Distinct questions with the SQL a model writes for each: every template in its phrasings and with other literals. */
    private static Map<String, String> questions(int count, Random random) {
        Map<String, String> out = new LinkedHashMap<>();
        int variants = Math.max(1, count / 2 / TEMPLATES.size() / 2);
        for (Template t : TEMPLATES) {
            for (int v = 0; v < variants; v++) {
                int amount = 100 * (1 + random.nextInt(20));
                int year = 2018 + random.nextInt(8);
                int top = 3 + random.nextInt(10);
                for (String phrasing : t.phrasings()) {
                    out.put(phrasing.formatted(amount, year, top), t.sql().formatted(amount, year, top));
                }
            }
        }
        return out;
    }
}
