package io.dbchat.gateway.audit;

import java.time.Instant;

/**
 * A gateway's request to the replay workers: {@link #START} a replay as {@code request} says (for
 * {@code requestedBy}, an auditor), or {@link #STOP} the run of that id (its asker closed the stream). {@code at} is
 * when it was asked: a worker leaves a start nobody is waiting for any more.
 */
public record ReplayRequested(int v, String runId, String action, ReplayLauncher.Request request, String requestedBy,
                              Instant at) {

    public static final int VERSION = 1;
    public static final String START = "start";
    public static final String STOP = "stop";

    public static ReplayRequested start(String runId, ReplayLauncher.Request request, String requestedBy, Instant at) {
        return new ReplayRequested(VERSION, runId, START, request, requestedBy, at);
    }

    public static ReplayRequested stop(String runId, Instant at) {
        return new ReplayRequested(VERSION, runId, STOP, null, null, at);
    }
}
