package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import java.util.List;
import java.util.Optional;

/** What is known of one query: its question (null when only its replies were seen) and its replies by seq. */
public record QueryView(String queryId, String conversationId, QuestionAsked question, List<ReplyEvent> replies) {

    /** The FINAL or ERROR reply, if the query has one. */
    public Optional<ReplyEvent> terminal() {
        return replies.stream().filter(r -> r.type().isTerminal()).findFirst();
    }
}
