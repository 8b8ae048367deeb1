package io.dbchat.contracts.tracing;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Not a test: the CPU the tracing of one question costs, as the path does it (the gateway starts the trace, three
 * stages take the record in through {@link StageTracing#within}, the gateway's reply feed closes it), with the
 * sampler Spring Boot builds (parent-based, a ratio of the trace ids) at several probabilities, spans going to a batch
 * processor whose exporter drops them. Whole process CPU (the batch processor's thread included) per question. Run
 * with {@code java -cp <test and runtime classpath> io.dbchat.contracts.tracing.TracingBenchmark [seconds]}.
 */
public final class TracingBenchmark {

    private TracingBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double[] probabilities = {1.0, 0.1, 0.01, 0.0};
        for (int round = 0; round < 4; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (double p : probabilities) {
                line.append(String.format(" p=%.2f %.1f us", p, measure(p, seconds)));
            }
            System.out.println(line + " per question");
        }
    }

    private static double measure(double probability, int seconds) {
        var provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(probability)))
                .addSpanProcessor(BatchSpanProcessor.builder(new Dropping()).build()).build();
        var otel = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        var tracer = otel.getTracer("bench");
        var slf4j = new Slf4JEventListener();
        var tracing = new StageTracing(new OtelTracer(tracer, new OtelCurrentTraceContext(), slf4j::onEvent),
                new OtelPropagator(otel.getPropagators(), tracer));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long questions = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                question(tracing, UUID.randomUUID().toString());
            }
            questions += 100;
        }
        double micros = (os.getProcessCpuTime() - cpu0) / 1_000.0 / questions;
        provider.close();
        return micros;
    }

    /** The spans of one question: started at the gateway, through three stages, ended at the reply feed. */
    private static void question(StageTracing tracing, String queryId) {
        Map<String, String> start = tracing.start("gateway ask", queryId);
        var headers = new RecordHeaders();
        start.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        RecordHeaders[] hop = {headers};
        for (String stage : new String[] {"translator translate", "executor check and run", "interpreter answer"}) {
            tracing.within(hop[0], stage, queryId, out -> hop[0] = out);
        }
        tracing.within(hop[0], "gateway reply", queryId, out -> { });
    }

    /** An exporter that drops what it is given, as no endpoint configured leaves the spans nowhere to go. */
    private static final class Dropping implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
