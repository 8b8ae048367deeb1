package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;

/** Something that learns from the questions and replies the gateway reads (from Kafka or from its own intake). */
public interface ReplyListener {

    void onQuestion(QuestionAsked question);

    void onReply(ReplyEvent reply);
}
