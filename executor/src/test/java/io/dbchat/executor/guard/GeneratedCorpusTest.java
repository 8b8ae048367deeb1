package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expression position the guard knows, with a subquery on a denied column, a denied table, a system catalog
 * and a call off the allowlist: each refused with its code. The same positions over allowed objects all pass.
 */
class GeneratedCorpusTest {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    final SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);

    static Stream<GeneratedCorpus.Case> attacks() {
        return GeneratedCorpus.attacks().stream();
    }

    static Stream<GeneratedCorpus.Case> legit() {
        return GeneratedCorpus.legit().stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("attacks")
    void hostileSubqueryInEveryPositionIsRefused(GeneratedCorpus.Case attack) {
        GuardResult result = guard.check(attack.sql(), SCHEMA);

        assertThat(result).as(attack.sql()).isInstanceOfSatisfying(GuardResult.Rejected.class,
                r -> assertThat(r.problem().code()).as(attack.sql()).isEqualTo(attack.code()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("legit")
    void allowedSubqueryInEveryPositionIsAccepted(GeneratedCorpus.Case legit) {
        GuardResult result = guard.check(legit.sql(), SCHEMA);

        assertThat(result).as(legit.sql()).isInstanceOf(GuardResult.Accepted.class);
    }

    @Test
    void theGeneratedCorpusIsLargeEnough() {
        assertThat(attacks().count()).isGreaterThanOrEqualTo(300);
        assertThat(legit().count()).isGreaterThanOrEqualTo(150);
    }
}
