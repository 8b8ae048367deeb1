package io.dbchat.translator.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/** Names what went wrong in a model call, and whether trying again may help. Pure. */
final class Failures {

    static final String RATE_LIMITED = "rate_limited";
    static final String TIMEOUT = "timeout";
    static final String UNAVAILABLE = "unavailable";
    static final String MALFORMED = "malformed";
    static final String ERROR = "error";
    static final String CIRCUIT_OPEN = "circuit_open";

    private Failures() {
    }

    static String status(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String status = direct(t);
            if (status != null) {
                return status;
            }
        }
        return ERROR;
    }

    /** 429, 5xx, timeouts, lost connections and malformed replies pass with time; a bad key or request does not. */
    static boolean isRetriable(String status) {
        return !ERROR.equals(status);
    }

    /** Whether a failure says the provider itself is in trouble (what the circuit breaker counts). */
    static boolean isOutage(String status) {
        return RATE_LIMITED.equals(status) || TIMEOUT.equals(status) || UNAVAILABLE.equals(status);
    }

    private static String direct(Throwable t) {
        return switch (t) {
            case MalformedReplyException m -> MALFORMED;
            case RateLimitException r -> RATE_LIMITED;
            case TimeoutException x -> TIMEOUT;
            case HttpTimeoutException x -> TIMEOUT;
            case java.util.concurrent.TimeoutException x -> TIMEOUT;
            case java.net.SocketTimeoutException x -> TIMEOUT;
            case HttpException h -> h.statusCode() == 429 ? RATE_LIMITED : h.statusCode() >= 500 ? UNAVAILABLE : ERROR;
            case AuthenticationException a -> ERROR;
            case InvalidRequestException i -> ERROR;
            case ModelNotFoundException m -> ERROR;
            case InternalServerException s -> UNAVAILABLE;
            case RetriableException r -> UNAVAILABLE;
            case IOException io -> UNAVAILABLE;
            default -> null;
        };
    }
}
