package io.dbchat.gateway.audit;

import io.dbchat.contracts.errors.Problem;
import java.time.Instant;
import reactor.core.publisher.Flux;

/**
 * Runs replays for {@code POST /api/audit/replays}. A replay needs the translator, executor and interpreter, so the
 * gateway does not run one itself: {@link TopicReplays} hands it to a replay worker over Kafka.
 */
public interface ReplayLauncher {

    /**
     * Starts a replay for {@code requestedBy}: its progress, then its report, as updates; cancelling stops it. Throws
     * {@link IllegalArgumentException} for a request that cannot run (before anything started).
     */
    Flux<Update> start(Request request, String requestedBy);

    /** What to replay, as {@code dbchat replay}'s options say it; null means that option's default. */
    record Request(Instant from, Instant to, String principal, String datasource, String translator, String model,
                   String promptVersion, Double maxRegressions, Double rate, Integer limit, Integer timeoutSeconds) {

        /** Refuses, with the reason, what {@code dbchat replay} would refuse as bad usage. */
        public void validate() {
            if (from == null || to == null || !from.isBefore(to)) {
                throw new IllegalArgumentException("'from' and 'to' are required, 'from' before 'to'.");
            }
            if (maxRegressions != null && (maxRegressions < 0 || maxRegressions > 1)) {
                throw new IllegalArgumentException("'maxRegressions' is a share from 0 to 1, such as 0.05.");
            }
            if (rate != null && rate <= 0 || limit != null && limit < 1 || timeoutSeconds != null && timeoutSeconds < 1) {
                throw new IllegalArgumentException("'rate', 'limit' and 'timeoutSeconds' must be positive.");
            }
        }
    }

    /**
     * {@code accepted} (a worker took the request), {@code progress} (published, finished, total), {@code report} (the
     * report, as JSON), or {@code error}.
     */
    record Update(String type, Integer published, Integer finished, Integer total, Object report, Problem error) {

        public static final String ACCEPTED = "accepted";
        public static final String PROGRESS = "progress";
        public static final String REPORT = "report";
        public static final String ERROR = "error";

        public static Update accepted() {
            return new Update(ACCEPTED, null, null, null, null, null);
        }

        public static Update progress(int published, int finished, int total) {
            return new Update(PROGRESS, published, finished, total, null, null);
        }

        public static Update report(Object report) {
            return new Update(REPORT, null, null, null, report, null);
        }

        public static Update error(Problem problem) {
            return new Update(ERROR, null, null, null, null, problem);
        }

        /** Whether the run ends with this update. */
        public boolean last() {
            return REPORT.equals(type) || ERROR.equals(type);
        }
    }
}
