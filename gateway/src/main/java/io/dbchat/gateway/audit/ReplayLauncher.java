package io.dbchat.gateway.audit;

import io.dbchat.contracts.errors.Problem;
import java.time.Instant;
import reactor.core.publisher.Flux;

/**
 * Runs replays for {@code POST /api/audit/replays}. A replay needs the translator, executor and interpreter on the
 * classpath, so the gateway does not run one itself: the process that has them (the standalone one) provides this.
 */
public interface ReplayLauncher {

    /**
     * Starts a replay: its progress, then its report, as updates; cancelling stops it. Throws
     * {@link IllegalArgumentException} for a request that cannot run (before anything started).
     */
    Flux<Update> start(Request request);

    /** What to replay, as {@code dbchat replay}'s options say it; null means that option's default. */
    record Request(Instant from, Instant to, String principal, String datasource, String translator, String model,
                   String promptVersion, Double maxRegressions, Double rate, Integer limit, Integer timeoutSeconds) {
    }

    /** {@code progress} (published, finished, total), {@code report} (the report, as JSON), or {@code error}. */
    record Update(String type, Integer published, Integer finished, Integer total, Object report, Problem error) {

        public static Update progress(int published, int finished, int total) {
            return new Update("progress", published, finished, total, null, null);
        }

        public static Update report(Object report) {
            return new Update("report", null, null, null, report, null);
        }

        public static Update error(Problem problem) {
            return new Update("error", null, null, null, null, problem);
        }
    }
}
