package io.dbchat.executor.execution;

/**
 * How each statement runs on its pooled connection. Both modes log in with the limits as startup parameters
 * (read-only by default, the timeouts) and reset a connection that a statement may have changed.
 */
public enum ExecutionMode {

    /**
     * One round trip: the statement alone over the extended protocol, in autocommit, so it is its own
     * single-statement transaction, read-only and bounded by the connection's session settings.
     */
    SESSION,

    /**
     * The statement inside its own {@code BEGIN READ ONLY} transaction with {@code SET LOCAL} timeouts, always
     * rolled back: three round trips (the opening batch, the statement, the portal's close with the rollback).
     */
    TRANSACTION
}
