package io.dbchat.contracts.serde;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for values read far more often than they change, such as the schema snapshot a stage looks up in a global
 * table for every question: it remembers the payloads it decoded last (up to {@code capacity}, then starts afresh),
 * so an unchanged payload costs a byte comparison instead of a JSON parse. Thread-safe. Decoded values are shared
 * between all readers, so they must be immutable (records of immutable values, as events are used).
 */
public final class RememberingSerde<T> implements Serde<T>, Deserializer<T> {

    private final Serde<T> inner;
    private final int capacity;
    private final Map<Payload, T> decoded = new ConcurrentHashMap<>();

    /** Values kept by a serde of one value per datasource (a stage's schema snapshots): as many datasources as are in use. */
    public static final int PER_DATASOURCE = 64;

    /** For a global table holding one value per datasource, such as the schema snapshots. */
    public static <T> RememberingSerde<T> perDatasource(Serde<T> inner) {
        return new RememberingSerde<>(inner, PER_DATASOURCE);
    }

    public RememberingSerde(Serde<T> inner, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.inner = inner;
        this.capacity = capacity;
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return inner.deserializer().deserialize(topic, null);
        }
        T known = decoded.get(new Payload(bytes));
        if (known != null) {
            return known;
        }
        T value = inner.deserializer().deserialize(topic, bytes);
        if (value != null) {
            if (decoded.size() >= capacity) {
                decoded.clear();
            }
            decoded.put(new Payload(bytes.clone()), value);
        }
        return value;
    }

    @Override
    public Serializer<T> serializer() {
        return inner.serializer();
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
        decoded.clear();
    }

    /** Bytes compared by content. */
    private static final class Payload {

        private final byte[] bytes;
        private final int hash;

        Payload(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Payload p && p.hash == hash && Arrays.equals(p.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
