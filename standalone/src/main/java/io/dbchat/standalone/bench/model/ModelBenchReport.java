package io.dbchat.standalone.bench.model;

import java.util.List;
import java.util.Map;

/**
 * What a model-bound benchmark run measured: the settings, throughput over the measured questions (first sent to
 * last answered), latency percentiles in milliseconds, answered and failed counts (failures by reason), the most
 * in flight per place, the memory probe (live heap after a full GC, idle and with questions in flight) and the
 * timeline, the most calls the model had open at once, and the CPU time of the process per measured question (everything in the one JVM: stages, broker,
 * model and clients; the embedded PostgreSQL and Redis are processes of their own). The machine's load average before and after says how much else was running.
 */
record ModelBenchReport(String profile, int questions, int clients, long modelLatencyMs, int warmup,
                        List<String> stageArguments, double loadAverageBefore, double loadAverageAfter,
                        long answered, long failed, Map<String, Long> failures, double seconds,
                        double questionsPerSecond, Map<String, Long> latencyMs, Map<String, Long> maxInFlight,
                        double cpuMsPerQuestion, long modelTranslations, long modelInterpretations,
                        int modelMostAtOnce, Memory memory, List<Timeline.Sample> timeline) {

    /** Live heap after a full GC when idle and at the probe, the questions in flight then, and the cost of one. */
    record Memory(long idleBytes, long probeBytes, long questionsInFlight, long bytesPerQuestion) {
    }

    String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d questions from %d clients, model %d ms per call: %d answered, %d failed %s, %.1f questions/s "
                        + "over %.1f s, %.2f ms CPU per question, latency p50 %d ms p90 %d ms p99 %d ms max %d ms, most in flight %s%s, "
                        + "load average %.1f -> %.1f",
                questions, clients, modelLatencyMs, answered, failed, failures, questionsPerSecond, seconds, cpuMsPerQuestion,
                latencyMs.get("p50"), latencyMs.get("p90"), latencyMs.get("p99"), latencyMs.get("max"), maxInFlight,
                memory == null ? "" : ", " + memory.bytesPerQuestion() / 1024 + " KiB live heap per question in flight ("
                        + memory.questionsInFlight() + " in flight)",
                loadAverageBefore, loadAverageAfter);
    }
}
