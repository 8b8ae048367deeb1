package io.dbchat.gateway.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.gateway.audit.ReplayLauncher.Request;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A replay request is refused at the gateway, with the reason, for what a worker would refuse as bad usage. */
class ReplayRequestTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void aStretchWithItsDefaultsIsAccepted() {
        assertThatCode(() -> request(FROM, TO, null, null, null).validate()).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingOrBackwardStretchAndOptionsOutOfRange() {
        assertThatThrownBy(() -> request(null, TO, null, null, null).validate()).hasMessageContaining("'from' and 'to'");
        assertThatThrownBy(() -> request(TO, FROM, null, null, null).validate()).hasMessageContaining("'from' before 'to'");
        assertThatThrownBy(() -> request(FROM, TO, 1.5, null, null).validate()).hasMessageContaining("maxRegressions");
        assertThatThrownBy(() -> request(FROM, TO, null, 0.0, null).validate()).hasMessageContaining("positive");
        assertThatThrownBy(() -> request(FROM, TO, null, null, 0).validate()).hasMessageContaining("positive");
    }

    private static Request request(Instant from, Instant to, Double maxRegressions, Double rate, Integer limit) {
        return new Request(from, to, null, null, null, null, null, maxRegressions, rate, limit, null);
    }
}
