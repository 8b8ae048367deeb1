package io.dbchat.standalone.bench.pipeline;

import java.util.Arrays;

/**
 * One measured step: how many clients, questions answered per second, latency percentiles in milliseconds, the
 * process's CPU milliseconds per question, the machine's CPU use (0..1) and its load average while it ran.
 */
record Figures(int clients, int answered, int failed, double perSecond, double p50, double p90, double p99,
               double max, double cpuMsPerQuestion, double machineCpu, double loadAverage) {

    static Figures of(int clients, long[] latenciesNanos, int failed, double seconds, double cpuMs, double machineCpu,
                      double loadAverage) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new Figures(clients, n, failed, n / seconds, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                n == 0 ? 0 : sorted[n - 1] / 1e6, n == 0 ? 0 : cpuMs / n, machineCpu, loadAverage);
    }

    /** The nearest-rank percentile. */
    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
