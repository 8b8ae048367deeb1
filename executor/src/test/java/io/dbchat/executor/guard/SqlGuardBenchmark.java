package io.dbchat.executor.guard;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.policy.AccessPolicies;
import io.dbchat.executor.ConsultancySchema;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Guard throughput on one thread over the legitimate corpus, three kinds of statement (see {@link GuardWorkload}
 * and BENCHMARK.md): {@code freshStatement}, a shape never seen, so the parser runs; {@code typicalStatement}, a new
 * text of a known shape, answered by the shape cache; {@code repeatedStatement}, a known text, answered by the
 * verdict cache. With {@code policies=rows}, each check is made for a principal under row filters on four of the
 * tables and a column rule ({@link GuardWorkload#POLICIES}, applied by {@link PolicyRewrite}): what they cost.
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
    private final GuardWorkload workload = new GuardWorkload();
    private long serial;

    @Param({"none", "rows"})
    public String policies;
    private AccessPolicies inForce;
    private final PolicyScopes scopes = new PolicyScopes(4_096);

    @Setup
    public void policies() {
        inForce = policies.equals("none") ? AccessPolicies.NONE : GuardWorkload.POLICIES;
    }

    /** The asker's scope, looked up for each check as the executor does for each proposal. */
    private PolicyScope scope() {
        return scopes.of(inForce, ConsultancySchema.DATASOURCE, GuardWorkload.ASKER);
    }

    @Benchmark
    public GuardResult freshStatement() {
        return guard.check(workload.fresh(serial++), schema, scope());
    }

    @Benchmark
    public GuardResult typicalStatement() {
        return guard.check(workload.typical(serial++), schema, scope());
    }

    @Benchmark
    public GuardResult repeatedStatement() {
        return guard.check(workload.repeated(serial++), schema, scope());
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {SqlGuardBenchmark.class.getName()});
    }
}
