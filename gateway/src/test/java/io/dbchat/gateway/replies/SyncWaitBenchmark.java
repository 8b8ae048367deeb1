package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.GatewayProperties;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Not a test: the reply store's CPU for one synchronous answer, on one thread: the question registered, the answer
 * waited for, two STATUS replies and the FINAL added as the reply feed adds them, the FINAL received. The wait as it
 * was (every reply through a live subscriber's queue, filtered for the terminal one) and as it is
 * ({@link ReplyStore#terminal}). Run with
 * {@code java -cp <test and runtime classpath> io.dbchat.gateway.replies.SyncWaitBenchmark [seconds]}.
 */
public final class SyncWaitBenchmark {

    private SyncWaitBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Function<ReplyStore, Function<String, Mono<ReplyEvent>>> before =
                store -> id -> store.events(id, -1).filter(r -> r.type().isTerminal()).next();
        Function<ReplyStore, Function<String, Mono<ReplyEvent>>> now = store -> store::terminal;
        for (int round = 0; round < 6; round++) {
            System.out.printf("round %d: before %.2f us, now %.2f us per answer%n", round, measure(before, seconds),
                    measure(now, seconds));
        }
    }

    private static double measure(Function<ReplyStore, Function<String, Mono<ReplyEvent>>> wait, int seconds) {
        var store = new ReplyStore(GatewayProperties.defaults(), Clock.systemUTC());
        var waitFor = wait.apply(store);
        var answered = new AtomicLong();
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++, n++) {
                QuestionAsked q = Fixtures.question("q-" + n);
                store.register(q);
                waitFor.apply(q.queryId()).subscribe(r -> answered.incrementAndGet());
                store.add(ReplyEvent.status(q, ReplySeq.translating(1), "translating", Fixtures.NOW));
                store.add(ReplyEvent.status(q, 1000, "interpreting", Fixtures.NOW));
                store.add(Fixtures.answered(q));
            }
            store.expire();
        }
        if (answered.get() != n) {
            throw new IllegalStateException(answered.get() + " answers of " + n);
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
    }
}
