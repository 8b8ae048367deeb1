package io.dbchat.gateway.audit;

import io.dbchat.contracts.serde.JsonSerde;
import io.dbchat.contracts.topics.Topic;
import org.apache.kafka.common.serialization.Serdes;

/** The compacted audit topic: one {@link AuditRecord} per query, keyed by query id. */
public final class AuditTopic {

    private AuditTopic() {
    }

    public static Topic<String, AuditRecord> withPrefix(String prefix) {
        return new Topic<>(prefix + "audit", Serdes.String(), new JsonSerde<>(AuditRecord.class));
    }
}
