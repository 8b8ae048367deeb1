package io.dbchat.contracts.events;

/**
 * The database refused or failed a proposed SQL statement; the translator may try again with the
 * error in hand. {@code sqlState} is the PostgreSQL SQLSTATE when there is one.
 */
public record SqlFailed(
        int v,
        String queryId,
        SqlProposed proposal,
        String errorClass,
        String sqlState,
        String message) {

    public static final int VERSION = 1;

    public static SqlFailed of(SqlProposed proposal, String errorClass, String sqlState, String message) {
        return new SqlFailed(VERSION, proposal.queryId(), proposal, errorClass, sqlState, message);
    }
}
