package io.dbchat.contracts.async;

import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.serde.JsonSerde;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** Strings in, an async processor, strings out: a test driver for the processor, and a store for a mock context. */
record Pipe(TopologyTestDriver driver, TestInputTopic<String, String> in, TestOutputTopic<String, String> out)
        implements AutoCloseable {

    static Pipe through(ProcessorSupplier<String, String, String, String> processor) {
        var builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(processor)
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "async-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        var driver = new TopologyTestDriver(builder.build(), props);
        return new Pipe(driver, driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer()),
                driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer()));
    }

    /** A pending store named "pending", open and added to {@code context}. */
    static KeyValueStore<String, PendingQueue<String>> pendingStore(MockProcessorContext<String, String> context) {
        KeyValueStore<String, PendingQueue<String>> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("pending"), Serdes.String(), new JsonSerde<PendingQueue<String>>(
                        Json.MAPPER.getTypeFactory().constructParametricType(PendingQueue.class, String.class)))
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    /** Lets the wall clock run on, so the processor collects what has finished. */
    void tick() {
        driver.advanceWallClockTime(Duration.ofMillis(10));
    }

    @Override
    public void close() {
        driver.close();
    }
}
