package io.dbchat.contracts.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * JSON serde for one event type. A payload that does not parse throws {@link SerializationException},
 * which Kafka Streams hands to the configured deserialization handler (and so to the DLQ).
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final JavaType type;
    /** Writes by the declared type, so a generic field typed by a sealed event (a pending queue's input) keeps its type id. */
    private final ObjectWriter writer;
    /** Holds its root deserializer: no lookup in the mapper's cache per record. */
    private final ObjectReader reader;

    public JsonSerde(Class<T> type) {
        this(Json.MAPPER.constructType(type));
    }

    /** For generic types, such as a record with a type parameter. */
    public JsonSerde(JavaType type) {
        this.type = type;
        this.writer = Json.MAPPER.writerFor(type);
        this.reader = Json.MAPPER.readerFor(type);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot write " + type.getRawClass().getSimpleName() + " to " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot read " + type.getRawClass().getSimpleName() + " from " + topic
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // configured by its constructor
    }

    @Override
    public void close() {
        // stateless: nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
