package io.dbchat.schemapublisher.catalog;

import java.time.Duration;

/**
 * How low-cardinality text columns are sampled: a column with at most {@code maxDistinct} distinct
 * values (none longer than {@code maxValueLength}) publishes them; tables estimated above
 * {@code maxRows} rows are not read; each table's query stops after {@code timeout}.
 */
public record Sampling(boolean enabled, int maxDistinct, Duration timeout, long maxRows, int maxValueLength) {

    public static Sampling off() {
        return new Sampling(false, 0, Duration.ZERO, 0, 0);
    }
}
