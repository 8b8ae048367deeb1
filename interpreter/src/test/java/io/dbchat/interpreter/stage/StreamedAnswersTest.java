package io.dbchat.interpreter.stage;

import static io.dbchat.interpreter.stage.StageFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.interpreter.narrate.AnswerWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamedAnswersTest {

    /** LLM calls the test writes by hand, by query id. */
    final Map<String, Call> calls = new ConcurrentHashMap<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    TopologyTestDriver driver;
    TestInputTopic<String, QueryResult> in;
    TestOutputTopic<String, ReplyEvent> out;

    record Call(Consumer<String> tokens, CompletableFuture<String> done) {
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void publishesTokenBatchesAsTheyAreWrittenAndThenTheFinalWithTheWholeText() {
        start(8, Duration.ofSeconds(30));

        in.pipeInput("c-1", count("q-1", "c-1", 600));
        assertThat(out.readValuesToList()).extracting(ReplyEvent::type, ReplyEvent::seq)
                .containsExactly(tuple(ReplyType.STATUS, 1000L));
        write("q-1", "There ", "are ");
        tick(10);
        assertThat(out.isEmpty()).isTrue();
        tick(50);
        List<ReplyEvent> early = out.readValuesToList();
        write("q-1", "600 ", "users.");
        calls.get("q-1").done().complete("There are 600 users.");
        tick(10);
        List<ReplyEvent> late = out.readValuesToList();

        assertThat(early).extracting(ReplyEvent::type, ReplyEvent::seq, ReplyEvent::text)
                .containsExactly(tuple(ReplyType.TOKEN, 1001L, "There are "));
        assertThat(late).extracting(ReplyEvent::type, ReplyEvent::seq)
                .containsExactly(tuple(ReplyType.TOKEN, 1002L),
                        tuple(ReplyType.FINAL, 1003L));
        assertThat(late.get(0).text()).isEqualTo("600 users.");
        assertThat(late.get(1).answer().reply()).isEqualTo("There are 600 users.");
        assertThat(late.get(1).answer().sql()).isEqualTo("SELECT count(*) AS count FROM users");
    }

    @Test
    void aModelsAnswerToSqlFromTheCacheEndsSayingSoInATokenAndTheFinal() {
        start(8, Duration.ofSeconds(30));
        QueryAnswered counted = count("q-1", "c-1", 600);
        var cached = counted.proposal().withSource(io.dbchat.contracts.events.SqlSource.cache("q-0", null,
                "reused the SQL of the earlier question \"count the users\""));

        in.pipeInput("c-1", QueryAnswered.of(cached, counted.columns(), counted.rows(), false, 3));
        write("q-1", "There are 600 users.");
        calls.get("q-1").done().complete("There are 600 users.");
        tick(60);

        List<ReplyEvent> replies = out.readValuesToList();
        String streamed = replies.stream().filter(r -> r.type() == ReplyType.TOKEN).map(ReplyEvent::text)
                .reduce("", String::concat);
        String said = "There are 600 users. I reused the SQL of the earlier question \"count the users\".";
        assertThat(streamed).isEqualTo(said);
        assertThat(replies.getLast().answer().reply()).isEqualTo(said);
    }

    @Test
    void everyReplyCarriesTheHeadersOfItsResultSoTheTraceGoesOn() {
        start(8, Duration.ofSeconds(30));
        byte[] parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes();

        in.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("c-1", count("q-1", "c-1", 600),
                new org.apache.kafka.common.header.internals.RecordHeaders().add("traceparent", parent)));
        write("q-1", "There are 600 users.");
        calls.get("q-1").done().complete("There are 600 users.");
        tick(100);

        var replies = out.readRecordsToList();
        assertThat(replies).extracting(r -> r.value().type()).contains(ReplyType.STATUS, ReplyType.TOKEN, ReplyType.FINAL);
        assertThat(replies).allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent").value()).isEqualTo(parent));
    }

    @Test
    void batchesTwentyTokensAtATime() {
        start(8, Duration.ofSeconds(30));
        String[] words = IntStream.range(0, 45).mapToObj(i -> "w" + i + " ").toArray(String[]::new);

        in.pipeInput("c-1", count("q-1", "c-1", 600));
        write("q-1", words);
        tick(10);
        calls.get("q-1").done().complete(String.join("", words));
        tick(10);

        List<ReplyEvent> replies = out.readValuesToList();
        assertThat(replies).extracting(ReplyEvent::seq).containsExactly(1000L, 1001L, 1002L, 1003L, 1004L);
        assertThat(replies.subList(1, 4)).extracting(r -> r.text().split(" ").length).containsExactly(20, 20, 5);
        assertThat(replies.get(1).text() + replies.get(2).text() + replies.get(3).text()).isEqualTo(String.join("", words));
        assertThat(replies.get(4).answer().reply()).isEqualTo(String.join("", words));
    }

    @Test
    void answersFromTemplatesWhenTheLlmFails() {
        start(8, Duration.ofSeconds(30));

        in.pipeInput("c-1", count("q-1", "c-1", 1234));
        calls.get("q-1").done().completeExceptionally(new IllegalStateException("provider said 500"));
        tick(10);

        List<ReplyEvent> replies = out.readValuesToList();
        assertThat(replies).extracting(ReplyEvent::type).containsExactly(ReplyType.STATUS, ReplyType.FINAL);
        assertThat(replies.get(1).seq()).isEqualTo(1001L);
        assertThat(replies.get(1).answer().reply()).isEqualTo("There are 1,234 users.");
        assertThat(meters.counter("dbchat.interpreter.llm.fallbacks", "reason", "error").count()).isEqualTo(1.0);
    }

    @Test
    void answersFromTemplatesWhenTheLlmTakesTooLong() throws InterruptedException {
        start(8, Duration.ofMillis(50));

        in.pipeInput("c-1", count("q-1", "c-1", 7));
        List<ReplyEvent> replies = new ArrayList<>();
        for (long deadline = System.currentTimeMillis() + 10_000;
             replies.stream().noneMatch(r -> r.type() == ReplyType.FINAL) && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(20);
            tick(10);
            replies.addAll(out.readValuesToList());
        }

        assertThat(replies).last().extracting(r -> r.answer().reply()).isEqualTo("There are 7 users.");
        assertThat(meters.counter("dbchat.interpreter.llm.fallbacks", "reason", "timeout").count()).isEqualTo(1.0);
    }

    @Test
    void writesOneAnswerPerConversationAtATimeAndARejectionWaitsItsTurn() {
        start(8, Duration.ofSeconds(30));
        var rejected = QueryRejected.of(count("q-2", "c-1", 0).question(), null, null,
                ErrorCode.UNTRANSLATABLE.problem("I could not tell which table."));

        in.pipeInput("c-1", count("q-1", "c-1", 1));
        in.pipeInput("c-1", rejected);
        in.pipeInput("c-1", count("q-3", "c-1", 3));
        tick(10);
        assertThat(calls).containsOnlyKeys("q-1");
        calls.get("q-1").done().complete("One user.");
        tick(10);
        calls.get("q-3").done().complete("Three users.");
        tick(10);

        assertThat(out.readValuesToList()).filteredOn(r -> r.type() == ReplyType.FINAL)
                .extracting(ReplyEvent::queryId, r -> r.answer().reply())
                .containsExactly(tuple("q-1", "One user."),
                        tuple("q-2", "I could not tell which table."),
                        tuple("q-3", "Three users."));
    }

    @Test
    void boundsTheCallsInFlightAcrossConversations() {
        start(1, Duration.ofSeconds(30));

        in.pipeInput("c-1", count("q-1", "c-1", 1));
        in.pipeInput("c-2", count("q-2", "c-2", 2));
        tick(10);
        assertThat(calls).containsOnlyKeys("q-1");
        calls.get("q-1").done().complete("One.");
        tick(10);
        tick(10);
        calls.get("q-2").done().complete("Two.");
        tick(10);

        assertThat(out.readValuesToList()).filteredOn(r -> r.type() == ReplyType.FINAL)
                .extracting(r -> r.answer().reply()).containsExactly("One.", "Two.");
    }

    @Test
    void ignoresAResultRedeliveredWhileItsAnswerIsBeingWritten() {
        start(8, Duration.ofSeconds(30));

        in.pipeInput("c-1", count("q-1", "c-1", 1));
        in.pipeInput("c-1", count("q-1", "c-1", 1));
        calls.get("q-1").done().complete("Once.");
        tick(10);
        tick(10);

        assertThat(out.readValuesToList()).extracting(ReplyEvent::type).containsExactly(ReplyType.STATUS, ReplyType.FINAL);
    }

    private void start(int maxInFlight, Duration timeout) {
        AnswerWriter writer = (QueryAnswered result, Consumer<String> tokens) ->
                calls.computeIfAbsent(result.queryId(), id -> new Call(tokens, new CompletableFuture<>())).done();
        var builder = new StreamsBuilder();
        InterpreterTopology.build(builder, StageFixtures.TOPICS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), writer,
                StageFixtures.settings(maxInFlight, timeout, false), meters);
        driver = StageFixtures.driver(builder);
        in = StageFixtures.results(driver);
        out = StageFixtures.replies(driver);
    }

    private void write(String queryId, String... tokens) {
        for (String token : tokens) {
            calls.get(queryId).tokens().accept(token);
        }
    }

    private void tick(long millis) {
        driver.advanceWallClockTime(Duration.ofMillis(millis));
    }
}
