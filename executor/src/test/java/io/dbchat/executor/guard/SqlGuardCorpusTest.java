package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The adversarial corpus is refused with its expected codes; the analytical corpus passes, all of it. */
class SqlGuardCorpusTest {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    final SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);

    static Stream<org.junit.jupiter.params.provider.Arguments> attacks() {
        return GuardCorpus.attacks();
    }

    static Stream<String> legit() {
        return GuardCorpus.legit().stream();
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("attacks")
    void attackIsRefusedWithItsCode(String expectedCode, String sql) {
        GuardResult result = guard.check(sql, SCHEMA);

        assertThat(result).isInstanceOfSatisfying(GuardResult.Rejected.class, r -> {
            assertThat(r.problem().code()).isEqualTo(expectedCode);
            assertThat(r.problem().message()).isNotBlank().endsWith(".");
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("legit")
    void legitimateQueryIsAccepted(String sql) {
        GuardResult result = guard.check(sql, SCHEMA);

        assertThat(result).isInstanceOf(GuardResult.Accepted.class);
    }

    @Test
    void corporaAreLargeEnough() {
        assertThat(attacks().count()).isGreaterThanOrEqualTo(150);
        assertThat(legit().count()).isGreaterThanOrEqualTo(100);
    }
}
