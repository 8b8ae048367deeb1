package io.dbchat.executor.guard;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.policy.AccessPolicies;
import io.dbchat.executor.ConsultancySchema;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.LongFunction;

/**
 * CPU time per guard check, per kind of statement (see {@link GuardWorkload}): thread CPU time, so that other
 * processes on a shared machine do not count. Arguments: checks per round (default 5,000), rounds (default 5; the
 * first ones warm up) and kinds, comma-separated: fresh, typical, repeated, commented (a corpus text with a new
 * trailing comment: the old benchmark's "fresh"), uncached (fresh texts with both caches off); and {@code rows} as a
 * fourth argument checks each statement for a principal under {@link GuardWorkload#POLICIES} (none by default).
 */
public final class SqlGuardCpuTime {

    private SqlGuardCpuTime() {
    }

    public static void main(String[] args) {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> kinds = args.length > 2 ? List.of(args[2].split(",")) : List.of("fresh", "typical", "repeated");
        SchemaSnapshot versioned = ConsultancySchema.snapshot();
        // without a version, neither cache serves a snapshot: the full check every time
        SchemaSnapshot unversioned = new SchemaSnapshot(versioned.v(), versioned.datasource(), null,
                versioned.readAt(), versioned.tables());
        GuardWorkload workload = new GuardWorkload();
        AccessPolicies policies = args.length > 3 && args[3].equals("rows") ? GuardWorkload.POLICIES : AccessPolicies.NONE;
        PolicyScopes scopes = new PolicyScopes(4_096);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String kind : kinds) {
            SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);
            SchemaSnapshot schema = kind.equals("uncached") ? unversioned : versioned;
            LongFunction<String> statements = switch (kind) {
                case "fresh", "uncached" -> workload::fresh;
                case "typical" -> workload::typical;
                case "repeated" -> workload::repeated;
                case "commented" -> s -> workload.repeated(s) + " /* " + s + " */";
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
            long serial = 0;
            for (int round = 1; round <= rounds; round++) {
                long accepted = 0;
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < checks; i++) {
                    PolicyScope scope = scopes.of(policies, schema.datasource(), GuardWorkload.ASKER);
                    if (guard.check(statements.apply(serial++), schema, scope) instanceof GuardResult.Accepted) {
                        accepted++;
                    }
                }
                double micros = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / checks;
                System.out.printf("%-9s round %d: %8.2f µs CPU per check (%,.0f checks per CPU-second), %d of %d accepted%n",
                        kind, round, micros, 1_000_000 / micros, accepted, checks);
            }
        }
    }
}
