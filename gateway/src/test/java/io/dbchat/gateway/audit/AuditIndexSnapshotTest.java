package io.dbchat.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit index kept across a restart: read back whole once, then gone, so a crash later cannot leave a stale one. */
class AuditIndexSnapshotTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anIndexSavedAtStopIsReadBackOnceWithTheSameSearches() {
        AuditIndex before = new AuditIndex();
        before.put(record("q1", "alice", Outcome.ANSWERED, 0, 1200));
        before.put(record("q2", "bob", Outcome.REFUSED, 60, 300));
        before.put(record("q3", "alice", Outcome.TIMED_OUT, 120, null));
        var snapshot = new AuditIndexSnapshot(dir.resolve("audit-index.json"));

        snapshot.save(before);
        AuditIndex after = new AuditIndex();
        boolean restored = snapshot.restore(after);

        assertThat(restored).isTrue();
        assertThat(after.entries()).containsExactlyInAnyOrderElementsOf(before.entries());
        var alice = new AuditSearch("alice", null, null, null, null, null, 0, 10);
        assertThat(after.search(alice)).isEqualTo(before.search(alice));
        var slowest = new AuditSearch(null, null, null, null, null, AuditSearch.Sort.SLOWEST, 0, 10);
        assertThat(after.search(slowest).queryIds()).containsExactly("q1", "q2", "q3");
        assertThat(dir.resolve("audit-index.json")).doesNotExist();
        assertThat(snapshot.restore(new AuditIndex())).as("read once: a crash later finds none").isFalse();
    }

    @Test
    void anUnreadableFileIsLeftForARebuild() throws IOException {
        Files.writeString(dir.resolve("audit-index.json"), "{\"v\": 1, \"entries\": [");
        var snapshot = new AuditIndexSnapshot(dir.resolve("audit-index.json"));
        AuditIndex index = new AuditIndex();

        assertThat(snapshot.restore(index)).isFalse();
        assertThat(index.size()).isZero();
        assertThat(dir.resolve("audit-index.json")).doesNotExist();
    }

    private static AuditRecord record(String id, String principal, Outcome outcome, long askedAfter, Integer latencyMs) {
        Instant asked = T0.plusSeconds(askedAfter);
        return new AuditRecord(AuditRecord.VERSION, id, "c-" + id, principal, "sales", "Question " + id, asked, null,
                "v1", null, List.of(), List.of(), null, outcome, List.of(),
                latencyMs == null ? null : asked.plusMillis(latencyMs), 5);
    }
}
