package io.dbchat.gateway.replies;

/** No question or reply of this query id was seen (within the replay window). */
public class UnknownQueryException extends RuntimeException {

    public UnknownQueryException(String queryId) {
        super("Unknown query " + queryId, null, false, false);
    }
}
