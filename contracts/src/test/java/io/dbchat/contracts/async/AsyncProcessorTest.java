package io.dbchat.contracts.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AsyncProcessorTest {

    /** Calls the test finishes by hand, by input. */
    /** The task of a test driver's one partition. */
    static final TaskId TASK = new TaskId(0, 0);

    final Map<String, CompletableFuture<String>> calls = new ConcurrentHashMap<>();
    @AutoClose
    Pipe pipe;
    TestInputTopic<String, String> in;
    TestOutputTopic<String, String> out;
    AsyncProcessorSupplier<String, String, String> supplier;

    @Test
    void forwardsAResultOnlyOnceItsCallHasFinished() {
        start(10, Duration.ofSeconds(30));

        in.pipeInput("c1", "q1");
        tick();
        assertThat(out.isEmpty()).isTrue();
        calls.get("q1").complete("answer-1");
        tick();

        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly("c1=q1->answer-1");
    }

    @Test
    void theOutcomeCarriesTheHeadersOfItsRequest() {
        start(10, Duration.ofSeconds(30));

        in.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("c1", "q1",
                new org.apache.kafka.common.header.internals.RecordHeaders().add("traceparent",
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes())));
        calls.get("q1").complete("answer-1");
        tick();

        var outcome = out.readRecord();
        assertThat(outcome.value()).isEqualTo("q1->answer-1");
        assertThat(new String(outcome.headers().lastHeader("traceparent").value()))
                .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    @Test
    void keepsOneCallInFlightPerKeySoAConversationStaysInOrder() {
        start(10, Duration.ofSeconds(30));

        in.pipeInput("c1", "first");
        in.pipeInput("c1", "second");
        tick();
        assertThat(calls).containsOnlyKeys("first");
        calls.get("first").complete("1");
        tick();
        calls.get("second").complete("2");
        tick();

        assertThat(out.readValuesToList()).containsExactly("first->1", "second->2");
    }

    @Test
    void runsCallsOfDifferentKeysAtTheSameTimeAndForwardsThemAsTheyFinish() {
        start(10, Duration.ofSeconds(30));

        in.pipeInput("c1", "slow");
        in.pipeInput("c2", "fast");
        assertThat(calls).containsOnlyKeys("slow", "fast");
        assertThat(supplier.inFlight()).isEqualTo(2);
        calls.get("fast").complete("f");
        tick();
        calls.get("slow").complete("s");
        tick();

        assertThat(out.readValuesToList()).containsExactly("fast->f", "slow->s");
        assertThat(supplier.inFlight()).isZero();
    }

    @Test
    void boundsTheCallsInFlightAndStartsWaitingOnesWhenASlotFrees() {
        start(1, Duration.ofSeconds(30));

        in.pipeInput("c1", "a");
        in.pipeInput("c2", "b");
        tick();
        assertThat(calls).containsOnlyKeys("a");
        calls.get("a").complete("1");
        tick();
        assertThat(calls).containsKeys("a", "b");
        calls.get("b").complete("2");
        tick();

        assertThat(out.readValuesToList()).containsExactly("a->1", "b->2");
    }

    @Test
    void turnsAFailedOrTimedOutCallIntoItsErrorRecord() throws Exception {
        start(10, Duration.ofMillis(50));
        // failed before it is issued, so however slow the machine, the 50 ms timeout cannot overtake the failure
        calls.put("boom", CompletableFuture.failedFuture(new IllegalStateException("provider said 500")));

        in.pipeInput("c1", "boom");
        in.pipeInput("c2", "hang");
        List<String> forwarded = new ArrayList<>();
        for (long deadline = System.currentTimeMillis() + 10_000; forwarded.size() < 2 && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(20);
            tick();
            forwarded.addAll(out.readValuesToList());
        }

        assertThat(forwarded).containsExactlyInAnyOrder(
                "boom!IllegalStateException: provider said 500", "hang!TimeoutException: null");
    }

    @Test
    void ignoresARedeliveredRequestThatIsAlreadyPending() {
        start(10, Duration.ofSeconds(30));

        in.pipeInput("c1", "q1");
        in.pipeInput("c1", "q1");
        calls.get("q1").complete("once");
        tick();
        tick();

        assertThat(out.readValuesToList()).containsExactly("q1->once");
    }

    @Test
    void aStoppedQueryHasItsCallCancelledNothingForwardedAndTheNextOfItsKeyStarts() {
        start(1, Duration.ofSeconds(30));
        in.pipeInput("c1", "q1#1");
        in.pipeInput("c1", "q2#1");
        in.pipeInput("c2", "q3#1");
        assertThat(calls).containsOnlyKeys("q1#1");

        supplier.stop(TASK, "c1", "q1");
        tick();

        assertThat(calls.get("q1#1")).isCancelled();
        assertThat(calls).containsOnlyKeys("q1#1", "q2#1");
        calls.get("q2#1").complete("2");
        tick();
        calls.get("q3#1").complete("3");
        tick();
        assertThat(out.readValuesToList()).containsExactly("q2#1->2", "q3#1->3");
        assertThat(supplier.inFlight()).isZero();
        KeyValueStore<String, PendingQueue<String>> pending = pipe.driver().getKeyValueStore("pending");
        assertThat(pending.get("c1")).isNull();
    }

    @Test
    void aStoppedQueryWaitingBehindAnotherNeverStartsAndTheRunningCallIsLeftAlone() {
        start(10, Duration.ofSeconds(30));
        in.pipeInput("c1", "q1#1");
        in.pipeInput("c1", "q2#1");
        in.pipeInput("c1", "q2#2");

        supplier.stop(TASK, "c1", "q2");
        tick();
        calls.get("q1#1").complete("1");
        tick();

        assertThat(calls.get("q1#1")).isNotCancelled();
        assertThat(calls).containsOnlyKeys("q1#1");
        assertThat(out.readValuesToList()).containsExactly("q1#1->1");
    }

    @Test
    void aCallThatFinishedJustBeforeItsQueryWasStoppedIsNotForwarded() {
        start(10, Duration.ofSeconds(30));
        in.pipeInput("c1", "q1#1");
        calls.get("q1#1").complete("too late");

        supplier.stop(TASK, "c1", "q1");
        tick();

        assertThat(out.isEmpty()).isTrue();
        assertThat(supplier.inFlight()).isZero();
    }

    @Test
    void cancellingABlockingCallInterruptsItsThread() throws Exception {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        AsyncCall<String, String> call = AsyncCall.blocking(input -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "never used";
        });

        var running = call.start("slow").toCompletableFuture();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        running.cancel(true);

        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void thePendingStoreHoldsWhatWaitsAndForgetsAFinishedConversation() {
        start(10, Duration.ofSeconds(30));
        KeyValueStore<String, PendingQueue<String>> pending = pipe.driver().getKeyValueStore("pending");

        in.pipeInput("c1", "first");
        in.pipeInput("c1", "second");
        assertThat(pending.get("c1").entries()).extracting(PendingQueue.Entry::id).containsExactly("first", "second");
        calls.get("first").complete("1");
        tick();
        assertThat(pending.get("c1").entries()).extracting(PendingQueue.Entry::id).containsExactly("second");
        calls.get("second").complete("2");
        tick();

        assertThat(pending.get("c1")).isNull();
        assertThat(out.readValuesToList()).containsExactly("first->1", "second->2");
    }

    @Test
    void aProcessorInitialisedAgainReissuesFromItsStoreAndForwardsAgain() {
        var context = new MockProcessorContext<String, String>();
        context.setCurrentSystemTimeMs(0);
        KeyValueStore<String, PendingQueue<String>> store = Pipe.pendingStore(context);
        var processor = new AsyncProcessor<String, Void, String, String>("pending",
                (input, parts) -> calls.computeIfAbsent(input, k -> new CompletableFuture<>()), input -> input,
                input -> input, null, (input, result, n) -> input + "->" + result, (input, error, n) -> input + "!" + error,
                new AsyncSettings(10, Duration.ofSeconds(30), Duration.ofMillis(5)), new Semaphore(10), new CallStops());
        processor.init(context);
        processor.process(new Record<>("c1", "q1", 0));
        processor.close();
        calls.clear();

        processor.init(context);
        collect(context);
        calls.get("q1").complete("after-revival");
        collect(context);

        List<String> forwarded = context.forwarded().stream().map(f -> (String) f.record().value()).toList();
        assertThat(forwarded).containsExactly("q1->after-revival");
        assertThat(store.get("c1")).isNull();
    }

    private static void collect(MockProcessorContext<String, String> context) {
        context.scheduledPunctuators().getLast().getPunctuator().punctuate(0);
    }

    private void start(int maxInFlight, Duration timeout) {
        supplier = new AsyncProcessorSupplier<>("pending", String.class,
                input -> calls.computeIfAbsent(input, k -> new CompletableFuture<>()),
                input -> input,
                input -> input.split("#")[0],
                (input, result) -> input + "->" + result,
                (input, error) -> input + "!" + error.getClass().getSimpleName() + ": " + error.getMessage(),
                new AsyncSettings(maxInFlight, timeout, Duration.ofMillis(5)));
        pipe = Pipe.through(supplier);
        in = pipe.in();
        out = pipe.out();
    }

    private void tick() {
        pipe.tick();
    }
}
