package io.dbchat.standalone.replay;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a replay: what was re-run with which translator, every question's {@link Change}, the counts per kind
 * of change, and whether the share of results that got worse is within the allowed one.
 */
public record ReplayReport(
        String runId,
        Instant from,
        Instant to,
        String translator,
        String model,
        String promptVersion,
        int selected,
        int replaysLeftOut,
        int beyondLimit,
        boolean stopped,
        Map<Change.Kind, Integer> counts,
        int worse,
        double maxRegressions,
        List<Change> changes) {

    static ReplayReport of(String runId, ReplayOptions o, Originals.Selection selection, boolean stopped,
                           List<Change> changes) {
        Map<Change.Kind, Integer> counts = new EnumMap<>(Change.Kind.class);
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        int worse = (int) changes.stream().filter(Change::worse).count();
        return new ReplayReport(runId, o.from(), o.to(), o.translator(), o.model(), o.promptVersion(),
                selection.originals().size(), selection.replaysLeftOut(), selection.beyondLimit(), stopped, counts, worse,
                o.maxRegressions(), List.copyOf(changes));
    }

    /** True when no more than the allowed share of the replayed results got worse. */
    public boolean withinRegressions() {
        return changes.isEmpty() || (double) worse / changes.size() <= maxRegressions;
    }

    /** Every question whose outcome, SQL or rows changed. */
    public List<Change> changed() {
        return changes.stream().filter(c -> c.kind() != Change.Kind.UNCHANGED).toList();
    }

    public String json() {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, json());
    }

    /** The terminal summary: the counts per kind of change, then each changed question with its kind. */
    public String summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Replayed %d questions asked in [%s, %s) with %s%s%s (run %s)%s",
                changes.size(), from, to, translator == null ? "the configured translator" : translator,
                model == null ? "" : " model " + model, promptVersion == null ? "" : " prompt " + promptVersion, runId,
                stopped ? ", stopped before the end" : ""));
        if (replaysLeftOut > 0 || beyondLimit > 0) {
            lines.add(String.format(Locale.ROOT, "Left out: %d replays (a replay is never replayed), %d beyond --limit",
                    replaysLeftOut, beyondLimit));
        }
        counts.forEach((kind, n) -> lines.add(String.format(Locale.ROOT, "  %-22s %5d%s", name(kind), n,
                kind.worse() ? "  (worse)" : "")));
        lines.add(String.format(Locale.ROOT, "Worse: %d of %d (%.1f %%), allowed %.1f %%: %s", worse, changes.size(),
                changes.isEmpty() ? 0.0 : 100.0 * worse / changes.size(), 100 * maxRegressions,
                withinRegressions() ? "within" : "TOO MANY"));
        List<Change> changed = changed();
        if (!changed.isEmpty()) {
            lines.add("Changed:");
            changed.forEach(c -> lines.add(String.format(Locale.ROOT, "  %-22s %s  (%s -> %s)%s", name(c.kind()),
                    c.question(), c.originalQueryId(), c.replayQueryId(),
                    c.rowsReason() == null ? "" : ": " + c.rowsReason())));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String name(Change.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
