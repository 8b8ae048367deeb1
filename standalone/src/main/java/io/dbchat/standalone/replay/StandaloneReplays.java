package io.dbchat.standalone.replay;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.audit.ReplayLauncher;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The gateway's replays in the standalone process: each request runs a {@link ReplayRun} on a thread of its own with
 * the stages' properties of this process, its progress and report going out as updates; cancelling stops the run.
 */
public final class StandaloneReplays implements ReplayLauncher {

    private static final Logger log = LoggerFactory.getLogger(StandaloneReplays.class);

    private final Map<String, String> stageProperties;

    /** {@code stageProperties}: the Spring properties the process's stages run with (broker, datasource, Redis, model). */
    public StandaloneReplays(Map<String, String> stageProperties) {
        this.stageProperties = Map.copyOf(stageProperties);
    }

    @Override
    public Flux<Update> start(Request request) {
        ReplayOptions options = options(request);
        Sinks.Many<Update> updates = Sinks.many().replay().latest();
        ReplayRun run = new ReplayRun(options, stageProperties,
                (published, finished, total) -> updates.tryEmitNext(Update.progress(published, finished, total)));
        Thread.ofVirtual().name("dbchat-replay").start(() -> {
            try {
                ReplayReport report = run.run();
                updates.tryEmitNext(Update.report(Json.MAPPER.readTree(report.json())));
            } catch (Exception e) {
                log.warn("Replay failed", e);
                updates.tryEmitNext(Update.error(ErrorCode.INTERNAL.problem("The replay failed: " + e.getMessage())));
            }
            updates.tryEmitComplete();
        });
        return updates.asFlux().doOnCancel(run::stop);
    }

    private ReplayOptions options(Request r) {
        String servers = stageProperties.getOrDefault("dbchat.kafka.bootstrap-servers", "127.0.0.1:9092");
        String prefix = stageProperties.getOrDefault("dbchat.kafka.topic-prefix", Topics.DEFAULT_PREFIX);
        return new ReplayOptions(r.from(), r.to(), r.principal(), r.datasource(), r.translator(), r.model(),
                r.promptVersion(), null, r.maxRegressions() == null ? 0 : r.maxRegressions(),
                r.rate() == null ? 10 : r.rate(), r.limit() == null ? 1000 : r.limit(),
                Duration.ofSeconds(r.timeoutSeconds() == null ? 120 : r.timeoutSeconds()), servers, prefix);
    }
}
