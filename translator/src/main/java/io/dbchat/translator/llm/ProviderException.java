package io.dbchat.translator.llm;

/** A model call that failed for good (after its retries, or refused by the open circuit), with its status. */
final class ProviderException extends RuntimeException {

    private final String status;

    ProviderException(String status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    String status() {
        return status;
    }
}
