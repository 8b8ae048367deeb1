package io.dbchat.gateway;

import io.dbchat.gateway.ratelimit.SubmissionLimiter;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** A rate limiter stand-in that allows everything until told to refuse with a given Retry-After. */
public final class SwitchableLimiter implements SubmissionLimiter {

    private volatile Duration refuseFor;

    @Override
    public Mono<Void> check(String principal) {
        Duration refusal = refuseFor;
        return refusal == null ? Mono.empty() : Mono.error(SubmissionLimiter.limited(principal, refusal));
    }

    public void allow() {
        refuseFor = null;
    }

    public void refuse(Duration retryAfter) {
        refuseFor = retryAfter;
    }
}
