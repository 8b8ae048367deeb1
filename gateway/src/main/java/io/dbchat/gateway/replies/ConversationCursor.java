package io.dbchat.gateway.replies;

/** The last event a conversation subscriber saw: its SSE id is {@code queryId:seq}. */
public record ConversationCursor(String queryId, long seq) {

    public String eventId() {
        return queryId + ":" + seq;
    }

    /** The cursor an SSE {@code Last-Event-ID} names, or null for none; fails on a malformed id. */
    public static ConversationCursor parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        int colon = lastEventId.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not queryId:seq");
        }
        return new ConversationCursor(lastEventId.substring(0, colon).strip(),
                Long.parseLong(lastEventId.substring(colon + 1).strip()));
    }
}
