package io.dbchat.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.audit.AuditRecord;
import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The export streams: each record is written as it is read, the newest version of each query once. */
class AuditExportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final int QUERIES = 30_000;
    /** Each query's record is on the topic three times: asked, answered, then finished with its answer. */
    private static final int VERSIONS = 3;

    @Test
    void writesEachWantedQueryOnceInItsNewestVersionWhileStillReading() {
        Topic topic = new Topic();
        List<AuditRecord> written = new ArrayList<>();
        List<Long> readWhenWritten = new ArrayList<>();

        long n = AuditExport.stream(topic, r -> r.principal().equals("alice") && r.outcome() == Outcome.ANSWERED,
                r -> {
                    written.add(r);
                    readWhenWritten.add(topic.read);
                });

        assertThat(n).isEqualTo(QUERIES / 2);
        assertThat(written).hasSize(QUERIES / 2).allSatisfy(r -> {
            assertThat(r.events()).isEqualTo(VERSIONS);
            assertThat(r.principal()).isEqualTo("alice");
        });
        assertThat(written).extracting(AuditRecord::queryId).doesNotHaveDuplicates();
        // the first record went out long before the second reading ended: nothing waited for the whole topic
        long total = 2L * QUERIES * VERSIONS;
        assertThat(readWhenWritten.getFirst()).isLessThan(QUERIES * VERSIONS + 10L);
        // and each went out as it was read: the last, alice's last query, before bob's last query was read
        assertThat(readWhenWritten).isSorted().doesNotHaveDuplicates().last().isEqualTo(total - VERSIONS);
    }

    @Test
    void aQueryWhoseNewestVersionIsNotWantedIsLeftOutAndCsvHasItsHeader() {
        StringWriter out = new StringWriter();
        var export = new AuditExport("csv", new PrintWriter(out));

        long n = AuditExport.stream(new Topic(), r -> r.outcome() == null && r.principal().equals("bob"), export::write);
        export.flush();

        assertThat(n).isZero();
        assertThat(out.toString().strip()).isEqualTo(AuditExport.CSV_HEADER);
    }

    /** A made-up audit topic: every query asked by alice or bob in turn, its versions one after another. */
    private static final class Topic implements AuditExport.Source {
        long read;

        @Override
        public void read(Consumer<AuditExport.Version> each) {
            for (int q = 0; q < QUERIES; q++) {
                for (int v = 1; v <= VERSIONS; v++) {
                    read++;
                    each.accept(new AuditExport.Version("q-" + q, (long) q * VERSIONS + v, record(q, v)));
                }
            }
        }

        private static AuditRecord record(int q, int version) {
            Outcome outcome = version == 1 ? null : Outcome.ANSWERED;
            return new AuditRecord(AuditRecord.VERSION, "q-" + q, "c-" + q, q % 2 == 0 ? "alice" : "bob", "default",
                    "Question " + q, T0.plusSeconds(q), null, "v1", null, List.of(), List.of(), null, outcome, List.of(),
                    version == VERSIONS ? T0.plusSeconds(q + 1) : null, version);
        }
    }
}
