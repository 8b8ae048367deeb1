package io.dbchat.executor.guard;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Guard throughput on one thread over the typical statements of the legitimate corpus (see BENCHMARK.md).
 * {@code freshStatement} makes every text new (a varying literal), so each check parses; {@code
 * repeatedStatement} cycles through the corpus as replays do, and is answered from the verdict cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SqlGuardBenchmark {

    private final SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);
    private final SchemaSnapshot schema = ConsultancySchema.snapshot();
    private final List<String> statements = GuardCorpus.legit();
    private int next;
    private long serial;

    @Benchmark
    public GuardResult freshStatement() {
        return guard.check(statements.get(turn()) + " /* " + serial++ + " */", schema);
    }

    @Benchmark
    public GuardResult repeatedStatement() {
        return guard.check(statements.get(turn()), schema);
    }

    private int turn() {
        next = (next + 1) % statements.size();
        return next;
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {SqlGuardBenchmark.class.getName()});
    }
}
