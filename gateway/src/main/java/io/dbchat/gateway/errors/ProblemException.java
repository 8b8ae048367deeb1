package io.dbchat.gateway.errors;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import org.springframework.http.HttpHeaders;

/** A request that ends in a {@link Problem} with a given HTTP status (and optional headers, such as Location). */
public class ProblemException extends RuntimeException {

    private final int status;
    private final Problem problem;
    private final transient HttpHeaders headers;

    public ProblemException(int status, Problem problem, HttpHeaders headers) {
        super(problem.code() + ": " + problem.message(), null, false, false);
        this.status = status;
        this.problem = problem;
        this.headers = headers;
    }

    public ProblemException(int status, Problem problem) {
        this(status, problem, HttpHeaders.EMPTY);
    }

    /** The problem with the HTTP status its code maps to. */
    public static ProblemException of(ErrorCode code, String message) {
        return new ProblemException(code.httpStatus(), code.problem(message));
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
