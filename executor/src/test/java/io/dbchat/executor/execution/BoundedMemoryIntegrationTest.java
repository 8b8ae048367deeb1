package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One answer cannot make the executor allocate much more than its byte cap: a single 200 MB value is cut
 * (the result is empty and truncated) after its size was read on the wire, before the driver decoded it. The
 * heap bytes allocated by all threads while it runs (the driver decodes on its event loop, not on the caller's
 * thread) stay far below the value's size. Without the guard and the plan check, so the value is produced.
 */
@ParameterizedClass
@EnumSource(ExecutionMode.class)
class BoundedMemoryIntegrationTest {

    static final long VALUE = 200_000_000;
    static final ExecutionLimits LIMITS = new ExecutionLimits(Duration.ofSeconds(30), Duration.ofSeconds(1),
            Duration.ofSeconds(30), 1000, 4L * 1024 * 1024);
    static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    static ConsultancyDatabase database;

    @Parameter
    ExecutionMode mode;

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT repeat('x', 200000000) AS big",
            "SELECT 1 AS id, repeat('x', 200000000) AS big UNION ALL SELECT 2, 'small'",
            "SELECT decode(repeat('ab', 100000000), 'hex') AS big"})
    void aHugeValueIsCutBeforeItIsDecoded(String sql) {
        try (var runner = database.readerRunner(LIMITS, 1, mode, false)) {
            runner.execute(ConsultancySchema.DATASOURCE, "SELECT 1").block();
            long before = THREADS.getTotalThreadAllocatedBytes();

            ExecutionOutcome outcome = runner.execute(ConsultancySchema.DATASOURCE, sql).block();

            long allocated = THREADS.getTotalThreadAllocatedBytes() - before;
            assertThat(outcome).isInstanceOfSatisfying(ExecutionOutcome.Rows.class, r -> {
                assertThat(r.truncated()).isTrue();
                assertThat(r.rows()).isEmpty();
            });
            assertThat(allocated).as("heap bytes allocated while running it").isLessThan(VALUE / 4);
        }
    }
}
