package io.dbchat.contracts.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The partial-output hook of the async processor: a record when a request is taken in, the parts a call reports
 * forwarded in batches as they accumulate and numbered from 1 per call, then the outcome, told how many went before.
 */
class PartialOutputTest {

    /** A call the test writes by hand: the parts it reports and how it ends. */
    record Call(String input, Consumer<String> parts, CompletableFuture<String> done) {
    }

    /** Parts joined two at a time; what is left goes when the call has finished. */
    static final class Pairs implements PartialOutput.Buffer<String> {

        private final List<String> held = new ArrayList<>();

        @Override
        public void add(String part, long now) {
            held.add(part);
        }

        @Override
        public List<String> due(long now, boolean finished) {
            List<String> batches = new ArrayList<>();
            while (held.size() >= 2 || (finished && !held.isEmpty())) {
                List<String> batch = held.subList(0, Math.min(2, held.size()));
                batches.add(String.join("", batch));
                batch.clear();
            }
            return batches;
        }
    }

    static final PartialOutput<String, String, String> NUMBERED = new PartialOutput<>() {
        @Override
        public String accepted(String input) {
            return input + "#0 accepted";
        }

        @Override
        public Buffer<String> buffer(String input) {
            return new Pairs();
        }

        @Override
        public String partial(String input, int n, String batch) {
            return input + "#" + n + " " + batch;
        }
    };

    final Map<String, Call> calls = new ConcurrentHashMap<>();
    final List<Call> started = new CopyOnWriteArrayList<>();
    final StreamingCall<String, String, String> call = (input, parts) -> {
        var c = new Call(input, parts, new CompletableFuture<>());
        calls.put(input, c);
        started.add(c);
        return c.done();
    };
    @AutoClose
    Pipe pipe;
    TestInputTopic<String, String> in;
    TestOutputTopic<String, String> out;
    AsyncProcessorSupplier<String, String, String> supplier;

    @Test
    void forwardsPartsInBatchesAsTheyAccumulateThenTheOutcomeNumberedAfterThem() {
        start(10);

        in.pipeInput("c1", "q1");
        assertThat(out.readValuesToList()).containsExactly("q1#0 accepted");
        report("q1", "a", "b", "c");
        tick();
        assertThat(out.readValuesToList()).containsExactly("q1#1 ab");
        report("q1", "d", "e");
        calls.get("q1").done().complete("abcde");
        tick();

        assertThat(out.readValuesToList()).containsExactly("q1#2 cd", "q1#3 e", "q1#4 done abcde");
        assertThat(supplier.inFlight()).isZero();
    }

    @Test
    void theLastPartsOfAFailedCallGoBeforeItsErrorRecord() {
        start(10);

        in.pipeInput("c1", "q1");
        report("q1", "a");
        calls.get("q1").done().completeExceptionally(new IllegalStateException("provider said 500"));
        tick();

        assertThat(out.readValuesToList()).containsExactly("q1#0 accepted", "q1#1 a",
                "q1#2 failed IllegalStateException");
    }

    @Test
    void everyRecordOfARequestCarriesItsHeaders() {
        start(10);
        byte[] parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes();

        in.pipeInput(new TestRecord<>("c1", "q1", new RecordHeaders().add("traceparent", parent)));
        report("q1", "a", "b");
        tick();
        calls.get("q1").done().complete("ab");
        tick();

        var records = out.readRecordsToList();
        assertThat(records).extracting(TestRecord::value).containsExactly("q1#0 accepted", "q1#1 ab", "q1#2 done ab");
        assertThat(records).allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent").value()).isEqualTo(parent));
    }

    @Test
    void aRedeliveredPendingRequestIsAcknowledgedOnceAndCalledOnce() {
        start(10);

        in.pipeInput("c1", "q1");
        in.pipeInput("c1", "q1");
        calls.get("q1").done().complete("x");
        tick();

        assertThat(out.readValuesToList()).containsExactly("q1#0 accepted", "q1#1 done x");
        assertThat(started).hasSize(1);
    }

    @Test
    void aRequestWaitingBehindAnotherIsAcknowledgedAtOnceAndCalledInTurn() {
        start(10);

        in.pipeInput("c1", "q1");
        in.pipeInput("c1", "q2");
        assertThat(out.readValuesToList()).containsExactly("q1#0 accepted", "q2#0 accepted");
        assertThat(calls).containsOnlyKeys("q1");
        report("q1", "a");
        calls.get("q1").done().complete("a");
        tick();
        report("q2", "b", "c");
        calls.get("q2").done().complete("bc");
        tick();

        assertThat(out.readValuesToList()).containsExactly("q1#1 a", "q1#2 done a", "q2#1 bc", "q2#2 done bc");
    }

    @Test
    void aCallIssuedAgainAfterARestartNumbersItsPartsFromOneAgainAndTheAbandonedOneIsIgnored() {
        var context = new MockProcessorContext<String, String>();
        context.setCurrentSystemTimeMs(0);
        KeyValueStore<String, PendingQueue<String>> store = Pipe.pendingStore(context);
        var supplier = AsyncProcessorSupplier.streaming("pending", String.class, call, input -> input, input -> input, NUMBERED,
                PartialOutputTest::done, PartialOutputTest::failed,
                new AsyncSettings(1, Duration.ofSeconds(30), Duration.ofMillis(5)));
        Processor<String, String, String, String> processor = supplier.get();
        processor.init(context);
        processor.process(new Record<>("c1", "q1", 0));
        report("q1", "a", "b");
        collect(context);
        processor.close();
        assertThat(supplier.inFlight()).as("the abandoned call's slot is free").isZero();

        processor.init(context);
        collect(context);
        Call first = started.getFirst();
        Call again = started.getLast();
        assertThat(started).hasSize(2);
        first.parts().accept("stale");
        first.done().complete("stale");
        again.parts().accept("x");
        again.parts().accept("y");
        again.done().complete("xy");
        collect(context);

        assertThat(context.forwarded().stream().<String>map(f -> f.record().value()).toList()).containsExactly("q1#0 accepted", "q1#1 ab", "q1#1 xy", "q1#2 done xy");
        assertThat(store.get("c1")).isNull();
        assertThat(supplier.inFlight()).isZero();
    }

    private static String done(String input, String result, int partials) {
        return input + "#" + (partials + 1) + " done " + result;
    }

    private static String failed(String input, Throwable error, int partials) {
        return input + "#" + (partials + 1) + " failed " + error.getClass().getSimpleName();
    }

    private void start(int maxInFlight) {
        supplier = AsyncProcessorSupplier.streaming("pending", String.class, call, input -> input, input -> input, NUMBERED,
                PartialOutputTest::done, PartialOutputTest::failed,
                new AsyncSettings(maxInFlight, Duration.ofSeconds(30), Duration.ofMillis(5)));
        pipe = Pipe.through(supplier);
        in = pipe.in();
        out = pipe.out();
    }

    private void report(String input, String... parts) {
        for (String part : parts) {
            calls.get(input).parts().accept(part);
        }
    }

    private void tick() {
        pipe.tick();
    }

    private static void collect(MockProcessorContext<String, String> context) {
        context.scheduledPunctuators().getLast().getPunctuator().punctuate(0);
    }
}
