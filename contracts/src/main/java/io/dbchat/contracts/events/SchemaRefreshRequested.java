package io.dbchat.contracts.events;

import java.time.Instant;

/**
 * Someone asked for a datasource's catalog to be read again now rather than at the next interval;
 * {@code datasource} null means every datasource. The schema publisher acts on it.
 */
public record SchemaRefreshRequested(int v, String datasource, String principal, Instant at) {

    public static final int VERSION = 1;

    public static SchemaRefreshRequested of(String datasource, String principal, Instant at) {
        return new SchemaRefreshRequested(VERSION, datasource, principal, at);
    }
}
