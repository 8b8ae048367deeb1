package io.dbchat.contracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.topics.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class GroupMembershipTest {

    private static PipelineProperties settings(String instanceId, boolean staticMembership, Duration session) {
        return new PipelineProperties("127.0.0.1:1", "dbchat.", 1, (short) 1, Duration.ofDays(1), Duration.ofMillis(10),
                1, null, instanceId, staticMembership, session);
    }

    @Test
    void eachStageInstanceIsAStaticMemberWithAShortSession() {
        Map<String, Object> member = GroupMembership.of(settings("translator-b", true, Duration.ofSeconds(9)), "translator");

        assertThat(member).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "translator-b-translator")
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 9000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3000);
    }

    @Test
    void withoutAnInstanceIdTheHostNamesTheMember() {
        Object id = GroupMembership.of(settings(" ", true, Duration.ofSeconds(10)), "executor")
                .get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

        assertThat(id).asString().endsWith("-executor").isNotEqualTo("-executor");
    }

    @Test
    void dynamicMembershipCanBeChosen() {
        assertThat(GroupMembership.of(settings("a", false, Duration.ofSeconds(45)), "interpreter"))
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45000);
    }

    @Test
    void theStreamsMainConsumerJoinsAsTheMemberAndLeavesOnClose() {
        var settings = settings("host-1", true, Duration.ofSeconds(10));
        var factory = StageStreams.factory("executor", settings, Topics.withPrefix("dbchat."));

        assertThat(factory.getStreamsConfiguration())
                .containsEntry(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "host-1-executor")
                .containsEntry(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10000);
    }
}
