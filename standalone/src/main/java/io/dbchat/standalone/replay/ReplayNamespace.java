package io.dbchat.standalone.replay;

import io.dbchat.contracts.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A replay's own topics: the pipeline's topic prefix plus {@code replay-<run id>.}, so nothing that reads the
 * pipeline's topics (the gateway's feeds, the stages, the audit) sees a replayed question or its replies. Its topics
 * and the consumer groups of its stages are deleted when the replay ends.
 */
record ReplayNamespace(String runId, String pipelinePrefix, String bootstrapServers) {

    static final String MARK = "replay-";

    static ReplayNamespace create(String pipelinePrefix, String bootstrapServers) {
        return new ReplayNamespace(UUID.randomUUID().toString().substring(0, 8), pipelinePrefix, bootstrapServers);
    }

    String prefix() {
        return pipelinePrefix + MARK + runId + ".";
    }

    Topics topics() {
        return Topics.withPrefix(prefix());
    }

    /** Deletes every topic and consumer group of the namespace (the stages' internal topics among them). */
    void delete() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> ours = names.stream().filter(n -> n.startsWith(prefix())).toList();
            admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
            List<String> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(g -> g.groupId()).filter(g -> g.startsWith(prefix())).toList();
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
