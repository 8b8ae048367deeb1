package io.dbchat.gateway.audit;

import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.serde.JsonSerde;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.time.Instant;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The audit: the questions, sql, sql.failures, results and replies topics (replies without their tokens) re-keyed by
 * query id and folded by {@link AuditFold} into one {@link AuditRecord} per query, written to the compacted audit
 * topic; and that topic read whole into a global RocksDB store on every instance ({@link AuditStoreUpdater}), so any
 * instance answers a lookup.
 */
public final class AuditTopology {

    /** The global store of audit records by query id. */
    public static final String STORE = "audit-records-global";
    static final String AGGREGATE = "audit-records";

    private AuditTopology() {
    }

    public static StreamsBuilder build(StreamsBuilder b, Topics t, Topic<String, AuditRecord> audit, AuditIndex index) {
        KStream<String, AuditEvent> events = read(b, t.questions(), (v, at) -> new AuditEvent(v, null, null, null, null, at))
                .merge(read(b, t.sql(), (v, at) -> new AuditEvent(null, v, null, null, null, at)))
                .merge(read(b, t.sqlFailures(), (v, at) -> new AuditEvent(null, null, v, null, null, at)))
                .merge(read(b, t.results(), (v, at) -> new AuditEvent(null, null, null, v, null, at)))
                .merge(read(b, t.replies(), (v, at) -> v.type() == ReplyType.TOKEN ? null
                        : new AuditEvent(null, null, null, null, v, at)));
        events.filter((key, event) -> event != null && event.queryId() != null)
                .selectKey((key, event) -> event.queryId())
                .groupByKey(Grouped.with("audit-events", Serdes.String(), new JsonSerde<>(AuditEvent.class)))
                .aggregate(() -> null, (queryId, event, record) -> AuditFold.apply(record, event),
                        Materialized.<String, AuditRecord, KeyValueStore<Bytes, byte[]>>as(AGGREGATE)
                                .withKeySerde(Serdes.String()).withValueSerde(audit.value()))
                .toStream()
                .to(audit.name(), audit.produced());
        b.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), audit.key(), audit.value())
                        .withLoggingDisabled(),
                audit.name(), Consumed.with(audit.key(), audit.value()), () -> new AuditStoreUpdater(index));
        return b;
    }

    /** A topic's values, each stamped with its record's timestamp; values that did not parse are dropped. */
    private static <V> KStream<String, AuditEvent> read(StreamsBuilder b, Topic<String, V> topic,
                                                        BiFunction<V, Instant, AuditEvent> wrap) {
        return b.stream(topic.name(), topic.consumed()).processValues(() -> new FixedKeyProcessor<String, V, AuditEvent>() {
            private FixedKeyProcessorContext<String, AuditEvent> context;

            @Override
            public void init(FixedKeyProcessorContext<String, AuditEvent> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, V> record) {
                AuditEvent event = record.value() == null ? null
                        : wrap.apply(record.value(), Instant.ofEpochMilli(record.timestamp()));
                context.forward(record.withValue(event));
            }
        });
    }
}
