package io.dbchat.interpreter.stage;

import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.serde.JsonSerde;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.interpreter.narrate.AnswerWriter;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds {@link StreamedAnswerProcessor}s that share one bound on LLM calls in flight across all tasks of the
 * stage, with the changelogged store of pending answers they need.
 */
final class StreamedAnswers implements ProcessorSupplier<String, QueryResult, String, ReplyEvent> {

    static final String STORE = "interpreter-pending";

    private final AnswerWriter writer;
    private final InterpreterProperties settings;
    private final Clock clock;
    private final Semaphore inFlight;

    StreamedAnswers(AnswerWriter writer, InterpreterProperties settings, Clock clock) {
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.inFlight = new Semaphore(settings.maxInFlight());
    }

    @Override
    public Processor<String, QueryResult, String, ReplyEvent> get() {
        return new StreamedAnswerProcessor(writer, settings, clock, inFlight);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        StoreBuilder<KeyValueStore<String, PendingAnswers>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), new JsonSerde<>(PendingAnswers.class));
        return Set.of(store);
    }

    /** LLM calls started and not yet finished, across all tasks. */
    int inFlight() {
        return settings.maxInFlight() - inFlight.availablePermits();
    }
}
