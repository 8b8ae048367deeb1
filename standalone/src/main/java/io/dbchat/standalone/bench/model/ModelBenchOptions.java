package io.dbchat.standalone.bench.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A model-bound benchmark run: how many questions from how many concurrent clients, the scripted model's delay
 * per call, the questions asked first and not measured (the JIT compiles meanwhile), how often the stages'
 * calls in flight are sampled, where the JSON report goes, and extra Spring arguments for the stages
 * ({@code --dbchat.interpreter.max-in-flight=256}) to compare settings.
 */
public record ModelBenchOptions(String profile, int questions, int clients, Duration modelLatency, int warmup,
                                Duration sampleEvery, boolean memoryProbe, Path report, List<String> stageArguments) {

    public ModelBenchOptions {
        if (questions < 1 || clients < 1 || warmup < 0) {
            throw new IllegalArgumentException("--questions and --clients must be at least 1, --warmup at least 0");
        }
        stageArguments = List.copyOf(stageArguments);
    }

    /**
     * {@code full}: 12,000 questions from 2,000 clients (with two 2-s calls a question takes at least 4 s, so 250
     * questions/s need at least 1,000 in flight), after 2,000 unmeasured; {@code short}: a well-formed report in
     * well under a minute (a few questions, 200 ms calls), for the build.
     */
    public static ModelBenchOptions profile(String name) {
        Path report = Path.of("target", "bench-model-" + name + "-" + System.currentTimeMillis() + ".json");
        return switch (name) {
            case "full" -> new ModelBenchOptions(name, 12_000, 2_000, Duration.ofSeconds(2), 2_000,
                    Duration.ofMillis(500), true, report, List.of());
            case "short" -> new ModelBenchOptions(name, 40, 20, Duration.ofMillis(200), 10,
                    Duration.ofMillis(100), true, report, List.of());
            default -> throw new IllegalArgumentException("unknown profile " + name + " (full or short)");
        };
    }
}
