package io.dbchat.contracts.topics;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A topic with the serdes of its keys and values; the one way stages name a topic. */
public record Topic<K, V>(String name, Serde<K> key, Serde<V> value) {

    public Consumed<K, V> consumed() {
        return Consumed.with(key, value);
    }

    public Produced<K, V> produced() {
        return Produced.with(key, value);
    }
}
