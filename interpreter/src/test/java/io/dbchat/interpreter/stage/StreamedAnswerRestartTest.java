package io.dbchat.interpreter.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbchat.contracts.async.AsyncProcessorSupplier;
import io.dbchat.contracts.async.PendingQueue;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.serde.JsonSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.dbchat.interpreter.narrate.AnswerWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** What a task does with an answer that was being written when it stopped: it writes it again, numbered afresh. */
class StreamedAnswerRestartTest {

    record Call(QueryAnswered result, Consumer<String> tokens, CompletableFuture<String> done) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AnswerWriter writer = (result, tokens) -> {
        var call = new Call(result, tokens, new CompletableFuture<>());
        calls.add(call);
        return call.done();
    };
    final AsyncProcessorSupplier<QueryResult, String, ReplyEvent> supplier = StreamedAnswers.supplier(writer,
            StageFixtures.settings(8, Duration.ofSeconds(30), false), Clock.systemUTC(), new SimpleMeterRegistry());
    final KeyValueStore<String, PendingQueue<QueryResult>> store = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(StreamedAnswers.STORE), Serdes.String(),
                    new JsonSerde<PendingQueue<QueryResult>>(Json.MAPPER.getTypeFactory()
                            .constructParametricType(PendingQueue.class, QueryResult.class)))
            .withLoggingDisabled().build();

    @Test
    void writesAgainAnAnswerThatWasPendingWhenTheTaskStoppedAndNumbersItsTokensFromOne() {
        var first = new MockProcessorContext<String, ReplyEvent>();
        Processor<String, QueryResult, String, ReplyEvent> before = start(first);
        before.process(new Record<>("c-1", StageFixtures.count("q-1", "c-1", 600), 0L));
        calls.getFirst().tokens().accept("There ");
        punctuate(first, 100);
        punctuate(first, 200);
        before.close();

        var second = new MockProcessorContext<String, ReplyEvent>();
        start(second);
        punctuate(second, 1_000);
        assertThat(calls).hasSize(2).extracting(c -> c.result().queryId()).containsOnly("q-1");
        calls.getLast().tokens().accept("There ");
        calls.getLast().tokens().accept("are 600.");
        calls.getLast().done().complete("There are 600.");
        punctuate(second, 1_010);

        assertThat(replies(first)).extracting(ReplyEvent::type, ReplyEvent::seq)
                .containsExactly(tuple(ReplyType.STATUS, 1000L), tuple(ReplyType.TOKEN, 1001L));
        assertThat(replies(second)).extracting(ReplyEvent::type, ReplyEvent::seq, r -> r.text() == null
                        ? r.answer().reply() : r.text())
                .containsExactly(tuple(ReplyType.TOKEN, 1001L, "There are 600."), tuple(ReplyType.FINAL, 1002L, "There are 600."));
        assertThat(store.get("c-1")).isNull();
    }

    private Processor<String, QueryResult, String, ReplyEvent> start(MockProcessorContext<String, ReplyEvent> context) {
        if (!store.isOpen()) {
            store.init(context.getStateStoreContext(), store);
        }
        context.addStateStore(store);
        context.setCurrentSystemTimeMs(0);
        var processor = supplier.get();
        processor.init(context);
        return processor;
    }

    private static void punctuate(MockProcessorContext<String, ReplyEvent> context, long now) {
        context.setCurrentSystemTimeMs(now);
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(now));
    }

    private static List<ReplyEvent> replies(MockProcessorContext<String, ReplyEvent> context) {
        return context.forwarded().stream().<ReplyEvent>map(f -> f.record().value()).toList();
    }
}
