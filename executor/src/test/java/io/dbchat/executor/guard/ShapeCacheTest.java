package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.Problem;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Admission on the second sighting, checked against the first one; unusable shapes always go the full way. */
class ShapeCacheTest {

    final ShapeCache cache = new ShapeCache(16);
    final AtomicInteger fullChecks = new AtomicInteger();

    @Test
    void learnsAShapeOnItsSecondSightingAndThenRendersWithoutParsing() {
        Function<String, GuardResult> marked = m -> new GuardResult.Accepted("SELECT name FROM teams WHERE id = ?1 LIMIT 10");

        assertThat(check("SELECT name FROM teams WHERE id = 1", marked)).isEqualTo(accepted("1"));
        assertThat(check("SELECT name FROM teams WHERE id = 2", marked)).isEqualTo(accepted("2"));
        assertThat(check("SELECT name FROM teams WHERE id = 3", marked)).isEqualTo(accepted("3"));
        assertThat(fullChecks).hasValue(1);
        assertThat(cache.answered()).isEqualTo(2);
    }

    @Test
    void aTemplateThatDoesNotReproduceTheFirstVerdictIsNeverUsed() {
        Function<String, GuardResult> marked = m -> new GuardResult.Accepted("SELECT name FROM teams WHERE id = ?1 LIMIT 99");

        check("SELECT name FROM teams WHERE id = 1", marked);
        check("SELECT name FROM teams WHERE id = 2", marked);
        check("SELECT name FROM teams WHERE id = 3", marked);

        assertThat(fullChecks).hasValue(3);
        assertThat(cache.answered()).isZero();
    }

    @Test
    void parseErrorsAreNeverShared() {
        Supplier<GuardResult> parseError = () -> {
            fullChecks.incrementAndGet();
            return new GuardResult.Rejected(new Problem("sql.parse_error", "The SQL could not be read near line 1, column 9."));
        };
        for (int i = 0; i < 3; i++) {
            Shape shape = ShapeLexer.shape("SELECT (" + i);
            cache.get("ds", shape, parseError, m -> parseError.get());
        }

        assertThat(fullChecks).hasValue(3);
        assertThat(cache.answered()).isZero();
    }

    private GuardResult check(String sql, Function<String, GuardResult> marked) {
        Shape shape = ShapeLexer.shape(sql);
        String id = shape.literals().getFirst().value();
        return cache.get("ds", shape, () -> {
            fullChecks.incrementAndGet();
            return accepted(id);
        }, marked);
    }

    private static GuardResult accepted(String id) {
        return new GuardResult.Accepted("SELECT name FROM teams WHERE id = " + id + " LIMIT 10");
    }
}
