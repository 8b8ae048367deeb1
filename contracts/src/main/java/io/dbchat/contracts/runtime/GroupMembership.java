package io.dbchat.contracts.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How a stage instance belongs to its consumer group. A member killed without leaving holds its partitions
 * until the broker gives up on it: with the client defaults that is 45 s, during which its share of the
 * questions waits. Two settings shorten that: static membership ({@code group.instance.id}, one per stage
 * instance), so the instance that restarts takes its partitions back at once, without waiting or a
 * rebalance; and a short session timeout, for an instance that does not come back. The Streams rebalance
 * protocol ({@code group.protocol=streams}) would move the detection to the broker, but Kafka Streams 4.2
 * refuses it together with static membership, and the broker's streams session timeout defaults to 45 s.
 */
public final class GroupMembership {

    private GroupMembership() {
    }

    /** Consumer settings for one member of {@code stage}'s group (without a prefix: callers add Streams' own). */
    public static Map<String, Object> of(PipelineProperties p, String stage) {
        Map<String, Object> c = new HashMap<>();
        long session = p.sessionTimeout().toMillis();
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) session);
        // three heartbeats per session, as the client's own defaults have it (3 s in 45 s is fifteen)
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, session / 3));
        if (p.staticMembership()) {
            c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId(p) + "-" + stage);
        }
        return c;
    }

    /** This process's name in the groups: {@code dbchat.kafka.instance-id}, else the host name. */
    static String instanceId(PipelineProperties p) {
        if (p.instanceId() != null && !p.instanceId().isBlank()) {
            return p.instanceId().strip();
        }
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("No host name to identify this instance by: set dbchat.kafka.instance-id", e);
        }
    }
}
