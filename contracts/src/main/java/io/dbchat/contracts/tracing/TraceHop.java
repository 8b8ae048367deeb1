package io.dbchat.contracts.tracing;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Where a stage takes records in: forwards each record inside the stage's span (see {@link StageTracing}),
 * with the stage's trace context in its headers. The tracing comes from the Streams configuration
 * ({@link StageTracing#CONFIG}); a stage configured without it forwards records unchanged.
 */
public final class TraceHop<V> implements FixedKeyProcessor<String, V, V> {

    private final String name;
    private final Function<V, String> queryId;
    private FixedKeyProcessorContext<String, V> context;
    private StageTracing tracing;

    private TraceHop(String name, Function<V, String> queryId) {
        this.name = name;
        this.queryId = queryId;
    }

    /** A hop named {@code name} (the stage and what it does), tagging each span with the record's query id. */
    public static <V> FixedKeyProcessorSupplier<String, V, V> at(String name, Function<V, String> queryId) {
        return () -> new TraceHop<>(name, queryId);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.tracing = context.appConfigs().get(StageTracing.CONFIG) instanceof StageTracing t ? t : null;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (tracing == null || record.value() == null) {
            context.forward(record);
            return;
        }
        tracing.within(record.headers(), name, queryId.apply(record.value()),
                headers -> context.forward(record.withHeaders(headers)));
    }
}
