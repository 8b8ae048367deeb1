package io.dbchat.standalone.chaos;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.utils.Utils;

/**
 * Measures how long the pipeline takes to answer again after a fault: one conversation per partition of
 * the pipeline's topics, and a follow-up asked in each at the moment of measuring. The pipeline has recovered
 * when every partition has answered one well (a FINAL without a problem); a follow-up answered with an error
 * is asked again. A partition whose tasks sit with a dead member shows up here, not in the average.
 */
final class Probes {

    private final Asker asker;
    private final int partitions;
    private final String[] conversations;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    Probes(Asker asker, int partitions) {
        this.asker = asker;
        this.partitions = partitions;
        this.conversations = new String[partitions];
    }

    /** Opens a conversation on every partition, each answered well: the pipeline is up end to end. */
    Duration open(Duration bound) {
        Instant started = Instant.now();
        Instant deadline = started.plus(bound);
        int open = 0;
        while (open < partitions) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the pipeline did not answer on every partition within " + bound);
            }
            Asker.Asked asked = asker.submit(Questions.PROBE.text(), null, deadline);
            if (asked == null) {
                continue;
            }
            int partition = partition(asked.conversationId);
            if (conversations[partition] == null && asker.follow(asked, deadline).answeredWell()) {
                conversations[partition] = asked.conversationId;
                open++;
            }
        }
        return Duration.between(started, Instant.now());
    }

    /** From {@code since}, how long until every partition answered a follow-up asked now; null past the bound. */
    Duration recovery(Instant since, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        List<CompletableFuture<Instant>> answered = new ArrayList<>();
        for (String conversation : conversations) {
            answered.add(CompletableFuture.supplyAsync(() -> answeredAt(conversation, deadline), threads));
        }
        Instant last = since;
        for (var a : answered) {
            Instant at = a.join();
            if (at == null) {
                return null;
            }
            last = at.isAfter(last) ? at : last;
        }
        return Duration.between(since, last);
    }

    private Instant answeredAt(String conversation, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            Asker.Asked asked = asker.submit(Questions.PROBE.text(), conversation, deadline);
            if (asked != null && asker.follow(asked, deadline).answeredWell()) {
                return asked.answeredAt;
            }
        }
        return null;
    }

    int partition(String conversationId) {
        return Utils.toPositive(Utils.murmur2(conversationId.getBytes(UTF_8))) % partitions;
    }
}
