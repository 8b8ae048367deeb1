package io.dbchat.gateway.replies;

/**
 * How far this instance has read the questions other instances write: a query id it has not seen is unknown
 * for certain once the feed has caught up with everything written since the id was asked about.
 */
@FunctionalInterface
public interface FeedProgress {

    /** Nothing to wait for: questions are only those this instance takes in itself. */
    FeedProgress LOCAL = since -> true;

    /** Whether the feed read every question written before {@code System.nanoTime()} was {@code since}. */
    boolean caughtUpSince(long since);
}
