package io.dbchat.gateway.audit;

import java.time.Instant;

/** A replay worker's word on a run: {@code update} is accepted, progress, report or error; {@code at} when said. */
public record ReplayProgress(int v, String runId, ReplayLauncher.Update update, Instant at) {

    public static final int VERSION = 1;

    public static ReplayProgress of(String runId, ReplayLauncher.Update update, Instant at) {
        return new ReplayProgress(VERSION, runId, update, at);
    }
}
