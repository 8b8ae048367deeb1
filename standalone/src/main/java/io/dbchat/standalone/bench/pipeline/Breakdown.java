package io.dbchat.standalone.bench.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where one question's time goes along a path of topics and stages, from the asker's clock and the {@link StageTaps}:
 * intake (asked → first topic written), each topic's commit wait (written → visible to read_committed readers), each
 * stage's time (its input visible → its output written: queueing, processing, waits for a poll or a punctuation; the
 * stage's own processing time split out when its record reports one), and delivery (last topic visible → answer
 * received). Each part as median and p90 over the questions, and for the question of median total time.
 */
record Breakdown(int questions, List<Part> parts, double totalP50) {

    /** One part of the path, in milliseconds. */
    record Part(String name, double p50, double p90, double example) {
    }

    /** One answered question: when it was asked and answered, and what the taps saw of it. */
    record Traced(long asked, long answered, StageTaps.Seen seen) {
    }

    static Breakdown of(List<String> topics, List<String> stages, List<Traced> traced) {
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int n = traced.size();
        names.add("intake: asked -> " + topics.getFirst() + " written");
        values.add(each(traced, t -> t.seen().written()[0] - t.asked()));
        for (int i = 0; i < topics.size(); i++) {
            int topic = i;
            names.add("commit wait: " + topics.get(i));
            values.add(each(traced, t -> t.seen().visible()[topic] - t.seen().written()[topic]));
            if (i + 1 < topics.size()) {
                String stage = stages.get(i);
                boolean own = traced.stream().anyMatch(t -> t.seen().ownMs()[topic + 1] > 0);
                if (own) {
                    names.add(stage + ": processing (its own timing)");
                    values.add(each(traced, t -> t.seen().ownMs()[topic + 1] * 1_000_000));
                }
                names.add(stage + (own ? ": queueing and waits" : ": queueing, processing and waits"));
                values.add(each(traced, t -> t.seen().written()[topic + 1] - t.seen().visible()[topic]
                        - (own ? t.seen().ownMs()[topic + 1] * 1_000_000 : 0)));
            }
        }
        names.add("delivery: " + topics.getLast() + " visible -> answer received");
        values.add(each(traced, t -> t.answered() - t.seen().visible()[topics.size() - 1]));
        double[] totals = each(traced, t -> t.answered() - t.asked());
        int example = medianIndex(totals);
        List<Part> parts = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            double[] v = values.get(p);
            parts.add(new Part(names.get(p), percentile(v, 0.5), percentile(v, 0.9), n == 0 ? 0 : v[example]));
        }
        return new Breakdown(n, List.copyOf(parts), percentile(totals, 0.5));
    }

    private static double[] each(List<Traced> traced, java.util.function.ToLongFunction<Traced> nanos) {
        return traced.stream().mapToDouble(t -> nanos.applyAsLong(t) / 1e6).toArray();
    }

    private static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static int medianIndex(double[] totals) {
        double median = percentile(totals, 0.5);
        for (int i = 0; i < totals.length; i++) {
            if (totals[i] == median) {
                return i;
            }
        }
        return 0;
    }

    /** The breakdown as lines of text, the largest parts marked. */
    String text() {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "  %-58s %8s %8s %8s%n", "part (ms, " + questions + " questions)", "p50", "p90", "example"));
        for (Part p : parts) {
            s.append(String.format(java.util.Locale.ROOT, "  %-58s %8.1f %8.1f %8.1f%n", p.name(), p.p50(), p.p90(),
                    p.example()));
        }
        s.append(String.format(java.util.Locale.ROOT, "  %-58s %8.1f%n", "total (asked -> answered)", totalP50));
        return s.toString();
    }
}
