package io.dbchat.contracts.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceHopTest {

    static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    static final String UNSAMPLED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aStageRecordsItsSpanUnderTheRecordsContextAndPassesItsOwnOn() {
        var out = run(tracing());

        assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("executor check and run");
            assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
            assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
            assertThat(span.getAttributes().get(AttributeKey.stringKey(StageTracing.QUERY_ID))).isEqualTo("q-1");
            assertThat(traceparent(out)).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-" + span.getSpanId() + "-01");
        });
        assertThat(new String(out.headers().lastHeader("dbchat-stage").value(), StandardCharsets.UTF_8)).isEqualTo("gateway");
    }

    @Test
    void aRecordOfAnUnsampledTraceGoesOnWithItsContextAndNoSpan() {
        var out = run(tracing(), UNSAMPLED);

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(traceparent(out)).isEqualTo(UNSAMPLED);
        assertThat(new String(out.headers().lastHeader("dbchat-stage").value(), StandardCharsets.UTF_8)).isEqualTo("gateway");
    }

    @Test
    void onlyAWellFormedTraceparentWithTheSampledFlagClearIsUnsampled() {
        assertThat(StageTracing.notSampled(UNSAMPLED.getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(StageTracing.notSampled(PARENT.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(StageTracing.notSampled((UNSAMPLED.substring(0, 53) + "02").getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(StageTracing.notSampled((UNSAMPLED.substring(0, 53) + "03").getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(StageTracing.notSampled((UNSAMPLED + "-more").getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(StageTracing.notSampled((UNSAMPLED + "more").getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(StageTracing.notSampled(("ff" + UNSAMPLED.substring(2)).getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(StageTracing.notSampled(UNSAMPLED.substring(0, 54).getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(StageTracing.notSampled((UNSAMPLED.substring(0, 53) + "zz").getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(StageTracing.notSampled(new byte[0])).isFalse();
    }

    @Test
    void withoutTracingTheRecordPassesAsItIs() {
        var out = run(null);

        assertThat(traceparent(out)).isEqualTo(PARENT);
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    private TestRecord<String, String> run(StageTracing tracing) {
        return run(tracing, PARENT);
    }

    private TestRecord<String, String> run(StageTracing tracing, String traceparent) {
        var builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(TraceHop.<String>at("executor check and run", v -> v))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trace-hop-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        if (tracing != null) {
            config.put(StageTracing.CONFIG, tracing);
        }
        driver = new TopologyTestDriver(builder.build(), config);
        var headers = new RecordHeaders().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8))
                .add("dbchat-stage", "gateway".getBytes(StandardCharsets.UTF_8));
        driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer())
                .pipeInput(new TestRecord<>("c-1", "q-1", headers));
        return driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer()).readRecord();
    }

    private StageTracing tracing() {
        var provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        var otel = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        var tracer = otel.getTracer("test");
        return new StageTracing(new OtelTracer(tracer, new OtelCurrentTraceContext(), event -> { }),
                new OtelPropagator(otel.getPropagators(), tracer));
    }

    private static String traceparent(TestRecord<String, String> record) {
        return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    }
}
