package io.dbchat.translator.llm;

/** The model answered, but with neither SQL nor a refusal; asking again usually helps. */
final class MalformedReplyException extends RuntimeException {

    MalformedReplyException(String message) {
        super(message);
    }
}
