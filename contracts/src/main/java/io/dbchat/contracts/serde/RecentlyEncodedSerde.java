package io.dbchat.contracts.serde;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for a cached state store whose values are read back soon after they are written, such as the interpreter's
 * pending turns (a question stored when its result comes in, read again when its FINAL goes out a moment later): it
 * remembers the last {@code capacity} values it encoded with the very arrays it returned, and a read of one of those
 * arrays (Kafka Streams' record cache hands back the array it was given) returns the value without parsing. Another
 * array, even of the same content, is decoded as usual, so a value read from RocksDB or restored from the changelog is
 * never mistaken. Thread-safe; values are shared with the writer, so they must be immutable (records of immutable
 * values, as the events are).
 */
public final class RecentlyEncodedSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Serde<T> inner;
    private final AtomicReferenceArray<Encoded<T>> recent;
    private final AtomicInteger next = new AtomicInteger();

    public RecentlyEncodedSerde(Serde<T> inner, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.inner = inner;
        this.recent = new AtomicReferenceArray<>(capacity);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        byte[] bytes = inner.serializer().serialize(topic, value);
        if (bytes != null && value != null) {
            recent.set(Math.floorMod(next.getAndIncrement(), recent.length()), new Encoded<>(bytes, value));
        }
        return bytes;
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes != null) {
            for (int i = 0; i < recent.length(); i++) {
                Encoded<T> e = recent.get(i);
                if (e != null && e.bytes() == bytes) {
                    return e.value();
                }
            }
        }
        return inner.deserializer().deserialize(topic, bytes);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public void close() {
        for (int i = 0; i < recent.length(); i++) {
            recent.set(i, null);
        }
    }

    /** An array this serde returned, and the value it encodes. */
    private record Encoded<T>(byte[] bytes, T value) {
    }
}
