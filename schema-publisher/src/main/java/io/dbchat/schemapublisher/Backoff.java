package io.dbchat.schemapublisher;

import java.time.Duration;

/** Exponential backoff: {@code initial} after the first failure, doubling after each further one, capped at {@code max}. */
record Backoff(Duration initial, Duration max) {

    Duration delay(int failures) {
        if (failures <= 1) {
            return min(initial);
        }
        int doublings = Math.min(failures - 1, 30);
        return min(initial.multipliedBy(1L << doublings));
    }

    private Duration min(Duration d) {
        return d.compareTo(max) > 0 ? max : d;
    }
}
