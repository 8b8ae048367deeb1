package io.dbchat.standalone.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownTest {

    private static final long MS = 1_000_000;

    @Test
    void splitsAQuestionsTimeIntoIntakeCommitWaitsStagesAndDelivery() {
        // asked at 0; t0 written 2, visible 3; t1 written 10 (stage own timing 4 ms), visible 25; answered 30
        var seen = new StageTaps.Seen(new long[] {2 * MS, 10 * MS}, new long[] {3 * MS, 25 * MS}, new long[] {-1, 4});

        var breakdown = Breakdown.of(List.of("t0", "t1"), List.of("stage"), List.of(new Breakdown.Traced(0, 30 * MS, seen)));

        assertThat(breakdown.parts()).extracting(Breakdown.Part::name).containsExactly("intake: asked -> t0 written",
                "commit wait: t0", "stage: processing (its own timing)", "stage: queueing and waits", "commit wait: t1",
                "delivery: t1 visible -> answer received");
        assertThat(breakdown.parts()).extracting(Breakdown.Part::p50).containsExactly(2.0, 1.0, 4.0, 3.0, 15.0, 5.0);
        assertThat(breakdown.totalP50()).isEqualTo(30.0);
        assertThat(breakdown.text()).contains("commit wait: t1", "15.0");
    }

    @Test
    void aStageWithoutItsOwnTimingIsOnePart() {
        var seen = new StageTaps.Seen(new long[] {1 * MS, 5 * MS}, new long[] {1 * MS, 6 * MS}, new long[] {-1, -1});

        var breakdown = Breakdown.of(List.of("a", "b"), List.of("s"), List.of(new Breakdown.Traced(0, 7 * MS, seen)));

        assertThat(breakdown.parts()).extracting(Breakdown.Part::name).contains("s: queueing, processing and waits");
        assertThat(breakdown.parts().get(2).p50()).isEqualTo(4.0);
    }
}
