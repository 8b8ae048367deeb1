package io.dbchat.gateway.ratelimit;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.gateway.errors.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/** Decides whether a principal may submit one more question now; a refusal is a 429 with Retry-After. */
public interface SubmissionLimiter {

    /** Completes empty when allowed, fails with a 429 {@link ProblemException} when not. */
    Mono<Void> check(String principal);

    static SubmissionLimiter unlimited() {
        return principal -> Mono.empty();
    }

    static ProblemException limited(String principal, Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ProblemException(429, ErrorCode.RATE_LIMITED.problem("Too many questions from '" + principal
                + "'; try again in " + seconds + " s."), headers);
    }
}
