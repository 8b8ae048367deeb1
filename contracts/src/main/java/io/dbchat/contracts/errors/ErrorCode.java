package io.dbchat.contracts.errors;

/** The well-known error codes, each with the HTTP status a client sees when it surfaces over HTTP. */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    NOT_FOUND("not_found", 404),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    RATE_LIMITED("rate_limited", 429),
    TIMEOUT("timeout", 504),
    UNAVAILABLE("unavailable", 503),
    INTERNAL("internal", 500),
    NO_SCHEMA("no_schema", 200),
    UNTRANSLATABLE("untranslatable", 200),
    SQL_REJECTED("sql_rejected", 200),
    SQL_FAILED("sql_failed", 200),
    QUERY_TIMEOUT("query_timeout", 200),
    CANCELLED("cancelled", 200);

    private final String code;
    private final int httpStatus;

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Problem problem(String message) {
        return Problem.of(this, message);
    }
}
