package io.dbchat.schemapublisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class SchemaHealthIndicatorTest {

    private final DatasourceStatuses statuses = new DatasourceStatuses();
    private final SchemaHealthIndicator health = new SchemaHealthIndicator(List.of("sales", "hr"), statuses);

    @Test
    void isUnknownUntilEveryDatasourceWasRead() {
        statuses.up("sales", "v1", Instant.EPOCH);

        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.health().getDetails().get("hr")).isEqualTo(Map.of("status", "not read yet"));
    }

    @Test
    void isDownWithTheReasonSinceTheFirstFailureAndKeepsTheLastVersion() {
        statuses.up("sales", "v1", Instant.EPOCH);
        statuses.up("hr", "v2", Instant.EPOCH);
        statuses.down("hr", "PSQLException: Connection refused", Instant.ofEpochSecond(10));
        statuses.down("hr", "PSQLException: Connection refused", Instant.ofEpochSecond(20));

        var h = health.health();

        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails().get("hr")).isEqualTo(Map.of("status", "DOWN", "since", "1970-01-01T00:00:10Z",
                "version", "v2", "reason", "PSQLException: Connection refused"));
    }

    @Test
    void isUpWhenEveryDatasourceWasReadAndNoneFails() {
        statuses.down("hr", "boom", Instant.EPOCH);
        statuses.up("hr", "v2", Instant.EPOCH);
        statuses.up("sales", "v1", Instant.EPOCH);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
