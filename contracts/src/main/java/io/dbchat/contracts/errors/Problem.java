package io.dbchat.contracts.errors;

/**
 * The one error model of dbchat, in HTTP bodies and in events alike: a stable machine-readable
 * {@code code} (see {@link ErrorCode}, or a finer code such as "sql.table_not_allowed") and a
 * sentence a person understands.
 */
public record Problem(String code, String message) {

    public static Problem of(ErrorCode code, String message) {
        return new Problem(code.code(), message);
    }
}
